import { describe, expect, it } from 'vitest';
import { fold, stem, tokenize } from './normalise.js';

const nums = (s: string) => tokenize(s).filter((t) => t.kind === 'num');

describe('normalise', () => {
  it('folds case and ё', () => {
    expect(fold('Звёздная УЛИЦА')).toBe('звездная улица');
    expect(fold('OOO', true)).toBe('ооо');
  });

  it('stems declensions of street names to one form', () => {
    expect(stem('херсонская')).toBe(stem('херсонской'));
    expect(stem('университетский')).toBe(stem('университетскому'));
    expect(stem('ленина')).toBe(stem('ленину'));
    expect(stem('невского')).toBe(stem('невский'));
    expect(stem('ул')).toBe('ул');
  });

  it('reads house numbers with letters, slashes, ranges and ordinals', () => {
    const [a, b, c, d, e] = nums('15а, 13/15, 18-20, 7-я, 10я');
    expect([a.value, a.letter]).toEqual([15, 'а']);
    expect([b.value, b.slash]).toEqual([13, 15]);
    expect([c.value, c.dash]).toEqual([18, 20]);
    expect([d.value, d.ordinal]).toEqual([7, 'я']);
    expect([e.value, e.ordinal]).toEqual([10, 'я']);
  });

  it('splits a house marker glued to a capitalised name («Германад.35»), not an ordinary word', () => {
    expect(tokenize('Ул.Партизана Германад.35').map((t) => t.text)).toEqual(['ул', '.', 'партизана', 'германа', 'д', '.', '35']);
    expect(tokenize('Провод. 3').map((t) => t.text)).toEqual(['провод', '.', '3']);
    expect(tokenize('провод.3').map((t) => t.text)).toEqual(['провод', '.', '3']);
  });

  it('splits «5к2» into number, korpus word, number', () => {
    const t = tokenize('5к2');
    expect(t.map((x) => x.kind)).toEqual(['num', 'word', 'num']);
    expect(t[1].text).toBe('к');
  });

  it('turns dates, times and phone numbers into junk, not numbers', () => {
    expect(nums('12.01.2021 в 10:30, тел 8-921-123-45-67')).toEqual([]);
    expect(tokenize('12.01.2021').map((t) => t.kind)).toEqual(['junk']);
  });

  it('merges island qualifiers «В.О.» and keeps type abbreviations whole', () => {
    const t = tokenize('7-я линия В.О., пр-кт Римского-Корсакова').filter((x) => x.kind === 'word').map((x) => x.text);
    expect(t).toEqual(['линия', 'во', 'пр-кт', 'римского', 'корсакова']);
  });

  it('keeps offsets of the original text', () => {
    const s = 'Дом 5 на Ленина';
    const t = tokenize(s);
    expect(s.slice(t[3].start, t[3].end)).toBe('Ленина');
  });
});
