// Far outliers of a street as a whole: a house geocoded kilometres away from the rest of its street
// («ул. Некрасова, 8» in Парнас, 16.7 km from 6 and 14 in the centre), which the neighbour rule
// (`outliers.ts`) leaves when it lacks agreeing nearby numbers on both sides. The street's located
// houses are grouped by single linkage (a house joins a group when it stands within `linkM` of one
// of its houses); when most of the street forms one group, a house of a small other group standing
// far from every house of the main group is not where the registry puts it. Where its number falls
// between close main-group houses of the same parity it moves to their median; otherwise its point
// is dropped (a wrong point sends a complaint to the wrong district, no point sends it nowhere) and
// it keeps the district the main group shares. Pure: the build does the I/O.
import type { House } from '../../shared/types/registry.js';
import { distanceM } from '../../analytics/geo/geo.js';
import { parseRegistryNumber } from '../../analytics/address/house-number.js';
import { median, r6, streetKey } from './outliers.js';

export interface StreetOutlierOptions {
  /** single-linkage distance: houses this close belong to one group */
  linkM: number;
  /** the house stands at least this far from every house of the main group */
  minOffM: number;
  /** the main group has at least this many houses */
  minMain: number;
  /** and its houses stand within this distance of its median point: a compact street (a long one,
   * «Пулковское ш.», has far sections of its own, numbered on from the main one) */
  maxExtentM: number;
  /** and at least this share of the street's located houses */
  minMainShare: number;
  /** neighbours for a move: the nearest main-group numbers of the same parity below and above, at
   * most this far in number (leave-one-out on the registry's city houses: ±6 and 150 m answer 42%,
   * 90.0% within 100 m of the house's own point, 98.8% within 200 m) */
  numberRadius: number;
  /** they must stand within this distance of their median */
  maxSpreadM: number;
}

export const DEFAULT_STREET_OUTLIER_OPTIONS: StreetOutlierOptions = { linkM: 1000, minOffM: 3000, minMain: 5, maxExtentM: 1000, minMainShare: 0.75, numberRadius: 6, maxSpreadM: 150 };

export interface StreetOutlier {
  id: string;
  address: string;
  from: [number, number];
  /** the neighbours' median, or null when the point is dropped */
  to: [number, number] | null;
  /** distance from the old point to the nearest house of the main group */
  offM: number;
  /** for a dropped point: the district every main-group house shares, else null */
  district: string | null;
}

export type Located = { h: House; base: number | null; lat: number; lon: number };

/** Single-linkage groups of points within `linkM`, largest first (ties: the group with the smallest id). */
export function linkGroups<T extends { lat: number; lon: number }>(items: readonly T[], linkM: number): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (distanceM(items[i].lat, items[i].lon, items[j].lat, items[j].lon) <= linkM) parent[find(i)] = find(j);
  const groups = new Map<number, T[]>();
  items.forEach((it, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), it]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/** Far outliers of whole streets and what to do with each; the input is not changed. Sorted by id. */
export function findStreetOutliers(houses: readonly House[], opts: StreetOutlierOptions = DEFAULT_STREET_OUTLIER_OPTIONS): StreetOutlier[] {
  const streets = new Map<string, Located[]>();
  for (const h of houses) {
    if (!h.street || h.lat === null || h.lon === null) continue;
    const key = streetKey(h);
    const list = streets.get(key) ?? [];
    list.push({ h, base: parseRegistryNumber(h.number)?.base ?? null, lat: h.lat, lon: h.lon });
    streets.set(key, list);
  }
  const out: StreetOutlier[] = [];
  for (const list of streets.values()) {
    if (list.length < opts.minMain + 1) continue;
    const groups = linkGroups(list, opts.linkM);
    const main = groups[0];
    if (groups.length < 2 || main.length < opts.minMain || main.length < opts.minMainShare * list.length) continue;
    const lat = median(main.map((m) => m.lat));
    const lon = median(main.map((m) => m.lon));
    if (main.some((m) => distanceM(lat, lon, m.lat, m.lon) > opts.maxExtentM)) continue;
    const districts = new Set(main.map((o) => o.h.district));
    const district = districts.size === 1 ? [...districts][0] : null;
    for (const g of groups.slice(1))
      for (const o of g) {
        const off = Math.min(...main.map((m) => distanceM(o.lat, o.lon, m.lat, m.lon)));
        if (off < opts.minOffM) continue;
        out.push({ id: o.h.id, address: `${o.h.locality}, ${o.h.address}`, from: [o.lat, o.lon], to: movedTo(o, main, opts), offM: Math.round(off), district });
      }
  }
  for (const o of out) if (o.to) o.district = null;
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * The median of the nearest main-group houses numbered below and above `o` (same parity, at most
 * `numberRadius` away), when they stand within `maxSpreadM` of it; null otherwise.
 */
export function movedTo(o: Located, main: readonly Located[], opts: StreetOutlierOptions): [number, number] | null {
  const b = o.base;
  if (b === null) return null;
  const same = main.filter((m) => m.base !== null && (m.base - b) % 2 === 0 && Math.abs(m.base - b) <= opts.numberRadius);
  const below = Math.max(...same.filter((m) => m.base! < b).map((m) => m.base!));
  const above = Math.min(...same.filter((m) => m.base! > b).map((m) => m.base!));
  if (!Number.isFinite(below) || !Number.isFinite(above)) return null;
  const nb = same.filter((m) => m.base === below || m.base === above);
  const lat = median(nb.map((m) => m.lat));
  const lon = median(nb.map((m) => m.lon));
  if (nb.some((m) => distanceM(lat, lon, m.lat, m.lon) > opts.maxSpreadM)) return null;
  return [r6(lat), r6(lon)];
}
