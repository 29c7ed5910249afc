// Baselines: the expected number of mentions of a layer in an area over a window,
// learnt from the stream itself — no hand-set city rate.
//   level(layer)         city-wide mentions per hour, an exponentially weighted mean
//                        over the hours actually observed (see coverage.ts), with
//                        the daily rhythm divided out so a morning rise is not a burst
//   profile(hour of day) the daily rhythm of all complaints, learnt the same way and
//                        shrunk towards flat while a day has not been seen
//   share(layer, area)   the area's part of the layer, smoothed towards its prior
//                        share (its part of the city's residents, from the registry)
// expected = level × profile(now) × share × window hours.
// Counts are kept by the hour of the mention's own timestamp, so a backfill of
// yesterday arriving today lands in yesterday's hours, not in the current rate.
import type { MapLayer } from '../../shared/types/taxonomy.js';
import type { AreaKind, DetectorConfig } from './types.js';
import { areaKey } from './areas.js';
import { Coverage } from './coverage.js';

const HOUR_MS = 3_600_000;
const MIN_MS = 60_000;
/** hours of per-hour counts kept for the level and the profile */
const KEEP_HOURS = 8 * 24;

/** Prior share of an area in the city's mentions; the worker derives it from the registry. */
export interface AreaPrior {
  share(kind: AreaKind, id: string): number;
  /** number of areas of a kind: the prior's strength is a few pseudo-mentions per area */
  areas(kind: AreaKind): number;
}

export function uniformPrior(counts: Record<AreaKind, number>): AreaPrior {
  return { share: (kind) => 1 / Math.max(1, counts[kind]), areas: (kind) => Math.max(1, counts[kind]) };
}

interface LayerStats {
  /** mentions per hour index (floor(ts / 1 h)) */
  hours: Map<number, number>;
  /** mentions per area key, all history seen */
  areas: Map<string, number>;
  /** all mentions the area counts were taken from */
  total: number;
  /** the rate at the last minute asked for */
  cache: { minute: number; level: number };
}

export class Baseline {
  private readonly layers = new Map<MapLayer, LayerStats>();
  /** all relevant mentions per hour index: the daily rhythm */
  private readonly all = new Map<number, number>();
  readonly coverage = new Coverage();
  private profileCache: { minute: number; p: Float64Array } = { minute: -1, p: new Float64Array(24) };

  constructor(
    private readonly cfg: DetectorConfig,
    private readonly prior: AreaPrior,
  ) {}

  private stats(layer: MapLayer): LayerStats {
    let s = this.layers.get(layer);
    if (!s) this.layers.set(layer, (s = { hours: new Map(), areas: new Map(), total: 0, cache: { minute: -1, level: 0 } }));
    return s;
  }

  hourOfDay(hourIndex: number): number {
    return (((hourIndex + this.cfg.utcOffsetHours) % 24) + 24) % 24;
  }

  /** Any mention at `ms`: the stream was observed then. */
  observe(ms: number): void {
    this.coverage.see(ms);
  }

  /** One relevant mention (whatever its layers): the daily rhythm. */
  countAll(ms: number, n = 1): void {
    const h = Math.floor(ms / HOUR_MS);
    this.all.set(h, (this.all.get(h) ?? 0) + n);
  }

  /** One mention of `layer` in the given area keys. */
  add(layer: MapLayer, keys: readonly string[], ms: number, n = 1): void {
    const s = this.stats(layer);
    const h = Math.floor(ms / HOUR_MS);
    s.hours.set(h, (s.hours.get(h) ?? 0) + n);
    s.total += n;
    for (const k of keys) s.areas.set(k, (s.areas.get(k) ?? 0) + n);
  }

  /** History, already aggregated: n mentions of `layer` in one area (the shares). */
  warmArea(layer: MapLayer, kind: AreaKind, id: string, n: number): void {
    const s = this.stats(layer);
    const k = areaKey(kind, id);
    s.areas.set(k, (s.areas.get(k) ?? 0) + n);
  }

  /** History, already aggregated: all mentions of `layer` the area counts were taken from. */
  warmTotal(layer: MapLayer, n: number): void {
    this.stats(layer).total += n;
  }

  /** History, already aggregated: n mentions of `layer` in the hour `hourIndex` (the level). */
  warmHour(layer: MapLayer, hourIndex: number, n: number): void {
    const s = this.stats(layer);
    s.hours.set(hourIndex, (s.hours.get(hourIndex) ?? 0) + n);
  }

