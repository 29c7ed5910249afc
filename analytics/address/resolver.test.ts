import { describe, expect, it } from 'vitest';
import type { House } from '../../shared/types/registry.js';
import { createResolver } from './resolver.js';

let seq = 0;
function house(locality: string, streetType: string, street: string, number: string, lat: number, lon: number, region: House['region'] = 'spb'): House {
  return { id: `t:${++seq}`, region, address: `${streetType} ${street}, д. ${number}`, street, streetType, number, locality, lat, lon, district: null, orgId: null, year: null, floors: null, apartments: null, area: null };
}

const SPB = 'Санкт-Петербург';
const H = {
  lenina12: house(SPB, 'ул.', 'Ленина', '12', 59.96, 30.3),
  prosv: house(SPB, 'пр-кт.', 'Просвещения', '87 к. 1', 60.05, 30.33),
  prosv2: house(SPB, 'пр-кт.', 'Просвещения', '87 к. 2', 60.051, 30.334),
  grazhd: house(SPB, 'пр-кт.', 'Гражданский', '5 к. 2', 60.01, 30.39),
  line7: house(SPB, 'линия.', '7-я В.О.', '34', 59.94, 30.28),
  line8: house(SPB, 'линия.', '8-я В.О.', '34', 59.941, 30.276),
  zakharova: house(SPB, 'ул.', 'Маршала Захарова', '46', 59.86, 30.17),
  nevsky: house(SPB, 'пр-кт.', 'Невский', '28', 59.935, 30.325),
  goncharnaya: house(SPB, 'ул.', 'Гончарная', '15а', 59.93, 30.364),
  berezovaya: house(SPB, 'аллея.', '2-я Березовая', '13/15 лит. А', 59.98, 30.289),
  zvezdnaya: house(SPB, 'ул.', 'Звездная', '5 к. 1', 59.83, 30.35),
  rubinshteina: house(SPB, 'ул.', 'Рубинштейна', '23', 59.929, 30.344),
  paradnaya: house(SPB, 'ул.', 'Парадная', '3 к. 2', 59.94, 30.37),
  sadovayaP: house('Пушкин', 'ул.', 'Садовая', '8', 59.72, 30.4),
  sadovayaK: house('Колпино', 'ул.', 'Садовая', '8', 59.75, 30.6),
  geroev: house(SPB, 'пр-кт.', 'Героев', '24 к. 2', 59.85, 30.15),
  kosygina: house(SPB, 'пр-кт.', 'Косыгина', '31 к. 3', 59.94, 30.49),
  village: { ...house('Пудомяги', '', '', '3', 59.6, 30.2, 'lenoblast'), address: 'Пудомяги, д. 3' },
  vsev: house('Всеволожск', 'ул.', 'Александровская', '88 к. 2', 60.02, 30.64, 'lenoblast'),
  suvorov: house(SPB, 'пр-кт.', 'Суворовский', '61', 59.9412, 30.3817),
  suvorovA: house(SPB, 'пр-кт.', 'Суворовский', '61 лит. А', 59.9413, 30.3828),
  korzuna: house(SPB, 'ул.', 'Солдата Корзуна', '52', 59.829, 30.223),
  korzunaA: house(SPB, 'ул.', 'Солдата Корзуна', '52 лит. А', 59.843, 30.211),
  flotA: house('Кронштадт', 'ул.', 'Флотская', '10 лит. А', 59.996, 29.77),
  flotOblast: house('Новое Девяткино', 'ул.', 'Флотская', '10', 60.06, 30.47, 'lenoblast'),
  primorsk: house('Приморск', 'ул.', 'Ленина', '12', 60.36, 28.61, 'lenoblast'),
  okhta: house(SPB, 'пр-кт.', 'Большеохтинский', '11 к. 1', 59.95, 30.41),
  // Моховая: 45 and 49 about 60 m apart, 47 missing; 51 is the end of what the registry lists
  mokh45: house(SPB, 'ул.', 'Моховая', '45 лит. А', 59.9400, 30.3450),
  mokh49: house(SPB, 'ул.', 'Моховая', '49', 59.9405, 30.3452),
  mokh51: house(SPB, 'ул.', 'Моховая', '51', 59.9407, 30.3453),
  // Длинная: 10 and 14 are 600 m apart: 12 could be anywhere between
  dl10: house(SPB, 'ул.', 'Длинная', '10', 59.90, 30.30),
  dl14: house(SPB, 'ул.', 'Длинная', '14', 59.905, 30.305),
  sadovayaP10: house('Пушкин', 'ул.', 'Садовая', '10', 59.7203, 30.4003),
  sadovayaP14: house('Пушкин', 'ул.', 'Садовая', '14', 59.7208, 30.4008),
  sadovayaK12: house('Колпино', 'ул.', 'Садовая', '12', 59.752, 30.602),
  bkon29: house(SPB, 'ул.', 'Большая Конюшенная', '29', 59.938, 30.323),
  mkon5: house(SPB, 'ул.', 'Малая Конюшенная', '5', 59.936, 30.325),
  kon29: house('Пушкин', 'ул.', 'Конюшенная', '29', 59.715, 30.41),
  kon5: house('Пушкин', 'ул.', 'Конюшенная', '5', 59.716, 30.41),
  saperPer: house(SPB, 'пер.', 'Саперный', '6', 59.94, 30.36),
  saperUl: house('Пушкин', 'ул.', 'Саперная', '6', 59.72, 30.39),
  zagorPr: house(SPB, 'пр-кт.', 'Загородный', '41', 59.92, 30.33),
  zagorUl: house('Колпино', 'ул.', 'Загородная', '37', 59.75, 30.59),
  peri: { ...house('Пери', '', '', '5', 60.1, 30.5, 'lenoblast'), address: 'Пери, д. 5' },
  krasn12: house(SPB, 'ул.', '12-я Красноармейская', '35', 59.912, 30.307),
  krasnLom: house('Ломоносов', 'ул.', 'Красноармейская', '35а', 59.91, 29.77),
};
const resolver = createResolver(Object.values(H), { commonStems: ['парадн', 'подъезд', 'этаж', 'двор'] });
const r = (t: string, hint?: Parameters<typeof resolver.resolve>[1]) => resolver.resolve(t, hint);

