// Feeding aggregated history into the detector's baselines (category → layers here).
import type { MapLayer } from '../../shared/types/taxonomy.js';
import type { HotspotDetector } from './detector.js';
import type { History } from '../queries/hotspots/get-hotspot-history.js';

/** stored hours further apart than this are separate observed stretches (the app was down between) */
const MAX_GAP_H = 2;

/** Start-up: shares, hourly level and rhythm, and the observed stretches from the store. */
export function warmDetector(det: HotspotDetector, h: History): void {
  const b = det.baseline;
  for (const r of h.areas) for (const l of det.layersOf(r.category)) b.warmArea(l, r.kind, r.id, r.n);
  for (const r of h.totals) for (const l of det.layersOf(r.category)) b.warmTotal(l, r.n);
  for (const r of h.hours) {
    b.warmAll(r.hour, r.n);
    for (const l of det.layersOf(r.category)) b.warmHour(l, r.hour, r.n);
  }
  coverSeen(det, h.seen);
}

function coverSeen(det: HotspotDetector, seen: History['seen']): void {
  let run: [number, number] | null = null;
  let lastHour = -Infinity;
  for (const s of seen) {
    if (run && s.hour - lastHour <= MAX_GAP_H) run[1] = s.hi;
    else {
      if (run) det.baseline.coverage.cover(run[0], run[1]);
      run = [s.lo, s.hi];
    }
    lastHour = s.hour;
  }
  if (run) det.baseline.coverage.cover(run[0], run[1]);
}

/**
 * Periodic re-warm: complete hours the store holds more of than the detector saw (another
 * worker shares the stream, or history landed while this one was not consuming) take the
 * store's counts and count as observed. Hours the detector saw in full are left alone.
 */
export function topUpDetector(det: HotspotDetector, h: Pick<History, 'hours' | 'seen'>): number {
  const b = det.baseline;
  const stored = new Map<number, Map<string, number>>();
  for (const r of h.hours) {
    let m = stored.get(r.hour);
    if (!m) stored.set(r.hour, (m = new Map()));
    m.set(r.category, r.n);
  }
  let changed = 0;
  for (const [hour, cats] of stored) {
    let storeAll = 0;
    for (const n of cats.values()) storeAll += n;
    const mine = b.allInHour(hour);
    if (storeAll <= mine) continue;
    changed++;
    b.warmAll(hour, storeAll - mine);
    const perLayer = new Map<MapLayer, number>();
    for (const [cat, n] of cats) for (const l of det.layersOf(cat)) perLayer.set(l, (perLayer.get(l) ?? 0) + n);
    for (const [l, n] of perLayer) {
      const have = b.layerInHour(l, hour);
      if (n > have) b.warmHour(l, hour, n - have);
    }
  }
  if (changed) coverSeen(det, h.seen);
  return changed;
}
