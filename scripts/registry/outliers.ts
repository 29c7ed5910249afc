// Geocoding outliers of the registry: a house whose point is far from every house with a nearby
// number on its street, while those neighbours agree with each other («Невский пр., 88» placed
// 2 km away from 86 and 90; «ул. Школьная, 5» 30 km away). Such a point is the geocoder's error,
// not the house's place: the build moves it to the neighbours' median point and lists the move in
// the manifest. Pure: the build does the I/O.
import type { House } from '../../shared/types/registry.js';
import { distanceM } from '../../analytics/geo/geo.js';
import { parseRegistryNumber } from '../../analytics/address/house-number.js';

export interface OutlierOptions {
  /** neighbours: the same parity and at most this far in number (4: 43, 45, 47, 49 for 47) */
  numberRadius: number;
  /** the neighbours must stand within this distance of their median point */
  maxSpreadM: number;
  /** and the house this far from every neighbour */
  minOffM: number;
  /** at least this many neighbours, at two distinct points at least (not a shared settlement point) */
  minNeighbours: number;
  /** the street's houses that decide which side is misplaced: those numbered within this of the
   * house (0: all). A geocoder that cannot place a number puts it at the street's start, among
   * low numbers that say nothing about where 118 stands */
  aroundNumberRadius: number;
}

export const DEFAULT_OUTLIER_OPTIONS: OutlierOptions = { numberRadius: 4, maxSpreadM: 300, minOffM: 1000, minNeighbours: 2, aroundNumberRadius: 20 };

export interface Relocation {
  id: string;
  address: string;
  from: [number, number];
  to: [number, number];
  offM: number;
}

const SAME_POINT_M = 5;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Degrees rounded to 6 places (~0.1 m): the build's output stays byte-stable. */
export const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Located = { h: House; base: number };

/** Houses with a point and a street, by street. */
function byStreet(houses: readonly House[]): Map<string, Located[]> {
  const streets = new Map<string, Located[]>();
  for (const h of houses) {
    if (!h.street || h.lat === null || h.lon === null) continue;
    const hn = parseRegistryNumber(h.number);
    if (!hn) continue;
    const key = streetKey(h);
    const list = streets.get(key) ?? [];
    list.push({ h, base: hn.base });
    streets.set(key, list);
  }
  return streets;
}

export const streetKey = (h: House) => `${h.region}|${h.locality}|${h.streetType}|${h.street}`;

/**
 * Duplicates of one address in the registry with different points: the point to keep is the one
 * nearest to the median of the houses with nearby numbers (same parity, ±`numberRadius`). Returns
 * house id → chosen point, only for houses whose choice differs from their current point.
 */
export function choosePoints(houses: readonly House[], alternatives: ReadonlyMap<string, readonly [number, number][]>, opts: OutlierOptions = DEFAULT_OUTLIER_OPTIONS): Map<string, [number, number]> {
  const streets = byStreet(houses);
  const out = new Map<string, [number, number]>();
  for (const h of houses) {
    const alts = alternatives.get(h.id);
    const hn = parseRegistryNumber(h.number);
    if (!alts || !alts.length || !h.street || !hn) continue;
    const nb = (streets.get(streetKey(h)) ?? []).filter((o) => o.h !== h && (o.base - hn.base) % 2 === 0 && Math.abs(o.base - hn.base) <= opts.numberRadius);
    if (nb.length < opts.minNeighbours) continue;
    const lat = median(nb.map((o) => o.h.lat!));
    const lon = median(nb.map((o) => o.h.lon!));
    const points: [number, number][] = h.lat !== null && h.lon !== null ? [[h.lat, h.lon], ...alts] : [...alts];
    let best = points[0];
    for (const p of points) if (distanceM(lat, lon, p[0], p[1]) < distanceM(lat, lon, best[0], best[1])) best = p;
    if (best[0] !== h.lat || best[1] !== h.lon) out.set(h.id, best);
  }
  return out;
}

/** Outliers among `houses` and where they belong; the input is not changed. Sorted by id. */
export function findOutliers(houses: readonly House[], opts: OutlierOptions = DEFAULT_OUTLIER_OPTIONS): Relocation[] {
  const streets = byStreet(houses);
  const out: Relocation[] = [];
  for (const list of streets.values()) {
    if (list.length < opts.minNeighbours + 1) continue;
    for (const { h, base } of list) {
      // houses at h's very point share its geocoding, right or wrong: they are no evidence
      const nb = list.filter((o) => (o.base - base) % 2 === 0 && Math.abs(o.base - base) <= opts.numberRadius && distanceM(h.lat!, h.lon!, o.h.lat!, o.h.lon!) > SAME_POINT_M);
      if (nb.length < opts.minNeighbours) continue;
      const lat = median(nb.map((o) => o.h.lat!));
      const lon = median(nb.map((o) => o.h.lon!));
      // the neighbours that agree with each other must be most of them
      const agree = nb.filter((o) => distanceM(lat, lon, o.h.lat!, o.h.lon!) <= opts.maxSpreadM);
      if (agree.length < opts.minNeighbours || 2 * agree.length <= nb.length) continue;
      const a = agree[0].h;
      if (agree.every((o) => distanceM(a.lat!, a.lon!, o.h.lat!, o.h.lon!) <= SAME_POINT_M)) continue;
      const off = Math.min(...agree.map((o) => distanceM(h.lat!, h.lon!, o.h.lat!, o.h.lon!)));
      if (off < opts.minOffM) continue;
      // the street as a whole decides which side is wrong: when more of its houses stand around h
      // than around the neighbours, it is the neighbours that were misplaced («ул. Ломоносова»
      // houses geocoded to the town of Ломоносов); only houses numbered like h count, since the
      // start of a long street («ул. Бухарестская, д. 118 к. 1» among 7–21, 5.5 km from 116 and
      // 120) is no evidence for a high number
      const near = opts.aroundNumberRadius ? list.filter((o) => Math.abs(o.base - base) <= opts.aroundNumberRadius) : list;
      const around = (la: number, lo: number) => near.filter((o) => distanceM(la, lo, o.h.lat!, o.h.lon!) <= opts.minOffM).length;
      if (around(h.lat!, h.lon!) > around(lat, lon)) continue;
      out.push({ id: h.id, address: `${h.locality}, ${h.address}`, from: [h.lat!, h.lon!], to: [r6(lat), r6(lon)], offM: Math.round(off) });
    }
  }
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
