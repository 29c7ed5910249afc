// A high number the geocoder put at the start of a long street: the low numbers standing there
// are no evidence for its point, the houses numbered like it are.
import { describe, expect, it } from 'vitest';
import type { House } from '../../shared/types/registry.js';
import { DEFAULT_OUTLIER_OPTIONS, findOutliers } from './outliers.js';

let seq = 0;
function house(number: string, lat: number, lon = 30.36): House {
  return { id: `s:${++seq}`, region: 'spb', address: `ул. Длинная, д. ${number}`, street: 'Длинная', streetType: 'ул.', number, locality: 'Санкт-Петербург', lat, lon, district: null, orgId: null, year: null, floors: null, apartments: null, area: null };
}

// numbers every ~40 m southwards from the street's start; the street is 5 km long
const at = (n: number) => 59.89 - n * 0.00036;
// the start is well listed (1–31), the far end only in part (110–130)
const start = Array.from({ length: 16 }, (_, i) => house(String(2 * i + 1), at(2 * i + 1)));
const end = [110, 114, 116, 120, 124, 128].map((n) => house(String(n), at(n)));

describe('findOutliers on a long street', () => {
  it('moves a high number placed among the low numbers at the street start to its neighbours', () => {
    const wrong = house('118 к. 1', at(3) + 0.0001);
    const moves = findOutliers([...start, ...end, wrong]);
    expect(moves.map((m) => m.id)).toEqual([wrong.id]);
    expect(moves[0].to[0]).toBeCloseTo(at(116), 5); // the median of 114, 116 and 120
    // counting every house of the street, the 16 at the start outvote the 6 at the end
    expect(findOutliers([...start, ...end, wrong], { ...DEFAULT_OUTLIER_OPTIONS, aroundNumberRadius: 0 })).toEqual([]);
  });

  it('keeps a high number whose own numbers stand around it and the neighbours were misplaced', () => {
    // 126 and 130 geocoded 30 km west, agreeing with each other
    const far = [126, 130].map((n) => house(String(n), at(n), 29.8));
    const right = house('128', at(128));
    const around = [118, 120, 122, 134, 136].map((n) => house(String(n), at(n)));
    const moves = findOutliers([...start, ...around, ...far, right]);
    expect(moves.map((m) => m.id)).not.toContain(right.id);
  });
});
