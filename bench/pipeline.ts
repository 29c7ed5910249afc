// Throughput of process + store on each bus, beside the raw chDB insert rate measured in
// the same run, and the end-to-end delay publish → Socket.IO event at a fixed rate.
// Each throughput figure is the median of `--runs` runs (the same code moves ±25% between
// runs on a small VM; one run says little), with every run printed. It measures the heap
// `npm start` runs with (shared/app/heap.ts), starting itself again with its flags if needed.
// Run: npx tsx bench/pipeline.ts [--n 40000] [--runs 3] [--threads 2] [--rate 200] [--seconds 15] [--skip-memory] [--skip-nats] [--skip-e2e]
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
import { models, publishAll, startPipeline, waitFor } from '../tests/integration/pipeline-harness.js';
import { startWeb } from '../web/server.js';
import type { ProcessedMention, RawMention } from '../shared/types/mention.js';
import { generateMentions } from '../ingest/sources/demo/generator.js';
import { demoHouses } from '../ingest/sources/demo/demo.source.js';
import { cpuByGroup, threadTimes } from './thread-cpu.js';
import { hasNodeHeapFlags, NODE_HEAP_FLAGS } from '../shared/app/heap.js';

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
const RUNS = Math.max(1, Number(flags.runs ?? 3));
const BATCH = 2000;
const THREADS = String(flags.threads ?? loadConfig({}).ANALYSE_THREADS);

const execFileAsync = promisify(execFile);
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

/** How the mentions reach the bus: from this process, or from a source in another one. */
type Publish = (bus: Bus, mentions: RawMention[]) => Promise<unknown>;

