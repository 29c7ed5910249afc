import { describe, expect, it } from 'vitest';
import { mergeIntervals, monthBounds, monthlyBudget, monthOf } from './budget.js';

const msk = (s: string) => new Date(`${s}+03:00`);
const now = msk('2026-12-15T12:00:00');
const opts = { month: '2026-11', utcOffsetMinutes: 180, budgetMinutes: 24 * 60, singleMaxMinutes: 16 * 60, now };

describe('monthly interruption budget', () => {
  it('uses local month bounds', () => {
    const b = monthBounds('2026-11', 180);
    expect(new Date(b.from).toISOString()).toBe('2026-10-31T21:00:00.000Z');
    expect(monthOf(new Date('2026-11-30T21:30:00Z'), 180)).toBe('2026-12');
  });

  it('sums interruptions and counts overlapping reports once', () => {
    const s = monthlyBudget(
      [
        { start: msk('2026-11-02T08:00:00'), end: msk('2026-11-02T14:00:00') }, // 6 h
        { start: msk('2026-11-02T10:00:00'), end: msk('2026-11-02T16:00:00') }, // overlaps: +2 h
        { start: msk('2026-11-20T00:00:00'), end: msk('2026-11-20T10:00:00') }, // 10 h
      ],
      opts,
    );
    expect(s.usedMinutes).toBe(18 * 60);
    expect(s.remainingMinutes).toBe(6 * 60);
    expect(s.exceeded).toBe(false);
    expect(s.longestMinutes).toBe(10 * 60);
    expect(s.singleExceeded).toBe(false);
  });

  it('flags a month over budget and a single interruption over the norm, clipping to the month', () => {
    const s = monthlyBudget(
      [
        { start: msk('2026-10-31T20:00:00'), end: msk('2026-11-01T06:00:00') }, // only 6 h in November
        { start: msk('2026-11-29T00:00:00'), end: null }, // still off: until the end of the month, 48 h
      ],
      opts,
    );
    expect(s.usedMinutes).toBe(54 * 60);
    expect(s.exceeded).toBe(true);
    expect(s.remainingMinutes).toBe(0);
    expect(s.singleExceeded).toBe(true);
  });

  it('merges touching intervals', () => {
    const m = mergeIntervals([{ start: new Date(0), end: new Date(10) }, { start: new Date(10), end: new Date(20) }], 0, 100, new Date(50));
    expect(m).toEqual([[0, 20]]);
  });
});
