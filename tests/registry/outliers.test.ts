// Build-time point corrections: duplicates choose the point agreeing with neighbouring numbers,
// and a point far from all of them (a geocoding error) moves to their median.
import { describe, expect, it } from 'vitest';
import type { House } from '../../shared/types/registry.js';
import { choosePoints, findOutliers } from '../../scripts/registry/outliers.js';

let seq = 0;
function house(street: string, number: string, lat: number, lon: number): House {
  return { id: `t:${++seq}`, region: 'spb', address: `ул. ${street}, д. ${number}`, street, streetType: 'ул.', number, locality: 'Санкт-Петербург', lat, lon, district: null, orgId: null, year: null, floors: null, apartments: null, area: null };
}

// a straight street: numbers every ~40 m along the latitude
const along = (street: string, n: number, lat = 59.93 + n * 0.00018, lon = 30.35) => house(street, String(n), lat, lon);

describe('findOutliers', () => {
  it('moves a point far from every neighbouring number to their median', () => {
    const hs = [84, 86, 90, 92].map((n) => along('Тестовая', n));
    const wrong = along('Тестовая', 88, 59.99, 30.2);
    const moves = findOutliers([...hs, wrong]);
    expect(moves.map((m) => m.id)).toEqual([wrong.id]);
    expect(moves[0].to[0]).toBeCloseTo(59.93 + 88 * 0.00018, 3);
    expect(moves[0].offM).toBeGreaterThan(1000);
  });

  it('keeps a point when the neighbours disagree with each other or are too few', () => {
    const scattered = [along('Первая', 2), along('Первая', 4, 59.96), along('Первая', 8, 59.99), along('Первая', 6, 60.1)];
    expect(findOutliers(scattered)).toEqual([]);
    expect(findOutliers([along('Вторая', 2), along('Вторая', 4, 60.2)])).toEqual([]);
  });

  it('keeps a point the rest of the street agrees with, when it is the neighbours that were misplaced', () => {
    const street = [2, 4, 6, 8, 10, 12, 14, 16, 26, 28, 30].map((n) => along('Третья', n));
    // 18, 22 and 24 geocoded to another town; 20 is right
    const misplaced = [18, 22, 24].map((n) => along('Третья', n, 59.91 + n * 0.0001, 29.77));
    const right = along('Третья', 20);
    const moves = findOutliers([...street, ...misplaced, right]);
    expect(moves.map((m) => m.id)).not.toContain(right.id);
  });

  it('does not read a settlement point shared by the neighbours as evidence', () => {
    const shared = [2, 6, 8].map((n) => along('Сельская', n, 60.5, 30.5));
    const own = along('Сельская', 4, 60.6, 30.7);
    expect(findOutliers([...shared, own])).toEqual([]);
  });
});

describe('choosePoints', () => {
  it('picks, among the points of duplicates, the one nearest the neighbouring numbers', () => {
    const hs = [10, 14, 16].map((n) => along('Четвёртая', n));
    const dup = along('Четвёртая', 12, 59.8, 30.1);
    const right: [number, number] = [59.93 + 12 * 0.00018, 30.35];
    const chosen = choosePoints([...hs, dup], new Map([[dup.id, [right]]]));
    expect(chosen.get(dup.id)).toEqual(right);
    // already the best: nothing to change
    const ok = along('Четвёртая', 18);
    expect(choosePoints([...hs, ok], new Map([[ok.id, [[59.8, 30.1] as [number, number]]]])).has(ok.id)).toBe(false);
  });
});