/** A source in another process (as in the scaled-out mode): publishes to NATS from a file. */
function childPublisher(url: string): Publish {
  return async (_bus, mentions) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-bench-'));
    const file = path.join(dir, 'mentions.jsonl');
    fs.writeFileSync(file, mentions.map((m) => JSON.stringify(m)).join('\n'));
    try {
      await execFileAsync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./nats-publish.ts', import.meta.url)), url, SUBJECTS.raw('demo'), file]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

type RunResult = { rate: number; cpuUs: number; threads: [string, number][] };

/** A stopwatch over wall time, process CPU and CPU by thread; `start` may be called late. */
function meter() {
  let t0 = performance.now();
  let cpu0 = process.cpuUsage();
  let threads0 = threadTimes();
  return {
    start() {
      t0 = performance.now();
      cpu0 = process.cpuUsage();
      threads0 = threadTimes();
    },
    read(n: number): RunResult {
      const rate = (n / (performance.now() - t0)) * 1000;
      const cpu = process.cpuUsage(cpu0);
      return { rate, cpuUs: (cpu.user + cpu.system) / n, threads: cpuByGroup(threads0, threadTimes()) };
    },
  };
}

/** Distinct mentions stored under `prefix`: a cheap read (no FINAL, one id prefix). */
async function stored(store: Store, prefix: string): Promise<number> {
  const [r] = await store.query<{ n: string }>('SELECT uniqExact(id) AS n FROM mentions WHERE startsWith(id, {p:String})', { p: `demo:${prefix}-` });
  return Number(r!.n);
}

/**
 * Wait until `n` mentions under `prefix` are stored, reading the table every 100 ms:
 * progress is watched where the pipeline ends, without taking a copy of every processed
 * message onto the event loop being measured. Calls `at(count)` on each read.
 */
async function untilStored(store: Store, prefix: string, n: number, at: (count: number) => void = () => {}): Promise<void> {
  await waitFor(
    async () => {
      const count = await stored(store, prefix);
      at(count);
      return count >= n;
    },
    600_000,
    `${n} stored mentions`,
  );
}

/** Every mention published under `prefix` is in the table exactly once. */
async function checkStored(store: Store, prefix: string, expected: number): Promise<void> {
  const n = await stored(store, prefix);
  if (n !== expected) throw new Error(`stored ${n} of ${expected} mentions`);
}

const WARM = 2000;
const pipelineEnv = () => ({ BATCH_SIZE: String(BATCH), BATCH_MS: '200', ANALYSE_THREADS: THREADS });

/** Publishing and processing at once (the live case), after a warm-up that is not counted. */
async function pipelineRate(bus: Bus, store: Store, prefix: string, publish: Publish = publishAll): Promise<RunResult> {
  const p = await startPipeline(bus, store, pipelineEnv());
  await publish(bus, await demoStream(WARM, `${prefix}-warm`));
  await untilStored(store, prefix, WARM);
  const mentions = await demoStream(N, prefix);
  const m = meter();
  await publish(bus, mentions);
  await untilStored(store, prefix, WARM + N);
  const result = m.read(N);
  await p.stop();
  await checkStored(store, prefix, N + WARM);
  return result;
}

/**
 * The worker alone, draining a backlog (as after an outage): WARM + N mentions are on the
 * bus before it starts; the clock runs from the first read that finds WARM stored (start-up
 * and JIT warm-up behind it) to the last, so the publisher's work is not on the measured loop.
 */
async function backlogRate(bus: Bus, store: Store, prefix: string, publish: Publish = publishAll): Promise<RunResult> {
  await publish(bus, await demoStream(WARM + N, prefix));
  const m = meter();
  let base = -1;
  const p = await startPipeline(bus, store, pipelineEnv());
  await untilStored(store, prefix, WARM + N, (count) => {
    if (base < 0 && count >= WARM) {
      base = count;
      m.start();
    }
  });
  const result = m.read(WARM + N - base);
  await p.stop();
  await checkStored(store, prefix, N + WARM);
  return result;
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
    /** `RUNS` runs of one mode (each under its own id prefix), every run and the median printed. */
    const measure = async (name: string, run: (prefix: string) => Promise<RunResult>, prefix: string) => {
      const results: RunResult[] = [];
      for (let i = 1; i <= RUNS; i++) results.push(await run(`${prefix}${i}`));
      const median = [...results].sort((a, b) => a.rate - b.rate)[Math.floor((results.length - 1) / 2)]!;
      console.log(`${name}${fmt(median.rate)} mentions/s median of ${RUNS} (${(median.rate / raw).toFixed(2)} × raw insert; runs: ${results.map((r) => fmt(r.rate)).join(', ')})`);
      const per = median.threads.slice(0, 6).map(([k, ms]) => `${k} ${fmt((ms * 1000) / N)}`);
      console.log(`    median run: ${fmt(median.cpuUs)} µs CPU per mention in this process, ${THREADS} analysis threads; by thread: ${per.join(', ')}`);
    };
    if (!flags['skip-memory']) {
      await measure('pipeline, in-process bus + chDB, live:      ', (p) => pipelineRate(createMemoryBus(), t.store, p), 'mem');
      await measure('  backlog drain, in-process bus + chDB:     ', (p) => backlogRate(createMemoryBus(), t.store, p), 'memq');
    }
    const nats = flags['skip-nats'] ? null : await startNatsServer();
    if (nats) {
      const bus = await createNatsBus({ url: nats.url });
      await measure('pipeline, NATS JetStream + chDB, live:      ', (p) => pipelineRate(bus, t.store, p, childPublisher(nats.url)), 'nats');
      await measure('  backlog drain, NATS JetStream + chDB:     ', (p) => backlogRate(bus, t.store, p, childPublisher(nats.url)), 'natsq');
      await bus.close();
      await nats.stop();
    } else console.log(`pipeline, NATS JetStream: skipped (${flags['skip-nats'] ? '--skip-nats' : 'nats-server not installed'})`);
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

if (hasNodeHeapFlags()) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
} else {
  // Measure the heap `npm start` runs with: start again with its flags.
  const args = [...NODE_HEAP_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}