  /** History: n relevant mentions in the hour `hourIndex` (the rhythm). */
  warmAll(hourIndex: number, n: number): void {
    this.all.set(hourIndex, (this.all.get(hourIndex) ?? 0) + n);
  }

  allInHour(hourIndex: number): number {
    return this.all.get(hourIndex) ?? 0;
  }

  layerInHour(layer: MapLayer, hourIndex: number): number {
    return this.layers.get(layer)?.hours.get(hourIndex) ?? 0;
  }

  /** Observed hours in the last `KEEP_HOURS` before `ms`: no alert before enough has been seen. */
  observedHours(ms: number): number {
    return this.coverage.within(ms - KEEP_HOURS * HOUR_MS, ms + 1);
  }

  /** Relative activity per local hour of the day (mean ≈ 1). */
  profile(ms: number): Float64Array {
    const minute = Math.floor(ms / MIN_MS);
    if (this.profileCache.minute === minute) return this.profileCache.p;
    const c = new Float64Array(24);
    const x = new Float64Array(24);
    const nowH = Math.floor(ms / HOUR_MS);
    for (let h = nowH - KEEP_HOURS; h <= nowH; h++) {
      const exp = this.coverage.within(h * HOUR_MS, Math.min((h + 1) * HOUR_MS, ms + 1));
      if (exp <= 0) continue;
      const d = this.hourOfDay(h);
      c[d] += this.all.get(h) ?? 0;
      x[d] += exp;
    }
    let cs = 0;
    let xs = 0;
    for (let d = 0; d < 24; d++) (cs += c[d]), (xs += x[d]);
    const p = new Float64Array(24).fill(1);
    if (cs > 0) {
      const mean = cs / xs;
      // An hour of the day seen for a few minutes only stays close to flat.
      const k = this.cfg.prior.profileHours;
      for (let d = 0; d < 24; d++) p[d] = (c[d] + k * mean) / ((x[d] + k) * mean);
    }
    this.profileCache = { minute, p };
    return p;
  }

  /** City-wide mentions of `layer` per hour at `ms`, rhythm included. */
  cityRate(layer: MapLayer, ms: number): number {
    const s = this.layers.get(layer);
    if (!s) return 0;
    const minute = Math.floor(ms / MIN_MS);
    if (s.cache.minute !== minute) {
      const p = this.profile(ms);
      const nowH = Math.floor(ms / HOUR_MS);
      const tau = this.cfg.prior.rateHalfLifeHours / Math.LN2;
      let num = 0;
      let den = 0;
      for (let h = nowH - KEEP_HOURS; h <= nowH; h++) {
        const exp = this.coverage.within(h * HOUR_MS, Math.min((h + 1) * HOUR_MS, ms + 1));
        if (exp <= 0) continue;
        const w = Math.exp(-(nowH - h) / tau);
        num += w * (s.hours.get(h) ?? 0);
        den += w * exp * p[this.hourOfDay(h)];
      }
      s.cache = { minute, level: den > 0 ? (num / den) * p[this.hourOfDay(nowH)] : 0 };
    }
    return s.cache.level;
  }

  share(layer: MapLayer, kind: AreaKind, id: string): number {
    const s = this.layers.get(layer);
    const alpha = this.cfg.prior.sharePerArea * this.prior.areas(kind);
    const n = s?.areas.get(areaKey(kind, id)) ?? 0;
    return (n + alpha * this.prior.share(kind, id)) / ((s?.total ?? 0) + alpha);
  }

  /** Expected mentions of `layer` in the areas `ids` (of one kind) over `windowMs` ending at `ms`. */
  expected(layer: MapLayer, kind: AreaKind, ids: readonly string[], windowMs: number, ms: number): number {
    let share = 0;
    for (const id of ids) share += this.share(layer, kind, id);
    const perHour = Math.max(this.cfg.prior.minRatePerHour * ids.length, this.cityRate(layer, ms) * share);
    return (perHour * windowMs) / HOUR_MS;
  }

  /** Drop per-hour counts older than what the level and the profile look at. */
  prune(ms: number): void {
    const minH = Math.floor(ms / HOUR_MS) - KEEP_HOURS - 1;
    for (const s of this.layers.values()) for (const h of s.hours.keys()) if (h < minH) s.hours.delete(h);
    for (const h of this.all.keys()) if (h < minH) this.all.delete(h);
    this.coverage.prune(minH * HOUR_MS);
  }
}
