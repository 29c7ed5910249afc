// Feeding aggregated history into the detector's baselines (category → layers here).
import type { HotspotDetector } from './detector.js';
import type { AreaKind } from './types.js';

export interface HistoryInput {
  areas: { category: string; kind: AreaKind; id: string; n: number }[];
  profile: { category: string; how: number; n: number }[];
  spanMs: [number, number] | null;
}

export function warmDetector(det: HotspotDetector, h: HistoryInput): void {
  if (!h.spanMs) return;
  det.baseline.observe(h.spanMs[0]);
  det.baseline.observe(h.spanMs[1]);
  for (const r of h.areas) for (const l of det.layersOf(r.category)) det.baseline.warmArea(l, r.kind, r.id, r.n);
  for (const r of h.profile) for (const l of det.layersOf(r.category)) det.baseline.warmProfile(l, r.how, r.n);
}
