import { describe, expect, it } from 'vitest';
import { scoreUrgency } from './urgency.js';

describe('scoreUrgency', () => {
  it('a leak into a flat and an injured resident are urgent; a fallen icicle is not an injury', () => {
    const leak = scoreUrgency('С крыши течет прямо в квартиру на 9 этаже, потолок весь мокрый', 'roof');
    expect(leak.reasons).toContain('течёт в квартиру');
    expect(leak.urgency).toBeGreaterThan(scoreUrgency('Водосток на крыше оторван', 'roof').urgency);
    const hurt = scoreUrgency('Тротуар не посыпан, гололед, сегодня упала и сломала руку возле дома', 'snow_ice');
    expect(hurt.reasons).toContain('пострадали люди');
    expect(hurt.urgency).toBeGreaterThanOrEqual(0.4);
    const icicle = scoreUrgency('Вчера упала сосулька у второй парадной', 'snow_ice');
    expect(icicle.reasons).not.toContain('пострадали люди');
    expect(scoreUrgency('Кран на кухне капает', 'plumbing_leak').reasons).not.toContain('течёт в квартиру');
    expect(scoreUrgency('В ванной с потолка капает от соседей', 'plumbing_leak').reasons).toContain('течёт в квартиру');
    expect(scoreUrgency('Снег лежит во дворе, не убирают', 'yard').urgency).toBe(0);
    expect(scoreUrgency('В подвале все затоплено нечистотами', 'sewerage').reasons).toEqual(expect.arrayContaining(['затопление', 'нечистоты']));
    expect(scoreUrgency('В квартире холодно, батареи еле теплые, на улице -20', 'heating').reasons).toContain('нет отопления в мороз');
    expect(scoreUrgency('Холодно на остановке, нет навеса', 'city_landscaping').reasons).not.toContain('нет отопления');
  });

  it('puts emergencies above routine complaints', () => {
    const gas = scoreUrgency('В подъезде сильно пахнет газом!', 'gas');
    const burst = scoreUrgency('Прорвало трубу в подвале, хлещет кипяток', 'plumbing_leak');
    const routine = scoreUrgency('В подъезде давно не моют полы', 'entrance_cleaning');
    expect(gas.urgency).toBeGreaterThan(routine.urgency);
    expect(burst.urgency).toBeGreaterThan(routine.urgency);
    expect(gas.reasons).toContain('запах газа');
    expect(burst.reasons).toContain('прорыв');
    expect(burst.reasons).toContain('кипяток');
  });

  it('no heating in frost with children outranks no heating alone', () => {
    const plain = scoreUrgency('Нет отопления в квартире', 'heating');
    const worse = scoreUrgency('Третий день нет отопления, на улице мороз -25, дети мерзнут', 'heating');
    expect(worse.urgency).toBeGreaterThan(plain.urgency);
    expect(worse.reasons).toEqual(expect.arrayContaining(['нет отопления в мороз', 'дети', 'третий день']));
    expect(plain.reasons).toEqual(['нет отопления']);
  });

  it('raises for scale, duration and repetition and explains each', () => {
    const r = scoreUrgency('Опять во всем доме нет горячей воды уже неделю', 'hot_water');
    expect(r.reasons).toEqual(expect.arrayContaining(['весь дом', 'повторно']));
    expect(r.reasons.some((x) => x.includes('неделю'))).toBe(true);
    expect(r.urgency).toBeGreaterThan(scoreUrgency('Нет горячей воды', 'hot_water').urgency);
    const district = scoreUrgency('Нет света у нескольких домов, весь район без электричества', 'electricity');
    expect(district.reasons).toContain('несколько домов / район');
  });

  it('is bounded and zero for non-complaints', () => {
    const all = scoreUrgency('Опять прорвало, затопило, искрит проводка, запах газа, пожилые и дети, весь район, третий день', 'plumbing_leak');
    expect(all.urgency).toBeLessThanOrEqual(1);
    expect(all.urgency).toBeGreaterThan(0.9);
    expect(scoreUrgency('Прорвало трубу', 'irrelevant')).toEqual({ urgency: 0, reasons: [] });
    expect(scoreUrgency('Во дворе нет лавочек', 'yard').urgency).toBe(0);
  });
});

describe('scoreUrgency word pass', () => {
  it('reads frost written as a negative temperature and scale in any case', () => {
    expect(scoreUrgency('Не топят, за окном -27, весь подъезд мерзнет', 'heating').reasons).toEqual(
      expect.arrayContaining(['нет отопления в мороз', 'весь дом']),
    );
    expect(scoreUrgency('Запах канализации по всему подъезду', 'sewerage').reasons).toContain('весь дом');
  });

  it('does not read numbers of an address as a duration or «двадцать пять» as many houses', () => {
    expect(scoreUrgency('Школьная, д. 2. Месяц! Горячей нет', 'hot_water').reasons).not.toContain('2 месяц');
    expect(scoreUrgency('Опять двадцать пять, дома ребенок, батареи холодные', 'heating').reasons).not.toContain('несколько домов / район');
    expect(scoreUrgency('Пять дней нет воды', 'cold_water').reasons).toContain('пять дней');
  });

  it('quotes the outage it found', () => {
    expect(scoreUrgency('Опять пропало электричество в доме', 'electricity').reasons).toContain('пропало электричество');
    expect(scoreUrgency('Застряли в лифте между этажами', 'elevator').reasons).toContain('люди в лифте');
  });
});
