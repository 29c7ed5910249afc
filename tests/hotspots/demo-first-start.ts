// A first start of the embedded app, simulated without the app: the demo's live
// stream (with its scripted accident and snowfall) plays in real time while the
// demo's 24-hour backfill arrives at processing speed with its old timestamps,
// interleaved, into a detector that starts from an empty database. Categories and
// houses come from the generator's ground truth, as a perfect classifier would
// see them; a mention with a street only keeps its street, one without an address
// keeps nothing (as the processing does).
import type { House } from '../../shared/types/registry.js';
import { generateLabelled, type LabelledMention } from '../../ingest/sources/demo/generator.js';
import { LIVE_SCENARIO } from '../../ingest/sources/demo/scenario.js';
import { burstHouses, demoHouses, DEMO_SCENARIO_SEED, liveScenarioTruth } from '../../ingest/sources/demo/demo.source.js';
import { HotspotDetector } from '../../analytics/hotspots/detector.js';
import { registryPrior } from '../../analytics/hotspots/registry-prior.js';
import type { DetectorConfig, DetectorMention, HotspotAlert } from '../../analytics/hotspots/types.js';

export interface FirstStartOptions {
  houses: readonly House[];
  cfg: DetectorConfig;
  start: Date;
  /** minutes of live stream to play */
  liveMin: number;
  /** demo rate, mentions per minute (the app's default is 30) */
  ratePerMin?: number;
  /** backfill mentions processed per second of wall time */
  backfillPerSec?: number;
  backfillHours?: number;
  seed?: number;
}

export interface FirstStartResult {
  /** the latest snapshot of every alert, by id */
  alerts: Map<string, HotspotAlert>;
  truth: ReturnType<typeof liveScenarioTruth>;
  mentions: number;
  detectorMs: number;
}

export function toDetector(x: LabelledMention, byId: Map<string, House>): DetectorMention {
  const m = x.mention;
  const h = x.truth.houseId ? byId.get(x.truth.houseId) : undefined;
  const full = x.truth.address === 'full' && h;
  return {
    id: m.id,
    ts: Date.parse(m.ts),
    category: x.truth.category === 'irrelevant' ? 'other' : x.truth.category,
    relevant: x.truth.category !== 'irrelevant',
    houseId: full ? h.id : null,
    lat: full ? h.lat : (m.lat ?? null),
    lon: full ? h.lon : (m.lon ?? null),
    district: full ? h.district : null,
    street: h && x.truth.address !== 'none' ? h.street : '',
    authorHash: m.author,
  };
}

export function simulateFirstStart(o: FirstStartOptions): FirstStartResult {
  const houses = demoHouses(o.houses);
  const pool = burstHouses(houses);
  const byId = new Map(houses.map((h) => [h.id, h]));
  const rate = o.ratePerMin ?? 30;
  const startMs = o.start.getTime();
  const seed = o.seed ?? 1;
  const live = [
    ...generateLabelled({
      houses, burstHouses: pool, seed, scenarioSeed: DEMO_SCENARIO_SEED, scenario: LIVE_SCENARIO, ratePerMin: rate,
      start: o.start, end: new Date(startMs + o.liveMin * 60_000), idPrefix: 'live-',
    }),
  ].map((x) => toDetector(x, byId));
  const hours = o.backfillHours ?? 24;
  const backfill = [
    ...generateLabelled({ houses, seed: seed ^ 0x5bd1e995, ratePerMin: rate, start: new Date(startMs - hours * 3_600_000), end: o.start, idPrefix: 'h-' }),
  ].map((x) => toDetector(x, byId));

  const det = new HotspotDetector(o.cfg, registryPrior(o.houses, o.cfg.cellDeg));
  const alerts = new Map<string, HotspotAlert>();
  const keep = (evs: { alert: HotspotAlert }[]) => evs.forEach((e) => alerts.set(e.alert.id, e.alert));
  const perSec = o.backfillPerSec ?? 400;
  let li = 0;
  let bi = 0;
  const t0 = performance.now();
  // wall clock in 1-second steps: the backfill's share of the second, then the live mentions due
  for (let wall = startMs; wall <= startMs + o.liveMin * 60_000; wall += 1000) {
    for (let k = 0; k < perSec && bi < backfill.length; k++) keep(det.add(backfill[bi++]));
    while (li < live.length && live[li].ts <= wall) keep(det.add(live[li++]));
    if ((wall - startMs) % 10_000 === 0) keep(det.tick(wall));
  }
  return {
    alerts,
    truth: liveScenarioTruth(o.houses, o.start, LIVE_SCENARIO),
    mentions: li + bi,
    detectorMs: performance.now() - t0,
  };
}

/** A one-line summary of an alert for logs. */
export function describeAlert(a: HotspotAlert): string {
  return `${a.state.padEnd(9)} ${a.layer.padEnd(10)} ${a.trigger.slice(0, 40).padEnd(40)} houses ${String(a.houseCount).padStart(3)} mentions ${String(a.mentionCount).padStart(4)} opened ${a.openedAt.slice(11, 16)} «${a.title}»`;
}
