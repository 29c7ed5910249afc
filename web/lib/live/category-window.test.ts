import { describe, expect, it } from 'vitest';
import { CategoryWindow } from './category-window.js';

const MIN = 60_000;
const T0 = Date.parse('2026-01-15T12:00:00Z');

describe('CategoryWindow', () => {
  it('starts from the server buckets and adds live mentions', () => {
    const w = new CategoryWindow(60 * MIN, MIN);
    w.reset([
      { category: 'heating', bucketStartMs: T0 - 30 * MIN, count: 4 },
      { category: 'elevator', bucketStartMs: T0 - 5 * MIN, count: 1 },
    ]);
    expect(w.add('heating', T0 - 1000, T0)).toBe(true);
    expect(w.totals(T0)).toEqual({ heating: 5, elevator: 1 });
  });

  it('lets minutes fall out of the window as time passes', () => {
    const w = new CategoryWindow(60 * MIN, MIN);
    w.reset([{ category: 'heating', bucketStartMs: T0 - 30 * MIN, count: 4 }]);
    w.add('heating', T0, T0);
    expect(w.totals(T0 + 29 * MIN)).toEqual({ heating: 5 });
    expect(w.totals(T0 + 31 * MIN)).toEqual({ heating: 1 });
    expect(w.totals(T0 + 62 * MIN)).toEqual({});
  });

  it('ignores mentions written before the window', () => {
    const w = new CategoryWindow(60 * MIN, MIN);
    expect(w.add('roof', T0 - 61 * MIN, T0)).toBe(false);
    expect(w.add('roof', Number.NaN, T0)).toBe(false);
    expect(w.totals(T0)).toEqual({});
  });

  it('a reset replaces what was counted before', () => {
    const w = new CategoryWindow(60 * MIN, MIN);
    w.add('roof', T0, T0);
    w.reset([{ category: 'gas', bucketStartMs: T0, count: 2 }]);
    expect(w.totals(T0)).toEqual({ gas: 2 });
  });
});
