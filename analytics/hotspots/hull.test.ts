import { describe, expect, it } from 'vitest';
import { bufferedHull, convexHull, insideRing } from './hull.js';

describe('outline', () => {
  it('convex hull drops interior points', () => {
    const h = convexHull([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1]]);
    expect(h).toHaveLength(4);
    expect(h).not.toContainEqual([1, 1]);
  });

  it('buffered hull is closed and contains every house, even a single one', () => {
    const houses: [number, number][] = [[30.30, 59.93], [30.305, 59.931], [30.302, 59.935]];
    const ring = bufferedHull(houses, 40);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lon, lat] of houses) expect(insideRing(lon, lat, ring)).toBe(true);
    const one = bufferedHull([[30.3, 59.9]], 40);
    expect(one.length).toBeGreaterThan(4);
    expect(insideRing(30.3, 59.9, one)).toBe(true);
    expect(insideRing(30.31, 59.9, one)).toBe(false);
  });
});
