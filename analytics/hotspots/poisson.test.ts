import { describe, expect, it } from 'vitest';
import { logPoissonTail, poissonTail } from './poisson.js';

describe('poisson tail', () => {
  it('matches the closed form for small k', () => {
    const mu = 2.5;
    const p0 = Math.exp(-mu);
    expect(poissonTail(1, mu)).toBeCloseTo(1 - p0, 10);
    expect(poissonTail(2, mu)).toBeCloseTo(1 - p0 - p0 * mu, 10);
    expect(poissonTail(0, mu)).toBe(1);
  });

  it('stays finite in log space for extreme bursts', () => {
    const lp = logPoissonTail(40, 0.01);
    expect(Number.isFinite(lp)).toBe(true);
    expect(lp / Math.LN10).toBeLessThan(-100);
  });

  it('is monotone in k', () => {
    let prev = 0;
    for (let k = 1; k < 20; k++) {
      const lp = logPoissonTail(k, 3);
      expect(lp).toBeLessThan(prev);
      prev = lp;
    }
  });
});
