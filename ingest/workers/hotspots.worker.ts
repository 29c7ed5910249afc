// Hotspot worker: consumes processed mentions, feeds the detector, stores alert
// events and announces them on `alerts.hotspot`. At start it warms the baselines
// from stored history and replays the last hours so windows and open alerts are
// as they were; rebuilt incidents take over the ids of the stored open alerts.
// Every 20 minutes it tops the baselines up from the store: hours stored in full
// while this worker saw only part of them (another worker, a backfill written
// elsewhere) then count with their true rate.
import type { AppContext, Service } from '../../shared/app/context.js';
import { RetryableError, type Delivery } from '../../shared/bus/bus.js';
import type { ProcessedMention } from '../../shared/types/mention.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { loadHotspotsConfig } from '../../analytics/hotspots/config.js';
import { HotspotDetector } from '../../analytics/hotspots/detector.js';
import { registryPrior } from '../../analytics/hotspots/registry-prior.js';
import { topUpDetector, warmDetector } from '../../analytics/hotspots/warm.js';
import type { AlertEvent, DetectorMention, HotspotAlert } from '../../analytics/hotspots/types.js';
import { appendAlertEvents } from '../../analytics/queries/hotspots/append-alert-events.js';
import { getHotspotHistory } from '../../analytics/queries/hotspots/get-hotspot-history.js';
import { getAlerts } from '../../analytics/queries/hotspots/get-alerts.js';
import { getReplayMentions } from '../../analytics/queries/hotspots/get-replay-mentions.js';

export const HOTSPOTS_DURABLE = 'hotspots';
const HOUR_MS = 3_600_000;
const HISTORY_WEEKS = 8;
/** hourly counts for the level and the daily rhythm */
const HOURLY_DAYS = 8;
const TICK_MS = 10_000;
const TOP_UP_MS = 20 * 60_000;

export function detectorMention(m: ProcessedMention): DetectorMention {
  return {
    id: m.id,
    ts: Date.parse(m.ts),
    category: m.category,
    relevant: m.relevant,
    houseId: m.houseId,
    lat: m.lat,
    lon: m.lon,
    district: m.district,
    street: m.address?.street ?? '',
    authorHash: m.authorHash,
  };
}

export interface HotspotWorkerOptions {
  /** clock for lifecycle ticks (tests) */
  now?: () => number;
  tickMs?: number;
  topUpMs?: number;
}

export async function startHotspotWorker(ctx: AppContext, opts: HotspotWorkerOptions = {}): Promise<Service> {
  const { bus, store, log } = ctx;
  const wlog = log.child('hotspots');
  const now = opts.now ?? Date.now;
  const cfg = loadHotspotsConfig().detector;
  const det = new HotspotDetector(cfg, registryPrior(ctx.registry.houses, cfg.cellDeg));

  const sink = async (events: AlertEvent[], publish = true) => {
    if (!events.length) return;
    await appendAlertEvents(store, events);
    if (publish) for (const e of events) await bus.publish(SUBJECTS.hotspotAlert, e.alert, { msgId: e.eventId });
  };

  // Warm-up: baselines from weeks of history, then a replay of the longest window.
  const t0 = now();
  const replayFrom = t0 - Math.max(...cfg.windowsMin) * 60_000;
  const history = await getHotspotHistory(store, {
    fromMs: t0 - HISTORY_WEEKS * 168 * HOUR_MS,
    hoursFromMs: t0 - HOURLY_DAYS * 24 * HOUR_MS,
    toMs: replayFrom,
    cellLat: cfg.cellDeg.lat,
    cellLon: cfg.cellDeg.lon,
  });
  warmDetector(det, history);
  const replay = await getReplayMentions(store, { fromMs: replayFrom, toMs: t0 + HOUR_MS });
  // Events of the replay itself are dropped: the store already has them, and adopt()
  // reconciles the rebuilt incidents with the stored open alerts.
  for (const m of replay) det.add(m);
  det.tick(t0);
  const stored = await getAlerts(store, { sinceMs: t0 - 7 * 24 * HOUR_MS });
  await sink(det.adopt(stored));
  wlog.info('hotspot detector warmed', { historyMentions: history.totals.reduce((s, r) => s + r.n, 0), replayed: replay.length, openAlerts: det.openAlerts().length, ms: now() - t0 });

  // Acknowledgements are written by the web process; keep them on our snapshots.
  const unsubscribe = bus.subscribe<HotspotAlert>(SUBJECTS.hotspotAlert, (a) => {
    if (a?.kind === 'acknowledged' && a.ack) det.applyAck(a.id, a.ack);
  });

  // Events of one handler call are stored before the ack; a failure redelivers the mention
  // (an incident ignores a member it already holds; a window may count it twice, which only
  // makes that one area slightly more sensitive for three hours).
  const handle = async (msg: Delivery<ProcessedMention>) => {
    const events = det.add(detectorMention(msg.data));
    try {
      await sink(events);
    } catch (e) {
      throw new RetryableError(`storing alert events failed: ${(e as Error).message}`);
    }
  };
  const sub = await bus.consume<ProcessedMention>(SUBJECTS.processed, HOTSPOTS_DURABLE, handle, { maxInFlight: 256, retryDelayMs: 2000 });

  let ticking = Promise.resolve();
  const timer = setInterval(() => {
    ticking = ticking
      .then(() => sink(det.tick(now())))
      .catch((e) => wlog.error('hotspot tick failed', { error: e }));
  }, opts.tickMs ?? TICK_MS);
  timer.unref?.();

  // Complete hours only: the current one is still being written.
  const topUp = setInterval(() => {
    ticking = ticking
      .then(async () => {
        const t = now();
        const toMs = Math.floor(t / HOUR_MS) * HOUR_MS;
        const h = await getHotspotHistory(store, { fromMs: toMs, hoursFromMs: toMs - HOURLY_DAYS * 24 * HOUR_MS, toMs, cellLat: cfg.cellDeg.lat, cellLon: cfg.cellDeg.lon });
        const changed = topUpDetector(det, h);
        if (changed) wlog.info('hotspot baselines topped up from the store', { hours: changed });
      })
      .catch((e) => wlog.error('hotspot top-up failed', { error: e }));
  }, opts.topUpMs ?? TOP_UP_MS);
  topUp.unref?.();

  return {
    name: 'hotspot-worker',
    async stop() {
      clearInterval(timer);
      clearInterval(topUp);
      await sub.drain();
      unsubscribe();
      await ticking;
    },
  };
}