describe('resolver: texts with a house', () => {
  it.each([
    ['у нас на Ленина 12 опять нет горячей воды', H.lenina12],
    ['Пр. Просвещения д.87 к.1, 3 парадная', H.prosv],
    ['проспект Просвещения, дом 87, корпус 2', H.prosv2],
    ['Просвещения 87/2 не убирают', H.prosv2],
    ['Просвещения 87-1', H.prosv],
    ['дом 5к2 по Гражданке', H.grazhd],
    ['Васильевский, 7-я линия 34', H.line7],
    ['8 линия В.О. д 34', H.line8],
    ['на Маршала Захарова у 46-го', H.zakharova],
    ['наледь у дома Захарова 46', H.zakharova],
    ['Мусор на тротуаре. 12-Красноармейская дом 35', H.krasn12],
    ['Невский пр., д. 28', H.nevsky],
    ['в доме 28 по Невскому проспекту', H.nevsky],
    ['В доме 15а по Гончарной улице парение', H.goncharnaya],
    ['2-я Березовая аллея, 13/15', H.berezovaya],
    ['Звёздная ул., 5 к. 1', H.zvezdnaya],
    ['Граффити на доме 23 по Рубинштена', H.rubinshteina],
    ['ул. Парадная, д. 3 к. 2', H.paradnaya],
    ['Героев 24к2 подъезд 4 на 2 этаже', H.geroev],
    ['Косыгина д 31 к 3 Лестница 1', H.kosygina],
    ['д. Пудомяги, д. 3 — нет воды', H.village],
    ['ТСЖ «Суворовский-61» не убирает', H.suvorov],
    ['Флотская-10, подъезд 4', H.flotA],
    ['Граффити на доме 12. Ул. Ленина', H.lenina12],
    ['Незаконное сооружение у дома 11/1 по Большеохтинскому проспекту во дворе', H.okhta],
    ['мусор в парадной дома №23 (подъезд номер 2) по улице Рубинштейна', H.rubinshteina],
    ['на фасаде д.15 а по Гончарной', H.goncharnaya],
    ['ул. Ленина 12, обслуживает ЖКС №2 Приморского района', H.lenina12],
    ['наледь во дворе дома по Б.Конюшенной ул.29', H.bkon29],
    ['М. Конюшенная, 5', H.mkon5],
  ])('%s', (text, want) => {
    const res = r(text);
    expect(res.house?.id).toBe(want.id);
    expect(res.span).not.toBeNull();
    expect(res.confidence).toBeGreaterThan(0.5);
  });

  it('tolerates two typos in a long name written as a name, with a house number', () => {
    expect(r('Граффити у дома Просвищенея 87 к.1').house?.id).toBe(H.prosv.id);
    // not at the start of a sentence in lower case, and not without a number
    expect(r('просвищенея 87 к.1').house).toBeNull();
    expect(r('Граффити на Просвищенея').street).toBeNull();
  });

  it('returns the span of the address in the text', () => {
    const text = 'Жалоба: Невский пр., д. 28, лифт';
    const res = r(text);
    expect(text.slice(...res.span!)).toBe('Невский пр., д. 28');
  });
});

describe('resolver: gender of adjectival names', () => {
  it('picks the street whose name agrees with the text among equally fitting houses', () => {
    expect(r('За домом саперная дом 6 сломаны качели').house?.id).toBe(H.saperUl.id);
    expect(r('Саперный пер., д. 6').house?.id).toBe(H.saperPer.id);
    expect(r('по Саперному переулку д. 6').house?.id).toBe(H.saperPer.id);
  });

  it('gives no house when only a street of the other gender has the number', () => {
    expect(r('Мусор возле дома загородная 41, подъезд 2').house).toBeNull();
    expect(r('Мусор возле дома Загородный 41').house?.id).toBe(H.zagorPr.id);
    expect(r('на Загородном проспекте 41').house?.id).toBe(H.zagorPr.id);
  });
});

