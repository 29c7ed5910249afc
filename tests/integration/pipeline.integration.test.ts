// The whole processing path on real parts: bus → validate → analyse → chDB → ack,
// N mentions in → N rows out exactly once, even with forced failures and redeliveries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../shared/bus/memory-bus.js';
import { tempStore } from '../helpers/temp-store.js';
import { startNatsServer } from '../helpers/nats-server.js';
import { createNatsBus } from '../../shared/bus/nats-bus.js';
import type { Bus } from '../../shared/bus/bus.js';
import type { Store } from '../../shared/storage/store.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { countRows, flakyStore, publishAll, sampleMentions, startPipeline, waitFor } from './pipeline-harness.js';

const N = 3000;
const invalid: unknown[] = [
  { id: 'demo:bad-1', source: 'demo', ts: '2026-11-20T06:00:00Z' }, // no text
  { id: 'demo:bad-2', source: 'demo', text: 'x'.repeat(50_000), ts: '2026-11-20T06:00:00Z' }, // huge
  { id: 'demo:bad-3', source: 'demo', text: 'нет воды', ts: 'вчера' }, // bad date
  { id: 'demo:bad-4', source: 'pigeon', text: 'нет воды', ts: '2026-11-20T06:00:00Z' }, // unknown source
  { id: 'demo:bad-5', source: 'demo', text: 'Ð½ÐµÑ\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD', ts: '2026-11-20T06:00:00Z' }, // mojibake
  'just a string',
  [1, 2, 3],
];

/** `published` is how many valid mentions the worker should announce (re-published ids included, unless the bus drops them). */
async function runScenario(bus: Bus, store: Store, published: number) {
  const flaky = flakyStore(store, 3);
  const p = await startPipeline(bus, flaky);
  let processed = 0;
  const unsub = bus.subscribe(SUBJECTS.processed, () => void processed++);
  const mentions = sampleMentions(N);
  // Unknown fields must be dropped, not rejected.
  (mentions[0] as Record<string, unknown>).extra = { nested: true };
  await publishAll(bus, mentions);
  // The same ids again: de-duplicated by the bus or collapsed by the store, never doubled.
  const dups = await publishAll(bus, mentions.slice(0, 500));
  await publishAll(bus, invalid);
  await waitFor(async () => (await countRows(store)).ids >= N, 90_000, `${N} stored mentions`);
  // Re-published copies may still be in the queue when the last original is stored.
  await waitFor(async () => processed >= published, 30_000, `${published} announced mentions`);
  await waitFor(async () => {
    const [r] = await store.query<{ n: string }>('SELECT count() AS n FROM dead_letters');
    return Number(r!.n) >= invalid.length;
  }, 30_000, 'dead letters');
  await p.stop();
  unsub();
  return { flaky, dups, processed };
}

async function checkStored(store: Store) {
  expect(await countRows(store)).toEqual({ rows: N, ids: N });
  // Physically one row per id after merges: nothing doubled even below FINAL.
  await store.command('OPTIMIZE TABLE mentions FINAL');
  const [raw] = await store.query<{ n: string }>('SELECT count() AS n FROM mentions');
  expect(Number(raw!.n)).toBe(N);
  const [evil] = await store.query<{ text: string }>("SELECT text FROM mentions FINAL WHERE id = 'test:3'");
  expect(evil!.text).toBe("Мусор не вывозят неделю'; DROP TABLE mentions; -- <script>alert(1)</script> #3");
  const reasons = await store.query<{ reason: string }>('SELECT reason FROM dead_letters ORDER BY reason');
  expect(reasons.length).toBe(invalid.length);
  const all = reasons.map((r) => r.reason).join('\n');
  expect(all).toMatch(/text/);
  expect(all).toMatch(/20000|longer/);
  expect(all).toMatch(/ts/);
  expect(all).toMatch(/source/);
  expect(all).toMatch(/encoding/);
  expect(all).toMatch(/JSON object/);
  const [cats] = await store.query<{ c: string; h: string }>(
    "SELECT uniqExact(category) AS c, countIf(house_id != '') AS h FROM mentions FINAL",
  );
  expect(Number(cats!.c)).toBeGreaterThan(2); // really classified, not a constant
  expect(Number(cats!.h)).toBeGreaterThan(0); // addresses really resolved
}

describe('pipeline on the in-process bus and chDB', () => {
  let t: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    t = await tempStore();
  });
  afterAll(async () => t?.cleanup());

  it('stores N mentions exactly once through insert failures and re-publishes', async () => {
    // Dedupe window 0: re-published ids reach the worker again, so the store must collapse them.
    const bus = createMemoryBus({ dedupeWindowMs: 0 });
    const r = await runScenario(bus, t.store, N + 500);
    expect(r.flaky.failed).toBe(3);
    expect(r.dups).toBe(0);
    expect(r.processed).toBeGreaterThanOrEqual(N + 500);
    await bus.close();
    await checkStored(t.store);
  });
});

describe('pipeline on NATS JetStream and chDB', () => {
  let nats: Awaited<ReturnType<typeof startNatsServer>>;
  let t: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    nats = await startNatsServer();
    if (!nats) console.warn('SKIP: nats-server is not installed (apt-get install -y nats-server); JetStream pipeline not tested');
    t = await tempStore();
  });
  afterAll(async () => {
    await t?.cleanup();
    await nats?.stop();
  });

  it('stores N mentions exactly once; JetStream drops re-published ids', async () => {
    if (!nats) return;
    const bus = await createNatsBus({ url: nats.url });
    const r = await runScenario(bus, t.store, N);
    expect(r.flaky.failed).toBe(3);
    expect(r.dups).toBe(500);
    await bus.close();
    await checkStored(t.store);
  });
});
