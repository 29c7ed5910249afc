// The worker on the in-process bus: relevant mentions open or join cases,
// irrelevant ones do not, redelivery appends nothing, case events go out on the bus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { createMemoryBus, type MemoryBus } from '../../shared/bus/memory-bus.js';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger } from '../../shared/log/logger.js';
import type { AppContext, Service } from '../../shared/app/context.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { startCasesWorker } from '../../ingest/workers/cases.worker.js';
import { getCaseQueue } from '../../analytics/queries/cases/get-case-queue.js';
import { getCaseEvents } from '../../analytics/queries/cases/get-case-events.js';
import type { CaseEventMessage } from '../../analytics/cases/messages.js';
import { ORGS, mention } from './fixtures.js';

let ts: TempStore;
let bus: MemoryBus;
let worker: Service;
const seen: CaseEventMessage[] = [];

beforeAll(async () => {
  ts = await tempStore();
  bus = createMemoryBus();
  const registry = { orgs: ORGS, org: (id: string) => ORGS.find((o) => o.id === id) };
  const ctx = { config: loadConfig({ DEMO: 'off', LOG_LEVEL: 'silent' }), log: silentLogger, bus, store: ts.store, registry, classifier: undefined } as unknown as AppContext;
  bus.subscribe<CaseEventMessage>(SUBJECTS.caseEvent, (m) => seen.push(m));
  worker = await startCasesWorker(ctx, { scanIntervalMs: 60_000 });
});
afterAll(async () => {
  await worker?.stop();
  await bus?.close();
  await ts?.cleanup();
});

const settle = async (cond: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 50));
};

describe('cases worker', () => {
  it('opens one case for a complaint, ignores chatter, and is idempotent under redelivery', async () => {
    const a = mention({ houseId: 'spb:w1' });
    const chatter = mention({ houseId: 'spb:w2', relevant: false, category: 'irrelevant', text: 'Всех с праздником!' });
    await bus.publish(SUBJECTS.processed, a, { msgId: a.id });
    await bus.publish(SUBJECTS.processed, chatter, { msgId: chatter.id });
    // the same mention again under another message id: a source re-sent it
    await bus.publish(SUBJECTS.processed, a, { msgId: `${a.id}#again` });
    const queue = async () => (await getCaseQueue(ts.store, { state: 'all', now: new Date(), limit: 100 })).items;
    await settle(async () => (await queue()).length > 0 && seen.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const items = await queue();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ houseId: 'spb:w1', orgId: 'org:uk1', state: 'routed', mentionCount: 1 });
    expect((await getCaseEvents(ts.store, items[0].id)).map((e) => e.type)).toEqual(['opened', 'routed']);
    expect(seen.map((m) => m.event.type)).toEqual(['opened', 'routed']);
    expect(seen[1].case.orgName).toBe('ООО «ЖКС № 1 Приморского района»');
  });

  it('takes a burst in micro-batches: one case per house and category, every mention once, redelivery adds nothing', async () => {
    const burst = Array.from({ length: 300 }, (_, i) => mention({ houseId: `spb:b${i % 20}`, category: 'elevator', ts: new Date(Date.parse('2026-11-10T08:00:00Z') + i * 1000).toISOString() }));
    await Promise.all(burst.map((m) => bus.publish(SUBJECTS.processed, m, { msgId: m.id })));
    await Promise.all(burst.map((m) => bus.publish(SUBJECTS.processed, m, { msgId: `${m.id}#again` })));
    const mine = async () => (await getCaseQueue(ts.store, { state: 'all', now: new Date(), limit: 1000 })).items.filter((i) => i.houseId.startsWith('spb:b'));
    await settle(async () => (await mine()).reduce((n, c) => n + c.mentionCount, 0) >= 300);
    await new Promise((r) => setTimeout(r, 300));
    const cases = await mine();
    expect(cases).toHaveLength(20);
    expect(cases.map((c) => c.mentionCount)).toEqual(Array(20).fill(15));
    const events = await getCaseEvents(ts.store, cases[0].id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'mention_linked')).toHaveLength(14);
  });

  it('takes a complaint whose title would cut an emoji in half, beside others in the same batch', async () => {
    const emoji = mention({ houseId: 'spb:e1', category: 'roof', text: `${'а'.repeat(138)}😱😱 течёт крыша` });
    const others = [1, 2, 3].map((i) => mention({ houseId: `spb:e${i + 1}`, category: 'roof' }));
    await Promise.all([emoji, ...others].map((m) => bus.publish(SUBJECTS.processed, m, { msgId: m.id })));
    const mine = async () => (await getCaseQueue(ts.store, { state: 'all', now: new Date(), limit: 1000 })).items.filter((i) => /^spb:e\d$/.test(i.houseId));
    await settle(async () => (await mine()).length >= 4);
    const cases = await mine();
    expect(cases).toHaveLength(4);
    expect(cases.find((c) => c.houseId === 'spb:e1')!.title).toBe(`${'а'.repeat(138)}😱…`);
  });
});
