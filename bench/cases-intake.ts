// Complaints through the cases worker on chDB and the in-process bus, as after a
// first start of the demo: a day of processed mentions published at once (the
// backfill), over the real registry's houses — some houses with many complaints
// (they join one case), some mentions with a street only or no address at all.
// Prints mentions/s (wall clock) and mentions per CPU-second (the machine is
// shared: CPU time is the fairer figure), beside a baseline measured in the same
// run: the same intake one mention at a time (batch size 1), as before batching.
//   npx tsx bench/cases-intake.ts [--n 20000] [--baseline 600] [--batch 1000]
import { parseFlags } from '../cli/main.js';
import { createMemoryBus } from '../shared/bus/memory-bus.js';
import type { AppContext } from '../shared/app/context.js';
import type { Classifier } from '../analytics/classify/index.js';
import { loadConfig } from '../shared/config/env.js';
import { silentLogger } from '../shared/log/logger.js';
import { SUBJECTS } from '../shared/types/subjects.js';
import type { ProcessedMention } from '../shared/types/mention.js';
import type { House } from '../shared/types/registry.js';
import type { Category } from '../shared/types/taxonomy.js';
import { loadRegistry } from '../analytics/registry/load.js';
import { mulberry32 } from '../shared/random/mulberry32.js';
import { intakeFromProcessed } from '../analytics/cases/intake.js';
import type { CaseEventMessage } from '../analytics/cases/messages.js';
import { intakeMentions } from '../analytics/queries/cases/intake-mention.js';
import { caseIntakeDeps, startCasesWorker } from '../ingest/workers/cases.worker.js';
import { tempStore } from '../tests/helpers/temp-store.js';

const { flags } = parseFlags(process.argv.slice(2));
const N = Number(flags.n ?? 20_000);
const BASELINE = Number(flags.baseline ?? 600);
const BATCH = Number(flags.batch ?? 1000);
const CATEGORIES: Category[] = ['heating', 'heating', 'heating', 'hot_water', 'cold_water', 'elevator', 'garbage', 'yard', 'snow_ice', 'roof', 'billing', 'uk_conduct', 'electricity', 'sewerage', 'roads'];

function mentions(houses: House[], reg: Awaited<ReturnType<typeof loadRegistry>>, n: number, tag: string, seed: number): ProcessedMention[] {
  const rnd = mulberry32(seed);
  const end = Date.now();
  const out: ProcessedMention[] = [];
  for (let i = 0; i < n; i++) {
    // a few houses complain a lot (an accident, a broken lift), most once
    const h = houses[Math.floor(rnd() * rnd() * rnd() * houses.length)];
    const where = rnd();
    const withHouse = where < 0.7;
    const streetOnly = !withHouse && where < 0.85;
    const org = withHouse && h.orgId ? reg.org(h.orgId) : undefined;
    const ts = new Date(end - 86_400_000 + Math.floor((i / n) * 86_400_000)).toISOString();
    out.push({
      id: `bench:${tag}-${i}`, source: 'vk', channel: 'vk:-1', authorHash: `a${i}`, text: `Жалоба № ${i}: ${h.address}`, ts, url: '', ingestedAt: ts,
      category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)], relevant: true, confidence: 0.9, urgency: 0.5, reasons: [],
      address: withHouse || streetOnly ? { street: h.street, house: withHouse ? h.number : '', raw: h.address } : null,
      houseId: withHouse ? h.id : null, lat: withHouse ? h.lat : null, lon: withHouse ? h.lon : null,
      district: withHouse || streetOnly ? h.district : null, organisation: org ? { id: org.id, name: org.name } : null, dupGroup: '',
    });
  }
  return out;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

const ts = await tempStore();
const bus = createMemoryBus();
try {
  const registry = await loadRegistry();
  const houses = registry.houses.filter((h) => h.region === 'spb' && h.district);
  const config = loadConfig({ DEMO: 'off', LOG_LEVEL: 'silent' });
  const ctx: AppContext = { config, log: silentLogger, bus, store: ts.store, registry, classifier: undefined as unknown as Classifier };

  // baseline: one mention at a time through the same intake
  const deps = await caseIntakeDeps(ctx);
  const base = mentions(houses, registry, BASELINE, 'base', 7).map(intakeFromProcessed);
  let c0 = cpu();
  let t0 = performance.now();
  for (const m of base) await intakeMentions(deps, [m]);
  const baseWall = BASELINE / ((performance.now() - t0) / 1000);
  const baseCpu = BASELINE / (cpu() - c0);

  // the worker, fed a backfill all at once
  let landed = 0;
  bus.subscribe<CaseEventMessage>(SUBJECTS.caseEvent, (m) => {
    if (m.event.type === 'opened' || m.event.type === 'mention_linked') landed++;
  });
  const worker = await startCasesWorker(ctx, { scanIntervalMs: 3_600_000, batchSize: BATCH });
  const list = mentions(houses, registry, N, 'run', 11);
  c0 = cpu();
  t0 = performance.now();
  for (const m of list) await bus.publish(SUBJECTS.processed, m, { msgId: m.id });
  const deadline = Date.now() + 600_000;
  while (landed < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = cpu() - c0;
  await worker.stop();
  const [{ cases }] = await ts.store.query<{ cases: string }>('SELECT count() AS cases FROM cases FINAL');

  console.log(`cases intake on chDB + in-process bus, ${fmt(N)} mentions (70 % with a house, 15 % street only, 15 % no address), ${cases} cases`);
  console.log(`baseline, one mention at a time (${BASELINE}):  ${fmt(baseWall)} mentions/s, ${fmt(baseCpu)} mentions per CPU-second`);
  console.log(`cases worker, micro-batches of ≤ ${BATCH}:       ${fmt(N / wallS)} mentions/s, ${fmt(N / cpuS)} mentions per CPU-second ` +
    `(${(N / wallS / baseWall).toFixed(1)}× / ${(N / cpuS / baseCpu).toFixed(1)}× baseline); ${landed === N ? 'all landed' : `ONLY ${landed} landed`} in ${wallS.toFixed(1)} s`);
  console.log(`a demo backfill of 43,000 mentions (~60 % of them complaints) drains in ≈ ${((43_000 * 0.6) / (N / wallS)).toFixed(0)} s at this rate`);
  if (landed !== N) process.exitCode = 1;
} finally {
  await bus.close();
  await ts.cleanup();
}
