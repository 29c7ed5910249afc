// Synthetic streams for tests and benches: a grid city, weeks of background
// complaints with a daily rhythm, chronic houses and angry residents who post
// many times, and injected bursts (a boiler failure: several neighbouring houses
// complain within minutes). Seeded, so every run sees the same stream.
import type { MapLayer } from '../../shared/types/taxonomy.js';
import type { DetectorMention } from './types.js';
import { mulberry32 } from '../../shared/random/mulberry32.js';

export const rng: (seed: number) => () => number = mulberry32;

export interface SynthHouse {
  id: string;
  lat: number;
  lon: number;
  district: string;
  street: string;
  /** relative complaint rate (chronic houses complain more) */
  weight: number;
}

export interface SynthCity {
  houses: SynthHouse[];
  districts: string[];
}

/** Districts are 0.04° × 0.08° rectangles (~4.5 km) tiled around Saint Petersburg. */
export function makeCity(opts: { districts: number; housesPerDistrict: number; seed?: number }): SynthCity {
  const r = rng(opts.seed ?? 1);
  const houses: SynthHouse[] = [];
  const districts: string[] = [];
  const cols = Math.ceil(Math.sqrt(opts.districts));
  for (let d = 0; d < opts.districts; d++) {
    const name = `Район ${d + 1}`;
    districts.push(name);
    const lat0 = 59.85 + Math.floor(d / cols) * 0.04;
    const lon0 = 30.2 + (d % cols) * 0.08;
    for (let i = 0; i < opts.housesPerDistrict; i++) {
      const lat = lat0 + r() * 0.04;
      const lon = lon0 + r() * 0.08;
      const band = Math.floor(((lat - lat0) / 0.04) * 12);
      houses.push({
        id: `h${d}-${i}`,
        lat: Math.round(lat * 1e6) / 1e6,
        lon: Math.round(lon * 1e6) / 1e6,
        district: name,
        street: `Улица ${d + 1}-${band + 1}`,
        weight: r() < 0.03 ? 6 : 0.5 + r(),
      });
    }
  }
  return { houses, districts };
}

const LAYER_CATEGORY: Record<string, string> = { heating: 'heating', snow: 'snow_ice', outages: 'electricity', yard: 'garbage', house: 'elevator', management: 'billing' };
const BACKGROUND_MIX: [string, number][] = [
  ['heating', 0.18], ['hot_water', 0.08], ['cold_water', 0.05], ['electricity', 0.05], ['snow_ice', 0.1], ['garbage', 0.12],
  ['yard', 0.08], ['elevator', 0.1], ['roof', 0.06], ['billing', 0.1], ['uk_conduct', 0.08],
];

/** Relative hourly intensity over the day (local time): quiet nights, morning and evening peaks. */
const DAY_SHAPE = [0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.7, 1.2, 1.5, 1.4, 1.3, 1.2, 1.2, 1.2, 1.1, 1.1, 1.2, 1.4, 1.6, 1.6, 1.4, 1.0, 0.6, 0.35];
const DAY_MEAN = DAY_SHAPE.reduce((a, b) => a + b, 0) / 24;

function pickCategory(r: () => number): string {
  let x = r();
  for (const [c, p] of BACKGROUND_MIX) if ((x -= p) <= 0) return c;
  return 'other';
}

function pickWeighted<T extends { weight: number }>(items: T[], cum: Float64Array, r: () => number): T {
  const x = r() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return items[lo];
}

function mention(id: string, ts: number, category: string, h: SynthHouse, author: string): DetectorMention {
  return { id, ts, category, relevant: true, houseId: h.id, lat: h.lat, lon: h.lon, district: h.district, street: h.street, authorHash: author };
}

export interface BackgroundOptions {
  startMs: number;
  weeks: number;
  perDistrictPerDay: number;
  /** angry residents per district per week: one author, one house, 6–12 posts within an hour */
  angryPerDistrictWeek?: number;
  seed?: number;
}

/** Background mentions, sorted by ts. */
export function background(city: SynthCity, o: BackgroundOptions): DetectorMention[] {
  const r = rng(o.seed ?? 2);
  const cum = new Float64Array(city.houses.length);
  let acc = 0;
  city.houses.forEach((h, i) => (cum[i] = acc += h.weight));
  const out: DetectorMention[] = [];
  const hours = o.weeks * 168;
  const perHour = (o.perDistrictPerDay * city.districts.length) / 24;
  let n = 0;
  for (let hr = 0; hr < hours; hr++) {
    const local = (hr + 3) % 24;
    const lambda = (perHour * DAY_SHAPE[local]) / DAY_MEAN;
    const k = poisson(lambda, r);
    for (let i = 0; i < k; i++) {
      const h = pickWeighted(city.houses, cum, r);
      out.push(mention(`bg:${n++}`, o.startMs + (hr + r()) * 3_600_000, pickCategory(r), h, `a${Math.floor(r() * 1e9)}`));
    }
  }
  const angry = Math.round((o.angryPerDistrictWeek ?? 1) * city.districts.length * o.weeks);
  for (let i = 0; i < angry; i++) {
    const h = city.houses[Math.floor(r() * city.houses.length)];
    const t0 = o.startMs + r() * hours * 3_600_000;
    const author = `angry${i}`;
    const cat = pickCategory(r);
    const posts = 6 + Math.floor(r() * 7);
    for (let j = 0; j < posts; j++) out.push(mention(`angry:${i}:${j}`, t0 + r() * 3_600_000, cat, h, author));
  }
  return out.sort((a, b) => a.ts - b.ts);
}

export interface Burst {
  id: string;
  layer: MapLayer;
  startMs: number;
  houseIds: string[];
  district: string;
}

/** A burst: the `size` houses nearest to a random centre complain within minutes of `startMs`. */
export function injectBurst(city: SynthCity, o: { id: string; layer: MapLayer; startMs: number; size: number; seed: number }): { burst: Burst; mentions: DetectorMention[] } {
  const r = rng(o.seed);
  const centre = city.houses[Math.floor(r() * city.houses.length)];
  const near = city.houses
    .filter((h) => h.district === centre.district)
    .map((h) => ({ h, d: (h.lat - centre.lat) ** 2 + ((h.lon - centre.lon) * 0.5) ** 2 }))
    .sort((a, b) => a.d - b.d)
    .slice(0, o.size)
    .map((x) => x.h);
  const mentions: DetectorMention[] = [];
  const perHouse = o.size <= 3 ? 4 : o.size <= 6 ? 3 : 2;
  near.forEach((h, i) => {
    // The first resident notices within minutes; neighbours follow over the next hour.
    let t = o.startMs + expo(r, 5) * 60_000;
    for (let j = 0; j < perHouse + Math.floor(r() * 2); j++) {
      mentions.push(mention(`${o.id}:${i}:${j}`, t, LAYER_CATEGORY[o.layer], h, `${o.id}-a${i}-${j}`));
      t += expo(r, 12) * 60_000;
    }
  });
  return { burst: { id: o.id, layer: o.layer, startMs: o.startMs, houseIds: near.map((h) => h.id), district: centre.district }, mentions };
}

function expo(r: () => number, mean: number): number {
  return -Math.log(1 - r()) * mean;
}

function poisson(lambda: number, r: () => number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(r)));
  const L = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > L);
  return k - 1;
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
