import { describe, expect, it } from 'vitest';
import { Coverage } from './coverage.js';

const H = 3_600_000;

describe('observed time', () => {
  it('a backfill of yesterday arriving after today started counts only as far as it got', () => {
    const c = new Coverage();
    const now = 100 * H;
    c.see(now - 24 * H); // the first backfill mention
    for (let t = now; t <= now + 5 * 60_000; t += 10_000) c.see(t); // live minutes
    for (let t = now - 24 * H; t <= now - 20 * H; t += 60_000) c.see(t); // four hours of backfill so far
    expect(c.within(now - 30 * H, now + H)).toBeCloseTo(4 + 5 / 60, 2);
    // the backfill catches up: one stretch
    for (let t = now - 20 * H; t <= now; t += 60_000) c.see(t);
    expect(c.intervals).toHaveLength(1);
    expect(c.within(now - 30 * H, now + H)).toBeCloseTo(24 + 5 / 60, 2);
  });

  it('a live stream silent for hours is not observed in between', () => {
    const c = new Coverage();
    c.see(0);
    c.see(H);
    c.see(10 * H);
    c.see(11 * H);
    expect(c.within(0, 12 * H)).toBeCloseTo(2, 5);
  });
});
