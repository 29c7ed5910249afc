// The committed model file: loads, and reads characteristic resident texts right.
import { describe, expect, it } from 'vitest';
import { loadClassifier } from '../../analytics/classify/index.js';

const clf = loadClassifier();
const share = (texts: string[], ok: (c: string) => boolean): number => texts.filter((t) => ok(clf.analyse(t).category)).length / texts.length;

const HEATING = [
  'Батареи ледяные, в квартире 16 градусов, когда дадут отопление?',
  'У нас на Ленина 12 не топят уже неделю, дети болеют',
  'отопления нет третий день, спим в куртках',
  'Радиатор в комнате еле теплый, стояк холодный',
  'Добрый день! В доме 5 корпус 2 до сих пор не включили отопление, сколько можно ждать?',
  'в подъезде сняли батарею и холодно на лестнице',
  'Жарко как в бане, батареи раскалены, регулировки нет',
  'Почему в Кудрово до сих пор нет тепла в квартирах??',
  'холодные батареи в квартире, обращались в ук - тишина',
  'Течет кран на батарее отопления, вызвали сантехника',
];
const ELEVATOR = [
  'Лифт опять не работает, на 14 этаж пешком',
  'Застряли в лифте с ребенком, диспетчер не отвечает',
  'Второй подъезд, лифт стоит неделю',
  'лифт дергается и останавливается между этажами страшно ездить',
  'В лифте не работают кнопки и не горит свет',
  'Грузовой лифт сломался, как поднимать мебель?',
  'Здравствуйте, когда починят лифт в доме 7 по Садовой?',
  'пассажирский лифт не открывает двери на первом этаже',
  'Лифтеры приехали и уехали, лифт так и не работает',
  'Бабушка не может выйти из дома, лифт не работает уже 5 дней',
];
const GARBAGE = [
  'Мусор не вывозят неделю, контейнеры переполнены',
  'Помойка во дворе, баки через край, крысы бегают',
  'мусоропровод забит и воняет на весь подъезд',
  'Когда вывезут мусор с площадки у дома 3?',
  'Возле контейнеров свалили строительный мусор и старую мебель',
  'Контейнерная площадка в ужасном состоянии, мусор разносит ветер',
  'мусорка не вывозится уже 4 дня, вонь',
  'Вороны растаскивают мусор из переполненных баков',
];
const IRRELEVANT = [
  'Продам детскую коляску в хорошем состоянии, недорого',
  'Спасибо дворникам за чистый двор!',
  'Кто знает, во сколько открывается почта в субботу?',
  'С Новым годом, дорогие соседи!',
  'Уважаемые жители! 15 мая с 10 до 16 будет отключена горячая вода в связи с плановыми работами.',
  'Потерялась собака, рыжая, откликается на Джек, звоните',
  'В городе открыли новую станцию метро',
  'Ремонт квартир под ключ, недорого, звоните',
  'Какая красивая радуга сегодня над домом!',
  'Ищу репетитора по математике для сына, 7 класс',
];

describe('committed classifier', () => {
  it('loads quickly enough for start-up and returns a full analysis', () => {
    const t = performance.now();
    const c = loadClassifier();
    expect(performance.now() - t).toBeLessThan(10_000); // the real figure is in bench/classify.ts
    const a = c.analyse('Третий день нет отопления, дети мерзнут, на улице мороз');
    expect(a.category).toBe('heating');
    expect(a.relevant).toBe(true);
    expect(a.confidence).toBeGreaterThan(0);
    expect(a.reasons).toEqual(expect.arrayContaining(['дети', 'третий день']));
    expect(a.explanation.length).toBeGreaterThan(0);
    expect(a.explanation.some((w) => /отоплен|мерзн/.test(w))).toBe(true);
  });

  it('reads characteristic complaints right', () => {
    expect(share(HEATING, (c) => c === 'heating')).toBeGreaterThanOrEqual(0.8);
    expect(share(ELEVATOR, (c) => c === 'elevator')).toBeGreaterThanOrEqual(0.8);
    expect(share(GARBAGE, (c) => c === 'garbage')).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps non-complaints out of the complaint stream', () => {
    expect(share(IRRELEVANT, (c) => c === 'irrelevant')).toBeGreaterThanOrEqual(0.8);
    for (const t of IRRELEVANT) {
      const a = clf.analyse(t);
      if (!a.relevant) expect(a.urgency).toBe(0);
    }
  });

  it('reads electricity and billing in residents\' words; notices and thanks are not complaints', () => {
    const electricity = [
      'На площадке темнота, хоть глаз выколи, ходим с телефонами',
      'Каждый вечер вышибает пробки, стоит включить чайник',
      'нет света в подъезде вторую неделю',
      'свет мигает и гаснет, у соседей сгорел телевизор',
    ];
    const billing = [
      'За что в платежке 9 тысяч за отопление? Счетчики стоят',
      'Оплатила через приложение, а в квитанции опять долг и пени',
      'Требуем перерасчет за месяц без горячей воды',
    ];
    const notComplaints = [
      'Внимание! В четверг с 10 до 16 плановое отключение холодной воды, запаситесь водой.',
      'Дали отопление, спасибо всем, тепло!',
      'Приглашаем собственников на общее собрание в субботу в 19:00 во дворе',
      'Соседи, есть у кого стремянка на пару часов?',
    ];
    expect(share(electricity, (c) => c === 'electricity')).toBeGreaterThanOrEqual(0.75);
    expect(share(billing, (c) => c === 'billing')).toBeGreaterThanOrEqual(0.66);
    expect(share(notComplaints, (c) => c === 'irrelevant')).toBeGreaterThanOrEqual(0.75);
  });

  it('ranks an emergency above a routine complaint', () => {
    const gas = clf.analyse('В подъезде сильный запах газа, вызвали 04, дети дома');
    const routine = clf.analyse('В подъезде давно не мыли полы');
    expect(gas.relevant && routine.relevant).toBe(true);
    expect(gas.urgency).toBeGreaterThan(routine.urgency);
  });
});
