import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../shared/app/context.js';
import type { Store } from '../../shared/storage/store.js';
import { createMemoryBus } from '../../shared/bus/memory-bus.js';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger } from '../../shared/log/logger.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { RawMentionSchema, type RawMention } from '../../shared/types/mention.js';
import { startDemoSource } from '../../ingest/sources/demo/demo.source.js';
import { heatingAccident } from '../../ingest/sources/demo/scenario.js';
import { fixtureHouses } from './houses.fixture.js';

/** A store that only answers the count of mentions the demo source asks before backfilling. */
function countingStore(n: number): Store {
  return {
    kind: 'chdb',
    query: async <T>() => [{ n: String(n) }] as T[],
    insert: async () => {},
    command: async () => {},
    close: async () => {},
  };
}

function context(env: Record<string, string>, rows: number) {
  const bus = createMemoryBus({ maxMsgsPerStream: 200_000 });
  const ctx = {
    config: loadConfig({ DEMO: 'on', ...env }),
    log: silentLogger,
    bus,
    store: countingStore(rows),
    registry: { houses: fixtureHouses() },
  } as unknown as AppContext;
  const got: RawMention[] = [];
  bus.subscribe<RawMention>(SUBJECTS.raw('demo'), (m) => got.push(m));
  return { ctx, bus, got };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startDemoSource', () => {
  it('publishes live mentions in real time and a backfill of history into an empty database', async () => {
    const { ctx, bus, got } = context({ DEMO_RATE: '1200' }, 0);
    const t0 = Date.now();
    const svc = await startDemoSource(ctx, { backfillHours: 0.5, backfillMaxLag: Infinity, scenario: [heatingAccident({ offsetMin: 0, peakPerMin: 600, riseMin: 1 })] });
    await sleep(1500);
    await svc.stop();
    const stoppedAt = got.length;
    await sleep(400);
    expect(got.length).toBe(stoppedAt);
    for (const m of got.slice(0, 500)) expect(RawMentionSchema.safeParse(m).success).toBe(true);
    const history = got.filter((m) => Date.parse(m.ts) < t0 - 1000);
    const live = got.filter((m) => Date.parse(m.ts) >= t0);
    // half an hour at 1200/min ≈ 36 000 minus the night-time rhythm; live ≈ 20/s plus the burst
    expect(history.length).toBeGreaterThan(5_000);
    expect(Date.parse(history[0]!.ts)).toBeGreaterThanOrEqual(t0 - 30 * 60_000 - 1000);
    expect(live.length).toBeGreaterThan(10);
    // nothing from the future: live mentions are published when their time comes
    for (const m of live) expect(Date.parse(m.ts)).toBeLessThanOrEqual(Date.now());
    expect(new Set(got.map((m) => m.id)).size).toBe(got.length);
    await bus.close();
  });

  it('skips the backfill when the database has mentions, and a restart never reuses an id', async () => {
    const a = context({ DEMO_RATE: '3000' }, 0);
    const s1 = await startDemoSource(a.ctx, { backfillHours: 0 });
    await sleep(700);
    await s1.stop();
    await a.bus.close();
    const b = context({ DEMO_RATE: '3000' }, 12345);
    const t1 = Date.now();
    const s2 = await startDemoSource(b.ctx);
    await sleep(700);
    await s2.stop();
    await b.bus.close();
    expect(a.got.length).toBeGreaterThan(5);
    expect(b.got.length).toBeGreaterThan(5);
    expect(b.got.every((m) => Date.parse(m.ts) >= t1)).toBe(true);
    const first = new Set(a.got.map((m) => m.id));
    expect(b.got.filter((m) => first.has(m.id))).toEqual([]);
  });

  it('keeps the backfill only a bounded lag ahead of processing', async () => {
    const { ctx, bus, got } = context({ DEMO_RATE: '600' }, 0);
    const t0 = Date.now();
    const history = () => got.filter((m) => Date.parse(m.ts) < t0 - 1000).length;
    const svc = await startDemoSource(ctx, { backfillHours: 2, backfillMaxLag: 300 });
    await sleep(800);
    const stalled = history();
    expect(stalled).toBeGreaterThan(0);
    expect(stalled).toBeLessThanOrEqual(400);
    // a worker appears and announces what it processed: the backfill follows it
    const sub = await bus.consume<RawMention>(SUBJECTS.raw('demo'), 'fake-worker', async (msg) => {
      await bus.publish(SUBJECTS.processed, { id: msg.data.id });
    });
    await sleep(1000);
    expect(history()).toBeGreaterThan(stalled + 1000);
    await svc.stop();
    await sub.drain();
    await bus.close();
  });

  it('does nothing when the demo is off', async () => {
    const { ctx, bus, got } = context({ DEMO: 'off' }, 0);
    const svc = await startDemoSource(ctx);
    await sleep(300);
    await svc.stop();
    expect(got).toHaveLength(0);
    await bus.close();
  });
});
