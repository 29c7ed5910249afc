// Runs a detector over a synthetic stream and scores it against the injected
// bursts: detection rate, delay, false alerts per district per week.
import { HotspotDetector } from './detector.js';
import { uniformPrior } from './baseline.js';
import { background, injectBurst, makeCity, rng, type Burst } from './synthetic.js';
import type { DetectorConfig, DetectorMention, HotspotAlert } from './types.js';
import type { MapLayer } from '../../shared/types/taxonomy.js';

const MIN_MS = 60_000;
const WEEK_MS = 7 * 24 * 60 * MIN_MS;

export interface Scenario {
  districts: number;
  housesPerDistrict: number;
  perDistrictPerDay: number;
  /** weeks of background; the first one only warms the baselines */
  weeks: number;
  bursts: number;
  sizes: number[];
  layers: MapLayer[];
  seed: number;
  /** the background rate jumps by `factor` from the start of week `atWeek` on (a new source joins, a cold snap) */
  rateChange?: { atWeek: number; factor: number };
}

export interface Score {
  bursts: number;
  found: number;
  foundWithin10: number;
  delaysMin: number[];
  falseAlerts: number;
  /** trigger kinds of the false alerts, e.g. { cell: 3, street: 1 } */
  falseByTrigger: Record<string, number>;
  districtWeeks: number;
  falsePerDistrictWeek: number;
  mentions: number;
  ms: number;
  perSecond: number;
  missed: Burst[];
  /** bursts that showed at least the minimum mentions, houses and authors within their first 10 min */
  detectable: number;
  /** of those, found within 10 min */
  detectableWithin10: number;
}

export function buildStream(s: Scenario): { mentions: DetectorMention[]; bursts: Burst[]; startMs: number; city: ReturnType<typeof makeCity> } {
  const city = makeCity({ districts: s.districts, housesPerDistrict: s.housesPerDistrict, seed: s.seed });
  const startMs = Date.UTC(2024, 0, 1);
  const bg = s.rateChange
    ? [
        ...background(city, { startMs, weeks: s.rateChange.atWeek, perDistrictPerDay: s.perDistrictPerDay, seed: s.seed + 1 }),
        ...background(city, {
          startMs: startMs + s.rateChange.atWeek * WEEK_MS, weeks: s.weeks - s.rateChange.atWeek,
          perDistrictPerDay: s.perDistrictPerDay * s.rateChange.factor, seed: s.seed + 3,
        }),
      ]
    : background(city, { startMs, weeks: s.weeks, perDistrictPerDay: s.perDistrictPerDay, seed: s.seed + 1 });
  const r = rng(s.seed + 2);
  const bursts: Burst[] = [];
  const all = [...bg];
  const span = (s.weeks - 1) * WEEK_MS;
  for (let i = 0; i < s.bursts; i++) {
    // Spread evenly over the scored weeks, jittered, so bursts do not overlap in time.
    const slot = span / s.bursts;
    const startMs2 = startMs + WEEK_MS + i * slot + r() * slot * 0.5;
    const { burst, mentions } = injectBurst(city, {
      id: `burst${i}`,
      layer: s.layers[Math.floor(i / s.sizes.length) % s.layers.length],
      size: s.sizes[i % s.sizes.length],
      startMs: startMs2,
      seed: s.seed * 1000 + i,
    });
    bursts.push(burst);
    all.push(...mentions);
  }
  all.sort((a, b) => a.ts - b.ts);
  return { mentions: all, bursts, startMs, city };
}

export function evaluate(s: Scenario, cfg: DetectorConfig): Score {
  const { mentions, bursts, startMs, city } = buildStream(s);
  const early = new Map<string, DetectorMention[]>();
  for (const m of mentions) {
    const b = m.id.startsWith('burst') ? m.id.slice(0, m.id.indexOf(':')) : null;
    if (b) early.set(b, [...(early.get(b) ?? []), m]);
  }
  const counts = { house: city.houses.length, street: s.districts * 12, cell: Math.max(1, s.districts * 64), district: s.districts };
  const det = new HotspotDetector(cfg, uniformPrior(counts));
  const opened: HotspotAlert[] = [];
  const t0 = performance.now();
  let nextTick = startMs;
  for (const m of mentions) {
    while (m.ts >= nextTick) {
      for (const e of det.tick(nextTick)) if (e.kind === 'opened') opened.push(e.alert);
      nextTick += MIN_MS;
    }
    for (const e of det.add(m)) if (e.kind === 'opened') opened.push(e.alert);
  }
  const ms = performance.now() - t0;

  const scoredFrom = startMs + WEEK_MS;
  const found = new Set<string>();
  const delays: number[] = [];
  let falseAlerts = 0;
  const falseByTrigger: Record<string, number> = {};
  const matchedDelay = new Map<string, number>();
  for (const a of opened) {
    const at = Date.parse(a.openedAt);
    const hit = bursts.find(
      (b) => b.layer === a.layer && at >= b.startMs && at <= b.startMs + 3 * 60 * MIN_MS && a.houses.some((h) => b.houseIds.includes(h.id)),
    );
    if (hit) {
      if (!matchedDelay.has(hit.id)) matchedDelay.set(hit.id, (at - hit.startMs) / MIN_MS);
      found.add(hit.id);
    } else if (at >= scoredFrom) {
      falseAlerts++;
      const kind = `${a.layer}/${a.trigger.split(':')[0]}`;
      falseByTrigger[kind] = (falseByTrigger[kind] ?? 0) + 1;
    }
  }
  for (const d of matchedDelay.values()) delays.push(d);
  const showed = bursts.filter((b) => {
    const th = { ...cfg.defaults, ...cfg.perLayer[b.layer] };
    const ms = (early.get(b.id) ?? []).filter((m) => m.ts <= b.startMs + 10 * MIN_MS);
    return ms.length >= th.minMentions && new Set(ms.map((m) => m.houseId)).size >= th.minHouses && new Set(ms.map((m) => m.authorHash)).size >= th.minAuthors;
  });
  const districtWeeks = s.districts * (s.weeks - 1);
  return {
    bursts: bursts.length,
    found: found.size,
    foundWithin10: delays.filter((d) => d <= 10).length,
    delaysMin: delays.sort((a, b) => a - b),
    falseAlerts,
    falseByTrigger,
    districtWeeks,
    falsePerDistrictWeek: falseAlerts / districtWeeks,
    mentions: mentions.length,
    ms,
    perSecond: mentions.length / (ms / 1000),
    missed: bursts.filter((b) => !matchedDelay.has(b.id) || (matchedDelay.get(b.id) as number) > 10),
    detectable: showed.length,
    detectableWithin10: showed.filter((b) => (matchedDelay.get(b.id) ?? Infinity) <= 10).length,
  };
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
