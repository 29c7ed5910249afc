// The live demo source: publishes the generated stream in real time on
// mentions.raw.demo, and at first start backfills the last day so that counters,
// charts and baselines are not empty. Ids carry the run's start time: a restart
// never re-sends an old id, and an id never gets a different text.
import type { AppContext, Service } from '../../../shared/app/context.js';
import type { House } from '../../../shared/types/registry.js';
import type { RawMention } from '../../../shared/types/mention.js';
import type { Logger } from '../../../shared/log/logger.js';
import { SUBJECTS, type DeadLetter } from '../../../shared/types/subjects.js';
import { createMentionPublisher, type MentionPublisher } from '../publisher.js';
import { generateMentions, scenarioTruth } from './generator.js';
import { LIVE_SCENARIO, type BurstConfig } from './scenario.js';
import { hash32 } from './prng.js';
import { isPortalOnly } from '../../../analytics/registry/format.js';

/** The scenario's houses stay the same from run to run, so the demo can be rehearsed. */
export const DEMO_SCENARIO_SEED = 20_241;
const TICK_MS = 200;
const YEAR_MS = 365 * 24 * 3600_000;

export interface DemoSourceOptions {
  /** hours of history published at first start (default 24; 0 = none) */
  backfillHours?: number;
  /** cap of the backfill's publish rate, mentions per second */
  backfillPerSec?: number;
  /** backfill mentions published ahead of processing, at most (default 1000) */
  backfillMaxLag?: number;
  scenario?: readonly BurstConfig[];
  /** start of the live stream (tests) */
  now?: () => number;
}

/**
 * Houses the demo writes about: Saint Petersburg houses of the registry with coordinates (not the
 * portal's newer buildings: the demo shows complaints reaching a house's УК, and those have none).
 */
export function demoHouses(houses: readonly House[]): House[] {
  return houses.filter((h) => h.region === 'spb' && h.lat !== null && h.lon !== null && !isPortalOnly(h));
}

/**
 * Houses the scripted bursts may hit: the city proper, with unambiguous street names
 * («Заречная (Горелово)» exists twice, and residents never write the parenthesis), so
 * the headquarters screen shows the incident where the script put it.
 */
export function burstHouses(houses: readonly House[]): House[] {
  return houses.filter((h) => h.locality === 'Санкт-Петербург' && h.district && !h.street.includes('('));
}

/** Ground truth of the live demo's scenario over a registry, for tests of the map and the detector. */
export function liveScenarioTruth(registryHouses: readonly House[], start: Date, scenario: readonly BurstConfig[] = LIVE_SCENARIO) {
  const houses = demoHouses(registryHouses);
  return scenarioTruth({ houses, burstHouses: burstHouses(houses), seed: 0, scenarioSeed: DEMO_SCENARIO_SEED, scenario, start });
}

