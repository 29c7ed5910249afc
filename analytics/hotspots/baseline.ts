// Baselines: the expected number of mentions of a layer in an area over a window.
//   rate(layer)          city-wide mentions per hour, Gamma-smoothed towards a prior
//   share(layer, area)   the area's part of them, smoothed towards its prior share
//                        (its part of the city's houses), so a short history is safe
//   profile(layer, how)  hour-of-week multiplier learnt city-wide (areas are too sparse for their own)
// expected = rate × share × profile × window hours.
import type { MapLayer } from '../../shared/types/taxonomy.js';
import type { AreaKind, DetectorConfig } from './types.js';
import { areaKey } from './areas.js';

const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;

/** Prior share of an area in the city's mentions; the worker derives it from the registry. */
export interface AreaPrior {
  share(kind: AreaKind, id: string): number;
}

export function uniformPrior(counts: Record<AreaKind, number>): AreaPrior {
  return { share: (kind) => 1 / Math.max(1, counts[kind]) };
}

interface LayerStats {
  total: number;
  profile: Float64Array;
  areas: Map<string, number>;
}

export class Baseline {
  private readonly layers = new Map<MapLayer, LayerStats>();
  private startMs = Infinity;
  private endMs = -Infinity;

  constructor(
    private readonly cfg: DetectorConfig,
    private readonly prior: AreaPrior,
  ) {}

  private stats(layer: MapLayer): LayerStats {
    let s = this.layers.get(layer);
    if (!s) this.layers.set(layer, (s = { total: 0, profile: new Float64Array(WEEK_HOURS), areas: new Map() }));
    return s;
  }

  hourOfWeek(ms: number): number {
    const h = Math.floor(ms / HOUR_MS + this.cfg.utcOffsetHours);
    // 1970-01-01 was a Thursday: shift so that 0 = Monday 00:00 local time.
    return (((h + 72) % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS;
  }

  /** Extend the observed span (history or live). */
  observe(ms: number): void {
    if (ms < this.startMs) this.startMs = ms;
    if (ms > this.endMs) this.endMs = ms;
  }

  /** One live mention of `layer` in the given area keys. */
  add(layer: MapLayer, keys: readonly string[], ms: number, n = 1): void {
    const s = this.stats(layer);
    s.total += n;
    s.profile[this.hourOfWeek(ms)] += n;
    for (const k of keys) s.areas.set(k, (s.areas.get(k) ?? 0) + n);
    this.observe(ms);
  }

  /** History, already aggregated: n mentions of `layer` in one area. */
  warmArea(layer: MapLayer, kind: AreaKind, id: string, n: number): void {
    const s = this.stats(layer);
    const k = areaKey(kind, id);
    s.areas.set(k, (s.areas.get(k) ?? 0) + n);
  }

  /** History, already aggregated: n mentions of `layer` in one hour of the week (city-wide). */
  warmProfile(layer: MapLayer, how: number, n: number): void {
    const s = this.stats(layer);
    s.profile[how] += n;
    s.total += n;
  }

  historyHours(): number {
    return this.endMs > this.startMs ? (this.endMs - this.startMs) / HOUR_MS : 0;
  }

  cityRate(layer: MapLayer): number {
    const s = this.layers.get(layer);
    const b = this.cfg.prior.rateHours;
    const a = (this.cfg.prior.cityRatePerHour[layer] ?? 1) * b;
    return ((s?.total ?? 0) + a) / (this.historyHours() + b);
  }

  share(layer: MapLayer, kind: AreaKind, id: string): number {
    const s = this.layers.get(layer);
    const alpha = this.cfg.prior.shareMentions;
    const n = s?.areas.get(areaKey(kind, id)) ?? 0;
    return (n + alpha * this.prior.share(kind, id)) / ((s?.total ?? 0) + alpha);
  }

  profileFactor(layer: MapLayer, ms: number): number {
    const s = this.layers.get(layer);
    if (!s || s.total === 0) return 1;
    const mean = s.total / WEEK_HOURS;
    // Smoothed towards 1 so a week with few mentions cannot make an hour look empty.
    const smooth = Math.max(3, mean);
    return (s.profile[this.hourOfWeek(ms)] + smooth) / (mean + smooth);
  }

  /** Expected mentions of `layer` in the areas `ids` (of one kind) over `windowMs` ending at `ms`. */
  expected(layer: MapLayer, kind: AreaKind, ids: readonly string[], windowMs: number, ms: number): number {
    let share = 0;
    for (const id of ids) share += this.share(layer, kind, id);
    const perHour = Math.max(this.cfg.prior.minRatePerHour * ids.length, this.cityRate(layer) * share * this.profileFactor(layer, ms));
    return (perHour * windowMs) / HOUR_MS;
  }
}
