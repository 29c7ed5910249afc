// Written forms of addresses beyond «type name, д. number»: each with a text it must resolve and
// a near text it must not.
import { describe, expect, it } from 'vitest';
import type { House } from '../../shared/types/registry.js';
import { createResolver } from './resolver.js';

let seq = 0;
function house(locality: string, streetType: string, street: string, number: string, lat: number, lon: number): House {
  return { id: `f:${++seq}`, region: 'spb', address: `${streetType} ${street}, д. ${number}`, street, streetType, number, locality, lat, lon, district: null, orgId: null, year: null, floors: null, apartments: null, area: null };
}

const SPB = 'Санкт-Петербург';
const H = {
  fontanka: house(SPB, 'наб.', 'Реки Фонтанки', '76 лит. А', 59.9266, 30.335),
  naberezhnaya: house('Колпино', 'ул.', 'Набережная', '5', 59.75, 30.6),
  trud: house('Колпино', 'б-р.', 'Трудящихся', '5', 59.74, 30.58),
  veteranov: house(SPB, 'пр-кт.', 'Ветеранов', '110', 59.83, 30.18),
  tikhoretsky: house(SPB, 'пр-кт.', 'Тихорецкий', '10 к. 2', 60.0134, 30.3671),
  lesnoy: house(SPB, 'пр-кт.', 'Лесной', '77', 59.98, 30.34),
  korolyova: house(SPB, 'пр-кт.', 'Королева', '27 к. 1', 60.0127, 30.2732),
  lenina: house(SPB, 'ул.', 'Ленина', '5', 59.96, 30.3),
  poltavsky: house(SPB, 'проезд.', 'Полтавский', '2', 59.92, 30.37),
  esenina: house(SPB, 'ул.', 'Есенина', '15 к. 1', 60.03, 30.33),
  lunach: house(SPB, 'пр-кт.', 'Луначарского', '15/1', 60.035, 30.34),
};
const resolver = createResolver(Object.values(H), { commonStems: ['парадн', 'подъезд', 'этаж', 'двор'] });
const r = (t: string) => resolver.resolve(t);

describe('two type words: a habitual «ул.» before the name’s own type', () => {
  it('reads «ул. Набережная реки Фонтанки» as the embankment, with a number before it', () => {
    const res = r('собственник квартиры в доме 76 литера А, по ул. Набережная Реки Фонтанки г. Санкт Петербург');
    expect(res.house?.id).toBe(H.fontanka.id);
    expect(res.address?.raw).toBe('76 литера А, по ул. Набережная Реки Фонтанки');
  });

  it('keeps the kind the street has and the number after it', () => {
    expect(r('ул. Бульвар Трудящихся 5, Колпино').house?.id).toBe(H.trud.id);
    expect(r('на улице пр. Ветеранов, д. 110 не убирают').house?.id).toBe(H.veteranov.id);
  });

  it('does not join another type word that is no «ул.»', () => {
    // «дороги. Ул. Ленина»: the road is another place; the span starts at the street's own type
    const text = 'Яма посреди дороги. Ул. Ленина, д. 5';
    const res = r(text);
    expect(res.house?.id).toBe(H.lenina.id);
    expect(text.slice(...res.span!)).toBe('Ул. Ленина, д. 5');
  });
});

describe('a misspelt type abbreviation between the name and «д.»', () => {
  it.each([
    ['В тамбуре подъезда дома по адресу Тихорецкий по., д. 10, к.2 диван', H.tikhoretsky],
    ['Граффити Лесному по.дом 77', H.lesnoy],
    ['Лесной по. Дом 77 двери', H.lesnoy],
  ])('%s', (text, want) => {
    expect(r(text).house?.id).toBe(want.id);
  });

  it('needs the dot and the house marker after the abbreviation', () => {
    expect(r('сосульки на Лесном по 77 домам').house).toBeNull();
    expect(r('Лесной по. 77 раз звонили').house).toBeNull();
  });
});

describe('a participle between the house and its street', () => {
  it('reads «дома 27 корпус 1 литера А выходящему на проспекту Королева»', () => {
    expect(r('На фасаде дома 27 корпус 1 литера А выходящему на проспекту Королева надписи').house?.id).toBe(H.korolyova.id);
    expect(r('у дома 27 к.1, расположенного по проспекту Королева').house?.id).toBe(H.korolyova.id);
  });

  it('needs the house marker before the number and a participle, not any word', () => {
    expect(r('27 к.1, расположенного по проспекту Королева').house).toBeNull();
    expect(r('дома 27 корпус 1 окна на проспект Королева').house).toBeNull();
  });
});

describe('a preposition between the street and its house marker', () => {
  it.each([
    ['Яма Полтавский проезд около дома 2', H.poltavsky],
    ['на улице Ленина в доме 5 нет света', H.lenina],
    ['улицы Ленина, напротив дома 5 не горит фонарь', H.lenina],
    ['на Ленина возле д. 5 лужа', H.lenina],
  ])('%s', (text, want) => {
    expect(r(text).house?.id).toBe(want.id);
  });

  it('needs the house marker right after the preposition', () => {
    expect(r('на улице Ленина в 5 часов утра').house).toBeNull();
    expect(r('на улице Ленина возле 5 парадной').house).toBeNull();
  });

  it('yields to «дома 15/1 по пр. Луначарского» when two streets claim the number', () => {
    expect(r('Столбы на ул. Есенина около дома 15/1 по пр. Луначарского').house?.id).toBe(H.lunach.id);
  });
});