export async function startDemoSource(ctx: AppContext, o: DemoSourceOptions = {}): Promise<Service> {
  const log = ctx.log.child('demo');
  if (!ctx.config.demo) return { name: 'demo-source', stop: async () => {} };
  const houses = demoHouses(ctx.registry.houses);
  if (houses.length === 0) {
    log.warn('demo source: no Saint Petersburg houses with coordinates in the registry, nothing to publish');
    return { name: 'demo-source', stop: async () => {} };
  }
  const now = o.now ?? Date.now;
  const startMs = now();
  const tag = startMs.toString(36);
  const seed = hash32(`demo:${tag}`);
  const scenario = o.scenario ?? LIVE_SCENARIO;
  const rate = ctx.config.DEMO_RATE;
  let stopped = false;

  const pool = burstHouses(houses);
  const live = generateMentions({
    houses, burstHouses: pool.length >= 50 ? pool : houses, seed, scenarioSeed: DEMO_SCENARIO_SEED, scenario, ratePerMin: rate,
    start: new Date(startMs), end: new Date(startMs + YEAR_MS), idPrefix: `${tag}-`,
  })[Symbol.iterator]();
  const livePub = createMentionPublisher(ctx.bus, { source: 'demo', window: 256 });
  for (const b of scenarioTruth({ houses, burstHouses: pool.length >= 50 ? pool : houses, seed, scenarioSeed: DEMO_SCENARIO_SEED, scenario, start: new Date(startMs) })) {
    log.info(`demo scenario: ${b.name}`, { start: b.start, end: b.end, district: b.district, houses: b.houseIds.length, expected: b.expected });
  }

  let next: RawMention | undefined = live.next().value;
  let nextMs = next ? Date.parse(next.ts) : Infinity;
  let busy = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const t = now();
      while (next && nextMs <= t && !stopped) {
        await livePub.publish(next);
        next = live.next().value;
        nextMs = next ? Date.parse(next.ts) : Infinity;
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref?.();

  const hours = o.backfillHours ?? 24;
  const backfill =
    hours > 0 && rate > 0
      ? runBackfill(ctx, log, () => stopped, createMentionPublisher(ctx.bus, { source: 'demo', window: 256 }), {
          houses, seed, tag, rate, hours, startMs, perSec: o.backfillPerSec ?? 10_000, maxLag: o.backfillMaxLag,
        })
      : Promise.resolve();

  log.info('demo source started', { rate, houses: houses.length, runTag: tag });
  return {
    name: 'demo-source',
    async stop() {
      stopped = true;
      clearInterval(timer);
      await backfill.catch(() => {});
      while (busy) await new Promise((r) => setTimeout(r, 10));
      const s = await livePub.flush();
      log.info('demo source stopped', { published: s.published, failed: s.failed });
    },
  };
}

interface BackfillPlan {
  houses: House[];
  seed: number;
  tag: string;
  rate: number;
  hours: number;
  startMs: number;
  perSec: number;
  /** backfill mentions published but not yet processed, at most */
  maxLag?: number;
}

/** After this long without any processed backfill mention, publish anyway (no worker in this process). */
const STALL_MS = 10_000;

async function countStored(store: AppContext['store'], prefix: string): Promise<number> {
  try {
    const [row] = await store.query<{ n: string | number }>('SELECT count() AS n FROM mentions WHERE startsWith(id, {prefix:String})', { prefix });
    return Number(row?.n ?? 0);
  } catch {
    return 0;
  }
}

/** History only into an empty database: a restart must not add a second past day. */
async function runBackfill(ctx: Pick<AppContext, 'store' | 'bus'>, log: Logger, stopped: () => boolean, pub: MentionPublisher, p: BackfillPlan): Promise<void> {
  try {
    const [row] = await ctx.store.query<{ n: string | number }>('SELECT count() AS n FROM mentions');
    if (Number(row?.n ?? 0) > 0) {
      log.info('demo backfill skipped: the database already has mentions');
      return;
    }
  } catch (e) {
    log.warn('demo backfill skipped: cannot count mentions', { error: e });
    return;
  }
  // Follow the processing: a bus with bounded retention (the in-process one) drops the
  // oldest unread messages, so history must not run ahead of the workers.
  const prefix = `demo:${p.tag}-h`;
  let done = 0;
  let progressAt = Date.now();
  const unsubs = [
    ctx.bus.subscribe<{ id?: string }>(SUBJECTS.processed, (m) => {
      if (m?.id?.startsWith(prefix)) (done++, (progressAt = Date.now()));
    }),
    ctx.bus.subscribe<DeadLetter>(SUBJECTS.deadLetter, (d) => {
      if (d?.payload?.includes(prefix)) (done++, (progressAt = Date.now()));
    }),
  ];
  const maxLag = p.maxLag ?? 1000;
  const t0 = Date.now();
  let n = 0;
  const history = generateMentions({
    houses: p.houses, seed: p.seed ^ 0x5bd1e995, ratePerMin: p.rate, idPrefix: `${p.tag}-h`,
    start: new Date(p.startMs - p.hours * 3600_000), end: new Date(p.startMs),
  });
  try {
    for (const m of history) {
      if (stopped()) break;
      await pub.publish(m);
      if (++n % 100 === 0) {
        // leave room for the live stream and the consumers on the same event loop
        const ahead = t0 + (n / p.perSec) * 1000 - Date.now();
        await new Promise((r) => (ahead > 1 ? setTimeout(r, ahead) : setImmediate(r)));
        let polled = 0;
        while (n - done > maxLag && !stopped() && Date.now() - progressAt < STALL_MS) {
          await new Promise((r) => setTimeout(r, 20));
          if (Date.now() - polled > 500) {
            // the stored rows are the ground truth of progress, whatever reaches the live subjects
            polled = Date.now();
            const stored = await countStored(ctx.store, prefix);
            if (stored > done) (done = stored), (progressAt = Date.now());
          }
        }
      }
    }
  } finally {
    unsubs.forEach((u) => u());
  }
  const s = await pub.flush();
  log.info('demo backfill done', { mentions: n, published: s.published, failed: s.failed, ms: Date.now() - t0 });
}
