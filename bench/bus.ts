// Bus throughput: messages/s published (awaiting each ack, in windows) and messages/s
// handled and acked through `consume`, for the in-process bus and for NATS JetStream
// (its own throw-away nats-server). The NATS adapter is compared with the bare client
// doing the same work (JSON, msgID, pull consume, ack) in the same run, which shows
// what the adapter itself costs.
//   npx tsx bench/bus.ts [messages]
import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createMemoryBus } from '../shared/bus/memory-bus.js';
import { createNatsBus } from '../shared/bus/nats-bus.js';
import type { Bus } from '../shared/bus/bus.js';
import { startNatsServer } from '../tests/helpers/nats-server.js';

const N = Number(process.argv[2] ?? 50_000);
const WINDOW = 500;
const RUNS = 3;

// ~600 bytes, the size of a raw mention on the wire
const payload = (i: number) => ({
  id: `bench:${i}`,
  source: 'demo',
  channel: 'vk:-1',
  author: `a${i % 97}`,
  text: `Третий день нет отопления в квартире, дети мёрзнут! ул. Барочная д. 2 #${i} `.padEnd(400, '.'),
  ts: new Date(1_790_000_000_000 + i * 1000).toISOString(),
});

async function once(bus: Bus, run: number): Promise<{ pub: number; consume: number }> {
  const subject = `mentions.raw.bench${run}`;
  const t0 = performance.now();
  for (let i = 0; i < N; i += WINDOW) {
    const batch = [];
    for (let j = i; j < Math.min(N, i + WINDOW); j++) batch.push(bus.publish(subject, payload(j), { msgId: `bench:${run}:${j}` }));
    await Promise.all(batch);
  }
  const pub = (N / (performance.now() - t0)) * 1000;

  let handled = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const t1 = performance.now();
  const sub = await bus.consume<{ id: string }>(
    subject,
    `bench-${run}`,
    (m) => {
      if (m.data.id && ++handled === N) resolveDone();
    },
    { maxInFlight: 1000 },
  );
  await done;
  await sub.drain(); // acks flushed to the server before the clock stops
  const consume = (N / (performance.now() - t1)) * 1000;
  return { pub, consume };
}

/** The same work with the bare nats.js client: the floor the adapter is measured against. */
async function bareClient(url: string, run: number): Promise<{ pub: number; consume: number }> {
  const nc = await connect({ servers: url });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: 'BARE', subjects: ['bare.>'] }).catch(() => undefined);
  const js = jetstream(nc);
  const subject = `bare.run${run}`;
  const t0 = performance.now();
  for (let i = 0; i < N; i += WINDOW) {
    const batch = [];
    for (let j = i; j < Math.min(N, i + WINDOW); j++) batch.push(js.publish(subject, JSON.stringify(payload(j)), { msgID: `bare:${run}:${j}` }));
    await Promise.all(batch);
  }
  const pub = (N / (performance.now() - t0)) * 1000;
  const t1 = performance.now();
  await jsm.consumers.add('BARE', { durable_name: `bare-${run}`, filter_subject: subject, ack_policy: AckPolicy.Explicit, max_ack_pending: 4000 });
  const msgs = await (await js.consumers.get('BARE', `bare-${run}`)).consume({ max_messages: 1000 });
  let handled = 0;
  for await (const m of msgs) {
    JSON.parse(m.string());
    m.ack();
    if (++handled === N) break;
  }
  await nc.flush();
  const consume = (N / (performance.now() - t1)) * 1000;
  await nc.drain();
  return { pub, consume };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);

async function measure(open: () => Promise<Bus>) {
  const bus = await open();
  const rs = [];
  try {
    for (let r = 0; r < RUNS; r++) rs.push(await once(bus, r));
  } finally {
    await bus.close();
  }
  return split(rs);
}

function split(rs: { pub: number; consume: number }[]) {
  const pick = (k: 'pub' | 'consume') => rs.map((r) => r[k]);
  return { pub: pick('pub'), consume: pick('consume') };
}

type Figures = { pub: number[]; consume: number[] };

function report(name: string, m: Figures, base?: { name: string; figures: Figures }) {
  const ratio = (k: 'pub' | 'consume') => (base ? `  (${(median(m[k]) / median(base.figures[k])).toFixed(2)} × ${base.name})` : '  (baseline)');
  const range = (xs: number[]) => `min ${fmt(Math.min(...xs))} / median ${fmt(median(xs))} / max ${fmt(Math.max(...xs))}`;
  console.log(`${name} publish (window ${WINDOW}): ${range(m.pub)} msg/s${ratio('pub')}`);
  console.log(`${name} consume + ack:      ${range(m.consume)} msg/s${ratio('consume')}`);
}

async function main() {
  console.log(`bus benchmark: ${N} messages of ~600 B per run, ${RUNS} runs, maxInFlight 1000`);
  const mem = await measure(async () => createMemoryBus({ maxMsgsPerStream: N * RUNS }));
  report('in-process    ', mem);
  const nats = await startNatsServer();
  if (!nats) {
    console.log('NATS JetStream: skipped (nats-server is not installed: apt-get install -y nats-server)');
    return;
  }
  try {
    const bare: { pub: number; consume: number }[] = [];
    for (let r = 0; r < RUNS; r++) bare.push(await bareClient(nats.url, r));
    const bareFigures = split(bare);
    report('bare nats.js  ', bareFigures, { name: 'in-process', figures: mem });
    const js = await measure(() => createNatsBus({ url: nats.url }));
    report('NATS bus      ', js, { name: 'bare nats.js', figures: bareFigures });
  } finally {
    await nats.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
