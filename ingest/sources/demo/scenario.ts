// Scripted bursts on top of the everyday stream, with their ground truth exported for
// tests and the hotspot detector: which houses, which district, when it starts and ends.
import type { House } from '../../../shared/types/registry.js';
import type { Label } from '../../../shared/types/taxonomy.js';
import { createRng, type Rng } from './prng.js';
import { ACCIDENT_HEATING, ACCIDENT_LATER, SNOWFALL } from './texts-bursts.js';

export interface BurstConfig {
  name: string;
  /** 'block': a few neighbouring houses (boiler-house failure); 'district': houses across a district */
  kind: 'block' | 'district';
  /** the true category of the burst's messages */
  label: Label;
  texts: readonly string[];
  /** texts for the subsiding phase («всё ещё нет отопления») */
  lateTexts?: readonly string[];
  /** minutes from the generator's start to the first message */
  offsetMin: number;
  /** minutes of growth, then the plateau, then the fall to zero */
  riseMin: number;
  plateauMin: number;
  fallMin: number;
  /** messages per minute at the peak */
  peakPerMin: number;
  /** 'sudden': most people notice at once (sqrt growth); 'gradual': linear growth */
  shape: 'sudden' | 'gradual';
  /** block size (kind 'block') */
  houses: number;
  /** block houses lie within this distance of the block's centre house */
  radiusM: number;
  /** the district to hit; unset = chosen by the seed, different from other bursts */
  district?: string;
  /** share of messages with a full address (the rest: street only or nothing) */
  addressShare: number;
  /** share of messages from someone who has not written about it yet */
  newAuthorShare: number;
}

export function heatingAccident(o: Partial<BurstConfig> = {}): BurstConfig {
  return {
    name: 'heating-accident', kind: 'block', label: 'heating', texts: ACCIDENT_HEATING, lateTexts: ACCIDENT_LATER,
    offsetMin: 2, riseMin: 25, plateauMin: 10, fallMin: 30, peakPerMin: 10, shape: 'sudden',
    houses: 10, radiusM: 600, addressShare: 0.85, newAuthorShare: 0.85, ...o,
  };
}

export function snowfall(o: Partial<BurstConfig> = {}): BurstConfig {
  return {
    name: 'snowfall', kind: 'district', label: 'snow_ice', texts: SNOWFALL,
    offsetMin: 0, riseMin: 30, plateauMin: 300, fallMin: 180, peakPerMin: 3.5, shape: 'gradual',
    houses: 0, radiusM: 3000, addressShare: 0.7, newAuthorShare: 0.8, ...o,
  };
}

/**
 * What the live demo plays: the accident two minutes after start, a snowfall elsewhere
 * meanwhile, and another accident later for those who keep the screen open.
 */
export const LIVE_SCENARIO: readonly BurstConfig[] = [
  heatingAccident(),
  snowfall(),
  heatingAccident({ name: 'heating-accident-2', offsetMin: 180, houses: 7, peakPerMin: 5 }),
];

export function durationMin(c: BurstConfig): number {
  return c.riseMin + c.plateauMin + c.fallMin;
}

/** Messages per minute, `m` minutes after the burst's start. */
export function rateAt(c: BurstConfig, m: number): number {
  if (m < 0 || m > durationMin(c)) return 0;
  if (m < c.riseMin) return c.peakPerMin * (c.shape === 'sudden' ? Math.sqrt(m / c.riseMin) : m / c.riseMin);
  if (m < c.riseMin + c.plateauMin) return c.peakPerMin;
  return c.peakPerMin * (1 - (m - c.riseMin - c.plateauMin) / c.fallMin);
}

/** Expected number of messages between the burst's start and `m` minutes later. */
export function expectedCount(c: BurstConfig, m = durationMin(c)): number {
  let sum = 0;
  const step = 0.25;
  for (let x = step / 2; x < m; x += step) sum += rateAt(c, x) * step;
  return sum;
}

/** The ground truth of one burst. */
export interface BurstTruth {
  name: string;
  kind: BurstConfig['kind'];
  label: Label;
  district: string | null;
  houseIds: string[];
  centre: { lat: number; lon: number };
  /** the largest distance from the centre to a house of the burst, metres */
  radiusM: number;
  start: string;
  peak: string;
  end: string;
  expected: number;
}

export interface PlannedBurst {
  config: BurstConfig;
  truth: BurstTruth;
  houses: House[];
  startMs: number;
  endMs: number;
}

type Located = House & { lat: number; lon: number };

export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dy = (a.lat - b.lat) * 111_195;
  const dx = (a.lon - b.lon) * 111_195 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.sqrt(dx * dx + dy * dy);
}

