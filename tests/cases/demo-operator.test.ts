// The demo operator on chDB: cases opened from a day of backfilled demo history
// get their scripted actions with past times, so the metrics look like a working
// city at once; playing again appends nothing; non-demo cases are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { createMemoryBus } from '../../shared/bus/memory-bus.js';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger } from '../../shared/log/logger.js';
import type { AppContext } from '../../shared/app/context.js';
import { loadCasesConfig } from '../../analytics/cases/load-config.js';
import { intakeFromProcessed } from '../../analytics/cases/intake.js';
import { intakeMentions, type IntakeDeps } from '../../analytics/queries/cases/intake-mention.js';
import { getDueDemoCases, playDemoActions } from '../../analytics/queries/cases/demo-operator.js';
import { getCaseMetrics } from '../../analytics/queries/cases/get-case-metrics.js';
import { getCaseQueue } from '../../analytics/queries/cases/get-case-queue.js';
import { startDemoOperator } from '../../ingest/workers/demo-operator.js';
import { directory, mention } from './fixtures.js';

let ts: TempStore;
const NOW = new Date('2026-11-20T12:00:00.000Z');
const CATS = ['heating', 'elevator', 'garbage', 'roof', 'billing', 'snow_ice', 'hot_water', 'yard'] as const;

beforeAll(async () => {
  ts = await tempStore();
  const deps: IntakeDeps = { store: ts.store, config: loadCasesConfig(), directory, now: () => NOW };
  const demo = Array.from({ length: 400 }, (_, i) =>
    mention({ id: `demo:t-${i}`, source: 'demo', category: CATS[i % CATS.length], houseId: `spb:d${i}`, address: null, ts: new Date(NOW.getTime() - 86_400_000 + (i + 1) * 216_000).toISOString() }),
  );
  const real = mention({ id: 'vk:real-1', source: 'vk', category: 'elevator', houseId: 'spb:real', ts: new Date(NOW.getTime() - 86_400_000).toISOString() });
  await intakeMentions(deps, [...demo, real].map(intakeFromProcessed));
});
afterAll(async () => ts?.cleanup());

describe('demo operator', () => {
  it('plays the backfilled history with past times; the KPIs come alive; a second pass appends nothing', async () => {
    const before = (await getCaseMetrics(ts.store, { by: 'total', from: new Date(NOW.getTime() - 2 * 86_400_000), to: NOW, now: NOW }))[0];
    expect(before.firstResponseMedianS).toBeNull();

    const bus = createMemoryBus();
    const ctx = { config: loadConfig({ DEMO: 'on', LOG_LEVEL: 'silent' }), log: silentLogger, bus, store: ts.store, registry: { houses: [], orgs: [], org: () => undefined } } as unknown as AppContext;
    const op = await startDemoOperator(ctx, { tickMs: 50, now: () => NOW, seed: 3 });
    for (let i = 0; i < 200 && (await getDueDemoCases(ts.store, NOW, 3)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await op.stop();
    await bus.close();
    expect(await getDueDemoCases(ts.store, NOW, 3)).toEqual([]);

    const m = (await getCaseMetrics(ts.store, { by: 'total', from: new Date(NOW.getTime() - 2 * 86_400_000), to: NOW, now: NOW }))[0];
    expect(m.firstResponseMedianS).not.toBeNull();
    expect(m.firstResponseMedianS!).toBeLessThan(3 * 3600);
    expect(m.resolutionMedianS).not.toBeNull();
    expect(m.confirmedShare!).toBeGreaterThan(0.2);
    expect(m.reopenRate!).toBeGreaterThan(0);

    const q = await getCaseQueue(ts.store, { state: 'all', now: NOW, limit: 1000 });
    expect(q.counts.byState.closed).toBeGreaterThan(40);
    expect(q.counts.overdue).toBeGreaterThan(0); // some are left to run overdue
    expect(q.counts.overdue).toBeLessThan(q.counts.open);
    const real = q.items.find((i) => i.houseId === 'spb:real')!;
    expect(real.state).toBe('routed');

    const again = await playDemoActions({ store: ts.store }, q.items.map((i) => i.id), 3, NOW);
    expect(again).toBe(0);
  });
});
