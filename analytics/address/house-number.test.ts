import { describe, expect, it } from 'vitest';
import { EMPTY_NUMBER, formatNumber, numberFit, parseRegistryNumber, sameBuilding } from './house-number.js';

const hn = (p: Partial<typeof EMPTY_NUMBER>) => ({ ...EMPTY_NUMBER, ...p });

describe('registry house numbers', () => {
  it.each([
    ['13/15, лит. А,Б,В', { base: 13, slash: 15, litera: 'абв' }, '13/15 лит. А,Б,В'],
    ['42 (дубль 1), к. 1', { base: 42, korpus: '1' }, '42 к. 1'],
    ['14 (дубль 1), к. А', { base: 14, litera: 'а' }, '14 лит. А'],
    ['4/23 литера "А"', { base: 4, slash: 23, litera: 'а' }, '4/23 лит. А'],
    ['6, к. 1, стр. 1', { base: 6, korpus: '1', stroenie: '1' }, '6 к. 1 стр. 1'],
    ['31 к. 2 лит. Л,И', { base: 31, korpus: '2', litera: 'ли' }, '31 к. 2 лит. Л,И'],
    ['18-20', { base: 18, dash: 20 }, '18-20'],
    ['15а', { base: 15, letter: 'а' }, '15а'],
    ['52, стр. литер А', { base: 52, litera: 'а' }, '52 лит. А'],
    ['5, к. 1, стр. литера Д', { base: 5, korpus: '1', litera: 'д' }, '5 к. 1 лит. Д'],
    ['44, к. 1А,Б,В', { base: 44, korpus: '1', litera: 'абв' }, '44 к. 1 лит. А,Б,В'],
    ['3, к. Литера А', { base: 3, litera: 'а' }, '3 лит. А'],
    ['7, стр. жилое', { base: 7 }, '7'],
  ])('%s', (raw, want, formatted) => {
    const got = parseRegistryNumber(raw)!;
    expect(got).toEqual(hn(want));
    expect(formatNumber(got)).toBe(formatted);
    expect(parseRegistryNumber(formatted)).toEqual(got);
  });

  it('rejects text without a number', () => {
    expect(parseRegistryNumber('старый фонд')).toBeNull();
  });
});

describe('numberFit', () => {
  it('treats «5/2», «5-2» and «5 к. 2» as the same building, but not «5 к. 3»', () => {
    const reg = hn({ base: 5, korpus: '2' });
    expect(numberFit(hn({ base: 5, korpus: '2' }), reg)).toBe(3);
    expect(numberFit(hn({ base: 5, slash: 2 }), reg)).toBe(2);
    expect(numberFit(hn({ base: 5, dash: 2 }), reg)).toBe(2);
    expect(numberFit(hn({ base: 5, korpus: '3' }), reg)).toBe(0);
    expect(numberFit(hn({ base: 6, korpus: '2' }), reg)).toBe(0);
  });

  it('matches a letter against the house letter or a литера', () => {
    expect(numberFit(hn({ base: 9, letter: 'б' }), hn({ base: 9, letter: 'б' }))).toBe(3);
    expect(numberFit(hn({ base: 9, letter: 'б' }), hn({ base: 9, letter: 'а' }))).toBe(0);
    expect(numberFit(hn({ base: 9, letter: 'б' }), hn({ base: 9, litera: 'аб' }))).toBe(2);
  });

  it('treats литера А as optional but prefers the spelling the text uses', () => {
    expect(numberFit(hn({ base: 61 }), hn({ base: 61 }))).toBe(3);
    expect(numberFit(hn({ base: 61 }), hn({ base: 61, litera: 'а' }))).toBe(2.5);
    expect(numberFit(hn({ base: 61, litera: 'а' }), hn({ base: 61 }))).toBe(3);
    expect(numberFit(hn({ base: 61 }), hn({ base: 61, litera: 'б' }))).toBe(2);
    expect(numberFit(hn({ base: 61, litera: 'д' }), hn({ base: 61, litera: 'а' }))).toBe(2);
    expect(numberFit(hn({ base: 14, stroenie: '1' }), hn({ base: 14 }))).toBe(2);
  });

  it('ranks a plain number exact on a plain house and weak on a korpus', () => {
    expect(numberFit(hn({ base: 31 }), hn({ base: 31 }))).toBe(3);
    expect(numberFit(hn({ base: 31 }), hn({ base: 31, korpus: '1' }))).toBe(1);
  });

  it('lets the bare number stand for корпус 1 and a corner «28/2», not for корпус 2 and up', () => {
    expect(numberFit(hn({ base: 20, korpus: '1' }), hn({ base: 20 }))).toBe(1);
    expect(numberFit(hn({ base: 28, slash: 2 }), hn({ base: 28 }))).toBe(1);
    expect(numberFit(hn({ base: 20, korpus: '3' }), hn({ base: 20 }))).toBe(0);
    expect(numberFit(hn({ base: 20, korpus: '3', stroenie: '1' }), hn({ base: 20, litera: 'а' }))).toBe(0);
  });
});

describe('sameBuilding', () => {
  const n = (s: string) => parseRegistryNumber(s)!;
  it('treats the second number and a missing литера А as spellings of one building', () => {
    expect(sameBuilding(n('5/2'), n('5 к. 2'))).toBe(true);
    expect(sameBuilding(n('34-36, корпус 1'), n('34/36 к. 1'))).toBe(true);
    expect(sameBuilding(n('8'), n('8 лит. А'))).toBe(true);
    expect(sameBuilding(n('47, корпус 1, литера А'), n('47 к. 1'))).toBe(true);
    expect(sameBuilding(n('17 стр. 1'), n('17 стр. 1'))).toBe(true);
  });
  it('keeps other литеры, letters, корпуса and строения apart', () => {
    expect(sameBuilding(n('8 лит. Б'), n('8'))).toBe(false);
    expect(sameBuilding(n('10а'), n('10 лит. А'))).toBe(false);
    expect(sameBuilding(n('9 к. 1'), n('9 к. 2'))).toBe(false);
    expect(sameBuilding(n('9 к. 1'), n('9'))).toBe(false);
    expect(sameBuilding(n('17 стр. 1'), n('17'))).toBe(false);
    expect(sameBuilding(n('44 к. 1 лит. А,Б,В'), n('44 к. 1 лит. А'))).toBe(false);
  });
});