/** Choose the houses of every burst, deterministically for the seed. */
export function planScenario(houses: readonly House[], bursts: readonly BurstConfig[], start: Date, seed: number): PlannedBurst[] {
  const located = houses.filter((h): h is Located => h.lat !== null && h.lon !== null);
  if (bursts.length && located.length === 0) throw new Error('scenario bursts need houses with coordinates');
  const used = new Set<string>();
  const centres: { lat: number; lon: number }[] = [];
  const out: PlannedBurst[] = [];
  // blocks first: a district-wide burst then avoids the block's district
  const order = [...bursts.keys()].sort((a, b) => Number(bursts[a]!.kind === 'district') - Number(bursts[b]!.kind === 'district'));
  for (const i of order) {
    const c = bursts[i]!;
    const rng = createRng(seed).fork(`burst:${i}:${c.name}`);
    const chosen = c.kind === 'block' ? pickBlock(located, c, used, rng) : pickDistrict(located, c, used, centres, rng);
    const centre = chosen[0]!;
    for (const h of chosen) if (h.district) used.add(h.district);
    centres.push(centre);
    const startMs = start.getTime() + c.offsetMin * 60_000;
    const endMs = startMs + durationMin(c) * 60_000;
    out[i] = {
      config: c,
      houses: chosen,
      startMs,
      endMs,
      truth: {
        name: c.name, kind: c.kind, label: c.label,
        district: c.kind === 'district' ? c.district ?? centre.district : centre.district,
        houseIds: chosen.map((h) => h.id),
        centre: { lat: centre.lat, lon: centre.lon },
        radiusM: Math.round(Math.max(...chosen.map((h) => distanceM(h, centre)))),
        start: new Date(startMs).toISOString(),
        peak: new Date(startMs + c.riseMin * 60_000).toISOString(),
        end: new Date(endMs).toISOString(),
        expected: Math.round(expectedCount(c)),
      },
    };
  }
  return out;
}

/** A centre house and its nearest neighbours (one per address), all within the radius if possible. */
function pickBlock(pool: Located[], c: BurstConfig, usedDistricts: Set<string>, rng: Rng): Located[] {
  let candidates = pool.filter((h) => (c.district ? h.district === c.district : !h.district || !usedDistricts.has(h.district)));
  if (candidates.length < c.houses) candidates = pool;
  let best: Located[] = [];
  let bestSpan = Infinity;
  for (let attempt = 0; attempt < 80; attempt++) {
    const centre = rng.pick(candidates);
    const near = candidates
      .map((h) => ({ h, d: distanceM(h, centre) }))
      .filter((x) => x.d <= c.radiusM * 2)
      .sort((a, b) => a.d - b.d);
    const seen = new Set<string>();
    const block: Located[] = [];
    let span = 0;
    for (const { h, d } of near) {
      // «д. 7» and «д. 7 лит. А» are one house to the residents who write about it
      const key = h.address.replace(/\s*лит\..*$/, '');
      if (seen.has(key)) continue;
      seen.add(key);
      block.push(h);
      span = d;
      if (block.length === c.houses) break;
    }
    if (block.length === c.houses && span <= c.radiusM) return block;
    if (block.length > best.length || (block.length === best.length && span < bestSpan)) {
      best = block;
      bestSpan = span;
    }
  }
  return best;
}

/** Houses of one district (not used by other bursts); without district data, houses around a far-away centre. */
function pickDistrict(pool: Located[], c: BurstConfig, used: Set<string>, centres: { lat: number; lon: number }[], rng: Rng): Located[] {
  const byDistrict = new Map<string, Located[]>();
  for (const h of pool) {
    if (!h.district) continue;
    const list = byDistrict.get(h.district);
    if (list) list.push(h);
    else byDistrict.set(h.district, [h]);
  }
  if (c.district && byDistrict.has(c.district)) return byDistrict.get(c.district)!;
  // a snowfall covers a real district, not a corner of one: prefer districts with many houses
  const free = [...byDistrict.keys()].filter((d) => !used.has(d)).sort();
  const big = free.filter((d) => byDistrict.get(d)!.length >= 200);
  const names = big.length ? big : free.filter((d) => byDistrict.get(d)!.length >= 20);
  if (names.length) return byDistrict.get(rng.pick(names))!;
  // no districts known: take the centre farthest from other bursts among a few tries
  let centre = rng.pick(pool);
  for (let i = 0; i < 20 && centres.length; i++) {
    const cand = rng.pick(pool);
    const far = (p: Located) => Math.min(...centres.map((x) => distanceM(p, x)));
    if (far(cand) > far(centre)) centre = cand;
  }
  const around = pool.filter((h) => distanceM(h, centre) <= c.radiusM);
  return [centre, ...around.filter((h) => h !== centre)];
}
