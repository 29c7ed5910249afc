// Throughput of process + store on each bus, beside the raw chDB insert rate measured in
// the same run, and the end-to-end delay publish → Socket.IO event at a fixed rate.
// Run: npx tsx bench/pipeline.ts [--n 40000] [--rate 200] [--seconds 15]
import { io as connect } from 'socket.io-client';
import { parseFlags } from '../cli/main.js';
import { createMemoryBus } from '../shared/bus/memory-bus.js';
import { createNatsBus } from '../shared/bus/nats-bus.js';
import type { Bus } from '../shared/bus/bus.js';
import type { Store } from '../shared/storage/store.js';
import { SUBJECTS } from '../shared/types/subjects.js';
import { loadConfig } from '../shared/config/env.js';
import { silentLogger } from '../shared/log/logger.js';
import { toMentionRow } from '../analytics/rows/mention-row.js';
import { startNatsServer } from '../tests/helpers/nats-server.js';
import { tempStore } from '../tests/helpers/temp-store.js';
import { models, publishAll, startPipeline, countRows, waitFor } from '../tests/integration/pipeline-harness.js';
import { startWeb } from '../web/server.js';
import type { ProcessedMention, RawMention } from '../shared/types/mention.js';
import { generateMentions } from '../ingest/sources/demo/generator.js';
import { demoHouses } from '../ingest/sources/demo/demo.source.js';

/** Realistic resident texts from the demo generator (varied categories, addresses, lengths). */
async function demoStream(n: number, prefix: string): Promise<RawMention[]> {
  const { registry } = await models();
  const end = new Date();
  return [
    ...generateMentions({ houses: demoHouses(registry.houses), seed: 42, start: new Date(end.getTime() - 7 * 86_400_000), end, ratePerMin: 200, idPrefix: `${prefix}-`, limit: n }),
  ];
}

const { flags } = parseFlags(process.argv.slice(2));
const N = Number(flags.n ?? 40_000);
const RATE = Number(flags.rate ?? 200);
const SECONDS = Number(flags.seconds ?? 15);
const BATCH = 2000;

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

async function rawInsertRate(store: Store): Promise<number> {
  const rows = (await demoStream(N, 'raw')).map((m, i) =>
    toMentionRow({
      ...m,
      authorHash: '',
      url: '',
      ingestedAt: m.ts,
      category: 'heating',
      relevant: true,
      confidence: 0.9,
      urgency: 0.5,
      reasons: [],
      address: null,
      houseId: `h${i % 1000}`,
      lat: 59.9,
      lon: 30.3,
      district: 'Приморский район',
      organisation: null,
      dupGroup: '',
    } as ProcessedMention),
  );
  await store.insert('mentions', rows.slice(0, 100)); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) await store.insert('mentions', rows.slice(i, i + BATCH));
  return (rows.length / (performance.now() - t0)) * 1000;
}

async function pipelineRate(bus: Bus, store: Store, prefix: string): Promise<number> {
  const p = await startPipeline(bus, store, { BATCH_SIZE: String(BATCH), BATCH_MS: '200' });
  const before = (await countRows(store)).ids;
  const mentions = await demoStream(N, prefix);
  const t0 = performance.now();
  await publishAll(bus, mentions);
  await waitFor(async () => (await countRows(store)).ids >= before + N, 600_000, 'pipeline drain');
  const rate = (N / (performance.now() - t0)) * 1000;
  await p.stop();
  return rate;
}

async function endToEndDelay(store: Store): Promise<number[]> {
  const bus = createMemoryBus();
  const p = await startPipeline(bus, store, { BATCH_SIZE: '500', BATCH_MS: '50' });
  const config = loadConfig({ PORT: '0', DEMO: 'off', HOST: '127.0.0.1' });
  const web = await startWeb({ ...p.ctx, config, log: silentLogger });
  const sent = new Map<string, number>();
  const delays: number[] = [];
  const socket = connect(`http://127.0.0.1:${web.port}`, { transports: ['websocket'] });
  socket.on('mentions', (items: { id: string }[]) => {
    const now = performance.now();
    for (const it of items) {
      const t = sent.get(it.id);
      if (t !== undefined) delays.push(now - t);
    }
  });
  await new Promise<void>((r) => socket.on('connect', () => r()));
  const total = RATE * SECONDS;
  const mentions = await demoStream(total, 'e2e');
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.set(mentions[i]!.id, performance.now());
    void bus.publish(SUBJECTS.raw('demo'), mentions[i], { msgId: mentions[i]!.id });
  }
  await waitFor(async () => delays.length >= total, 30_000, 'all Socket.IO events').catch(() => {});
  socket.close();
  await web.stop();
  await p.stop();
  await bus.close();
  return delays.sort((a, b) => a - b);
}

const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function main() {
  await models();
  const t = await tempStore();
  try {
    const raw = await rawInsertRate(t.store);
    console.log(`raw chDB insert (batches of ${BATCH}):        ${fmt(raw)} rows/s  (baseline)`);
    const mem = await pipelineRate(createMemoryBus(), t.store, 'mem');
    console.log(`pipeline, in-process bus + chDB:            ${fmt(mem)} mentions/s  (${(mem / raw).toFixed(2)} × raw insert)`);
    const nats = flags['skip-nats'] ? null : await startNatsServer();
    if (nats) {
      const bus = await createNatsBus({ url: nats.url });
      const r = await pipelineRate(bus, t.store, 'nats');
      await bus.close();
      await nats.stop();
      console.log(`pipeline, NATS JetStream + chDB:            ${fmt(r)} mentions/s  (${(r / raw).toFixed(2)} × raw insert)`);
    } else console.log('pipeline, NATS JetStream: skipped (nats-server not installed)');
    if (flags['skip-e2e']) return;
    const d = await endToEndDelay(t.store);
    console.log(
      `end-to-end publish → Socket.IO at ${RATE}/s for ${SECONDS}s: received ${d.length}/${RATE * SECONDS}, ` +
        `p50 ${q(d, 0.5).toFixed(0)} ms, p99 ${q(d, 0.99).toFixed(0)} ms, max ${(d.at(-1) ?? NaN).toFixed(0)} ms`,
    );
  } finally {
    await t.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