describe('resolver: ambiguity and hints', () => {
  it('reports the same street and number in two localities as ambiguous, not a guess', () => {
    const res = r('ул. Садовая 8, течёт крыша');
    expect(res.house).toBeNull();
    expect(res.ambiguous).toBe(true);
    expect(res.candidates.sort()).toEqual([H.sadovayaP.id, H.sadovayaK.id].sort());
  });

  it('uses the locality named in the text or given as a hint', () => {
    expect(r('г. Пушкин, ул. Садовая 8').house?.id).toBe(H.sadovayaP.id);
    expect(r('ул. Садовая 8', { locality: 'Колпино' }).house?.id).toBe(H.sadovayaK.id);
    expect(r('ул. Садовая 8', { lat: 59.721, lon: 30.401 }).house?.id).toBe(H.sadovayaP.id);
  });

  it('does not choose between two registry points of one house that disagree', () => {
    const res = r('ул. Солдата Корзуна, д. 52, лит. А, подъезд 3');
    expect(res.house).toBeNull();
    expect(res.ambiguous).toBe(true);
    expect(r('ул. Солдата Корзуна, д. 52').house?.id).toBe(H.korzuna.id);
  });

  it('does not place a house in the oblast without anything pointing there', () => {
    expect(r('Александровская 88 к 2').house).toBeNull();
    expect(r('Всеволожск, Александровская 88 к 2').house?.id).toBe(H.vsev.id);
  });
});

describe('resolver: a number the registry lacks (neighbour-number fallback)', () => {
  it('returns the nearer-numbered neighbour, marked approximate, when both neighbours are close', () => {
    const res = r('Граффити на фасаде по адресу ул. Моховая, 47');
    expect(res.house?.id).toBe(H.mokh45.id);
    expect(res.approximate).toBe(true);
    expect(res.address?.house).toBe('47');
    expect(res.confidence).toBeLessThan(r('ул. Моховая, 49').confidence);
    expect(r('ул. Моховая, 49').approximate).toBeUndefined();
  });

  it('does not guess past the last listed number, across a wide gap, or for a корпус', () => {
    expect(r('ул. Моховая, 53').house).toBeNull();
    expect(r('ул. Длинная, 12').house).toBeNull();
    expect(r('ул. Длинная, 12').street?.name).toBe('Длинная');
    expect(r('ул. Моховая, 47 к. 2').house).toBeNull();
  });

  it('uses the neighbours of the place the text names, though a namesake elsewhere has the number', () => {
    const res = r('г. Пушкин, ул. Садовая 12, не убирают');
    expect(res.house?.id).toBe(H.sadovayaP10.id);
    expect(res.approximate).toBe(true);
    expect(r('Колпино, ул. Садовая 12').house?.id).toBe(H.sadovayaK12.id);
  });

  it('can be turned off', () => {
    const plain = createResolver(Object.values(H), { neighbours: null });
    expect(plain.resolve('ул. Моховая, 47').house).toBeNull();
  });
});

describe('resolver: texts without a house', () => {
  it.each([
    'Третий день нет горячей воды',
    'Уже 3 дня нет отопления',
    'На 5 этаже течёт крыша',
    'Соседи из кв. 12 затопили',
    'Звоните 8-921-123-45-67',
    'Позвонила 12.01.2021 в 10:30',
    'Платим 5000 рублей в месяц',
    'парадная 3 не убирается',
    'нет освещения у парадной номер 3',
    'Грязно в парадной номер 3 уже месяц',
    'Требуется дератизация (крысы) Парадная № 3',
    'наледь у дома Захарова пер. 46',
    'лёд на тротуаре у здания Скачков пер., д. 5',
    'Ленина 12 человек без света',
    'дом 5 не убирают',
  ])('%s', (text) => {
    expect(r(text).house).toBeNull();
  });

  it('gives the street when no house matches', () => {
    const res = r('На Ленина опять раскопали всю улицу');
    expect(res.house).toBeNull();
    expect(res.street).toEqual({ name: 'Ленина', type: 'ул.', locality: 'Санкт-Петербург' });
  });

  it('gives the street when the number is not in the registry', () => {
    const res = r('Ленина 99');
    expect(res.house).toBeNull();
    expect(res.street?.name).toBe('Ленина');
    expect(res.address?.house).toBe('99');
  });

  it('gives no street for an ordinary word without its type, number or capital', () => {
    expect(r('в парадной грязно, на ленина не проехать').street).toBeNull();
    expect(r('Садовая скамейка сломана').street).toBeNull();
    expect(r('у нас на Садовой опять раскопки').street?.name).toBe('Садовая');
    expect(r('на улице садовой опять раскопки').street?.name).toBe('Садовая');
  });
});
