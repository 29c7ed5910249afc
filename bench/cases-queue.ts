// The case workspace on a long history: seeds N cases (default 120 000; events
// through the real state machine) into chDB in a temp folder, then times
//   - the queue of one organisation (page load: items + counts), target < 300 ms
//   - the overdue scan over all cases
//   - metrics by organisation over the whole history
// and checks overdue detection and a metric against the pure definitions on the
// seeded rows. Baseline measured in the same run: `SELECT count() FROM cases FINAL`
// (the cost of reading the projection once). Prints min / median / max of 5 runs.
//   npx tsx bench/cases-queue.ts [count]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChdbStore } from '../shared/storage/chdb-store.js';
import { migrate } from '../analytics/schema/migrate.js';
import { loadCasesConfig } from '../analytics/cases/load-config.js';
import { syntheticCases, type SyntheticCase } from '../analytics/cases/synthetic.js';
import { caseMetrics } from '../analytics/cases/metrics.js';
import { writeCaseHistory } from '../analytics/queries/cases/write-case-history.js';
import { getCaseQueue } from '../analytics/queries/cases/get-case-queue.js';
import { getOverdueCases } from '../analytics/queries/cases/get-overdue-cases.js';
import { getCaseMetrics } from '../analytics/queries/cases/get-case-metrics.js';

const COUNT = Number(process.argv[2] ?? 120_000);
const RUNS = 5;
const cfg = loadCasesConfig();
const FROM = new Date('2026-05-01T00:00:00Z');
const NOW = new Date('2026-11-20T00:00:00Z');

async function time(fn: () => Promise<unknown>): Promise<{ min: number; median: number; max: number }> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { min: ms[0], median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1] };
}
const fmt = (r: { min: number; median: number; max: number }) => `${r.min.toFixed(1)} / ${r.median.toFixed(1)} / ${r.max.toFixed(1)} ms`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-bench-cases-'));
const store = await createChdbStore(dir);
try {
  await migrate(store);
  const t0 = performance.now();
  const all: SyntheticCase[] = [];
  let batch: SyntheticCase[] = [];
  let events = 0;
  for (const c of syntheticCases({
    count: COUNT, seed: 42, orgs: 600, categories: ['heating', 'hot_water', 'cold_water', 'elevator', 'garbage', 'roof', 'billing', 'uk_conduct', 'yard', 'electricity'],
    districts: ['Адмиралтейский район', 'Василеостровский район', 'Выборгский район', 'Калининский район', 'Кировский район', 'Невский район', 'Приморский район', 'Центральный район'],
    from: FROM, to: NOW, deadlines: { table: cfg.deadlines, calendar: cfg.calendar },
  })) {
    all.push(c);
    batch.push(c);
    events += c.events.length;
    if (batch.length === 10_000) {
      await writeCaseHistory(store, batch);
      batch = [];
    }
  }
  await writeCaseHistory(store, batch);
  console.log(`seeded ${COUNT} cases, ${events} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // the busiest organisation: the worst case for its staff's queue
  const byOrg = new Map<string, number>();
  for (const c of all) byOrg.set(c.view.orgId, (byOrg.get(c.view.orgId) ?? 0) + 1);
  const [org, orgCases] = [...byOrg.entries()].filter(([o]) => o).sort((a, b) => b[1] - a[1])[0];

  const base = await time(() => store.query('SELECT count() FROM cases FINAL'));
  const q = await time(() => getCaseQueue(store, { orgId: org, now: NOW, limit: 200 }));
  const qAll = await time(() => getCaseQueue(store, { now: NOW, limit: 200 }));
  const overdue = await time(() => getOverdueCases(store, { now: NOW, limit: 1_000_000 }));
  const tick = await time(() => getOverdueCases(store, { now: NOW, limit: 1000 }));
  const metrics = await time(() => getCaseMetrics(store, { by: 'org', from: FROM, to: NOW, now: NOW }));

  console.log(`baseline SELECT count() FROM cases FINAL:     ${fmt(base)}`);
  console.log(`queue of one organisation (${orgCases} cases): ${fmt(q)}  (${(q.median / base.median).toFixed(1)}× baseline; target < 300 ms: ${q.median < 300 ? 'met' : 'NOT met'})`);
  console.log(`queue of HQ (all organisations):           ${fmt(qAll)}  (${(qAll.median / base.median).toFixed(1)}× baseline)`);
  console.log(`overdue scan, every clock at once:         ${fmt(overdue)}  (${(overdue.median / base.median).toFixed(1)}× baseline; a backlog nobody announced yet)`);
  console.log(`overdue scan, one scanner tick (≤ 1 000):  ${fmt(tick)}  (${(tick.median / base.median).toFixed(1)}× baseline)`);
  console.log(`metrics by organisation, whole history:    ${fmt(metrics)}  (${(metrics.median / base.median).toFixed(1)}× baseline)`);

  // correctness on the seeded history
  const found = await getOverdueCases(store, { now: NOW, limit: 1_000_000 });
  const expected = all.reduce((n, c) => {
    const v = c.view;
    const fr = ['new', 'routed', 'accepted', 'reopened', 'resolved'].includes(v.state) && !v.firstResponseAt && Date.parse(v.firstResponseDue) < NOW.getTime();
    const res = ['new', 'routed', 'accepted', 'reopened'].includes(v.state) && Date.parse(v.resolutionDue) < NOW.getTime();
    return n + (fr ? 1 : 0) + (res ? 1 : 0);
  }, 0);
  console.log(`overdue clocks found ${found.length}, expected ${expected}: ${found.length === expected ? 'correct' : 'MISMATCH'}`);
  const [total] = await getCaseMetrics(store, { by: 'total', from: FROM, to: NOW, now: NOW });
  const ref = caseMetrics(all.map((c) => c.view), NOW);
  const same = total.cases === ref.cases && total.confirmed === ref.confirmed && total.unconfirmed === ref.unconfirmed &&
    total.resolutionMedianS === ref.resolutionMedianS && total.firstResponseP90S === ref.firstResponseP90S && total.reopened === ref.reopened;
  console.log(`metrics (all cases): median resolution ${((total.resolutionMedianS ?? 0) / 3600).toFixed(1)} h, in time ${(100 * (total.resolvedInTimeShare ?? 0)).toFixed(1)} %, ` +
    `confirmed ${(100 * (total.confirmedShare ?? 0)).toFixed(1)} %, не подтверждено ${(100 * (total.unconfirmedShare ?? 0)).toFixed(1)} %, reopen ${(100 * (total.reopenRate ?? 0)).toFixed(1)} % — ${same ? 'match the pure definitions' : 'MISMATCH with the pure definitions'}`);
  if (found.length !== expected || !same) process.exitCode = 1;
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
