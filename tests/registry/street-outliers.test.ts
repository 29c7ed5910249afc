// Build-time correction of a house kilometres away from the rest of its compact street: moved
// between the numbers around it when they agree, otherwise its point dropped (district kept).
import { describe, expect, it } from 'vitest';
import type { House } from '../../shared/types/registry.js';
import { findStreetOutliers } from '../../scripts/registry/street-outliers.js';

let seq = 0;
function house(street: string, number: string, lat: number, lon: number, district = 'Центральный район'): House {
  return { id: `t:${String(++seq).padStart(4, '0')}`, region: 'spb', address: `ул. ${street}, д. ${number}`, street, streetType: 'ул.', number, locality: 'Санкт-Петербург', lat, lon, district, orgId: null, year: null, floors: null, apartments: null, area: null };
}
// a compact street: numbers every ~20 m along the latitude
const along = (street: string, n: number) => house(street, String(n), 59.93 + n * 0.00009, 30.35);
const FAR = [60.08, 30.27] as const; // ~17 km away

describe('findStreetOutliers', () => {
  it('moves a far house between close numbers around it (no number within ±4 on one side)', () => {
    const street = [6, 14, 17, 19, 21, 23, 25].map((n) => along('Тестовая', n));
    const wrong = house('Тестовая', '8 лит. А', FAR[0], FAR[1], 'Выборгский район');
    const [c, ...rest] = findStreetOutliers([...street, wrong]);
    expect(rest).toEqual([]);
    expect(c.id).toBe(wrong.id);
    expect(c.to![0]).toBeCloseTo(59.93 + 10 * 0.00009, 5);
    expect(c.offM).toBeGreaterThan(10000);
    expect(c.district).toBeNull();
  });

  it('drops the point of a far house the numbers cannot place, keeping the district the street shares', () => {
    const street = [3, 5, 7, 9, 11, 13].map((n) => along('Вторая', n));
    const wrong = house('Вторая', '1/38', FAR[0], FAR[1], 'Выборгский район');
    const beyond = house('Вторая', '30', FAR[0] + 0.001, FAR[1], 'Выборгский район');
    const out = findStreetOutliers([...street, wrong, beyond]);
    expect(out.map((c) => [c.id, c.to, c.district])).toEqual([
      [wrong.id, null, 'Центральный район'],
      [beyond.id, null, 'Центральный район'],
    ]);
    // the street's houses in two districts: no district to keep
    const split = [...[3, 5, 7].map((n) => along('Третья', n)), ...[9, 11, 13].map((n) => ({ ...along('Третья', n), district: 'Адмиралтейский район' }))];
    expect(findStreetOutliers([...split, house('Третья', '1', FAR[0], FAR[1])])[0].district).toBeNull();
  });

  it('leaves long streets, far sections of several houses, too few houses and near points alone', () => {
    // a long street (its houses spread over 3 km) has far sections of its own
    const long = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map((n) => house('Длинная', String(n), 59.9 + n * 0.0015, 30.3));
    expect(findStreetOutliers([...long, house('Длинная', '90', 59.7, 30.3)])).toEqual([]);
    // a third of the street elsewhere is not a minority
    const split = [...[1, 3, 5, 7, 9, 11].map((n) => along('Пятая', n)), ...[2, 4, 6].map((n) => house('Пятая', String(n), FAR[0], FAR[1] + n * 0.001))];
    expect(findStreetOutliers(split)).toEqual([]);
    // fewer than five houses in the main group
    expect(findStreetOutliers([...[1, 3, 5, 7].map((n) => along('Шестая', n)), house('Шестая', '9', FAR[0], FAR[1])])).toEqual([]);
    // 2 km away: within the minimum offset
    expect(findStreetOutliers([...[1, 3, 5, 7, 9].map((n) => along('Седьмая', n)), house('Седьмая', '11', 59.95, 30.35)])).toEqual([]);
  });
});
