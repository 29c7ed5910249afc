// Metrics and the queue on real rows in chDB: a synthetic history written through
// the real state machine, then each SQL metric compared with the pure definition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { loadCasesConfig } from '../../analytics/cases/load-config.js';
import { syntheticCases, type SyntheticCase } from '../../analytics/cases/synthetic.js';
import { caseMetrics, type CaseMetrics } from '../../analytics/cases/metrics.js';
import { writeCaseHistory } from '../../analytics/queries/cases/write-case-history.js';
import { getCaseMetrics, type MetricsDimension } from '../../analytics/queries/cases/get-case-metrics.js';
import { getCaseQueue } from '../../analytics/queries/cases/get-case-queue.js';
import { getHouseBudgets } from '../../analytics/queries/cases/get-house-interruptions.js';
import { getOverdueCases } from '../../analytics/queries/cases/get-overdue-cases.js';
import { appendToCase } from '../../analytics/queries/cases/case-commands.js';

const cfg = loadCasesConfig();
const FROM = new Date('2026-08-01T00:00:00Z');
const NOW = new Date('2026-11-20T00:00:00Z');
let ts: TempStore;
let hist: SyntheticCase[];

beforeAll(async () => {
  ts = await tempStore();
  hist = [...syntheticCases({
    count: 3000, seed: 7, orgs: 12, districts: ['Приморский район', 'Центральный район', 'Невский район'],
    categories: ['heating', 'cold_water', 'elevator', 'garbage', 'billing', 'roof'], from: FROM, to: NOW,
    deadlines: { table: cfg.deadlines, calendar: cfg.calendar },
  })];
  await writeCaseHistory(ts.store, hist);
});
afterAll(async () => ts?.cleanup());

const close = (sql: CaseMetrics, ref: CaseMetrics) => {
  for (const k of Object.keys(ref) as (keyof CaseMetrics)[]) {
    const a = sql[k];
    const b = ref[k];
    if (typeof b === 'number' && typeof a === 'number') expect(a, k).toBeCloseTo(b, 6);
    else expect(a, k).toEqual(b);
  }
};

describe('case metrics on real rows', () => {
  it('the synthetic history covers every outcome', () => {
    const outcomes = new Set(hist.map((c) => c.view.outcome || c.view.state));
    for (const o of ['confirmed', 'unconfirmed', 'dismissed', 'resolved', 'accepted', 'routed', 'new']) expect(outcomes, o).toContain(o);
    expect(hist.some((c) => c.view.reopenCount > 0)).toBe(true);
  });

  for (const by of ['total', 'org', 'district', 'category', 'month'] as MetricsDimension[]) {
    it(`match the pure definitions by ${by}`, async () => {
      const rows = await getCaseMetrics(ts.store, { by, from: FROM, to: NOW, now: NOW, timezone: 'UTC' });
      const keyOf = (c: SyntheticCase) =>
        by === 'total' ? 'total' : by === 'org' ? c.view.orgId : by === 'district' ? c.view.district : by === 'category' ? c.view.category : `${c.view.openedAt.slice(0, 7)}-01`;
      const groups = new Map<string, SyntheticCase[]>();
      for (const c of hist) if (c.view.outcome !== 'dismissed') groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
      expect(rows.map((r) => r.key).sort()).toEqual([...groups.keys()].sort());
      for (const r of rows) close(r, caseMetrics(groups.get(r.key)!.map((c) => c.view), NOW));
    });
  }

  it('narrows to one organisation, and the metrics move when a case is confirmed', async () => {
    const org = hist.find((c) => c.view.orgId)!.view.orgId;
    const before = (await getCaseMetrics(ts.store, { by: 'total', from: FROM, to: NOW, now: NOW, orgId: org }))[0];
    expect(before.cases).toBe(hist.filter((c) => c.view.orgId === org && c.view.outcome !== 'dismissed').length);
    const waiting = hist.find((c) => c.view.orgId === org && c.view.state === 'resolved')!;
    await appendToCase({ store: ts.store }, waiting.view.id, () => [{ type: 'confirmed', actor: 'resident', at: NOW }]);
    const after = (await getCaseMetrics(ts.store, { by: 'total', from: FROM, to: NOW, now: NOW, orgId: org }))[0];
    expect(after.confirmed).toBe(before.confirmed + 1);
    expect(after.confirmedShare!).toBeGreaterThan(before.confirmedShare!);
  });
});

describe('queue and overdue on real rows', () => {
  it('lists one organisation\'s open cases, overdue first, with counts', async () => {
    const org = 'org:synthetic-0';
    const q = await getCaseQueue(ts.store, { orgId: org, now: NOW, limit: 5000 });
    const mine = hist.filter((c) => c.view.orgId === org && !['confirmed', 'closed'].includes(c.view.state));
    expect(q.counts.open).toBe(mine.length);
    expect(q.items.length).toBe(mine.length);
    const firstNotOverdue = q.items.findIndex((i) => !i.overdue);
    expect(firstNotOverdue).toBeGreaterThan(0);
    expect(q.items.slice(firstNotOverdue).every((i) => !i.overdue)).toBe(true);
    const overdueRef = mine.filter((c) => {
      const v = c.view;
      return (!v.firstResponseAt && Date.parse(v.firstResponseDue) < NOW.getTime()) || (v.state !== 'resolved' && Date.parse(v.resolutionDue) < NOW.getTime());
    }).length;
    expect(q.counts.overdue).toBe(overdueRef);
  });

  it('shows «не распределено» and overdue scan finds exactly the overdue clocks', async () => {
    const un = await getCaseQueue(ts.store, { state: 'unroutable', now: NOW, limit: 5000 });
    expect(un.items.length).toBe(hist.filter((c) => c.view.unroutable && c.view.state === 'new').length);
    const overdue = await getOverdueCases(ts.store, { now: NOW, limit: 100_000 });
    const ref = hist.flatMap((c) => {
      const v = c.view;
      const out: string[] = [];
      if (['new', 'routed', 'accepted', 'reopened', 'resolved'].includes(v.state) && !v.firstResponseAt && Date.parse(v.firstResponseDue) < NOW.getTime()) out.push(`${v.id}:first_response`);
      if (['new', 'routed', 'accepted', 'reopened'].includes(v.state) && Date.parse(v.resolutionDue) < NOW.getTime()) out.push(`${v.id}:resolution`);
      return out;
    });
    expect(overdue.map((o) => `${o.case.id}:${o.clock}`).sort()).toEqual(ref.sort());
  });

  it('sums a house\'s monthly heating interruption against the 24 h budget', async () => {
    const { store } = ts;
    const { writeCaseHistory: w } = await import('../../analytics/queries/cases/write-case-history.js');
    const mk = (id: string, opened: string, resolved: string | null) => {
      const g = [...syntheticCases({ count: 1, seed: 1, orgs: 1, districts: ['X'], categories: ['heating'], from: new Date(opened), to: new Date(Date.parse(opened) + 1), deadlines: { table: cfg.deadlines, calendar: cfg.calendar } })][0];
      return { view: { ...g.view, id, houseId: 'spb:budget', resolvedAt: resolved, state: (resolved ? 'resolved' : 'accepted') as 'resolved' | 'accepted', outcome: '' as const }, events: [] };
    };
    await w(store, [mk('b1', '2026-11-02T05:00:00.000Z', '2026-11-02T15:00:00.000Z'), mk('b2', '2026-11-10T00:00:00.000Z', '2026-11-10T20:00:00.000Z')]);
    const [heat] = (await getHouseBudgets(store, { houseId: 'spb:budget', month: '2026-11', now: NOW, utcOffsetMinutes: 180, table: cfg.deadlines })).filter((b) => b.group === 'heating');
    expect(heat.usedMinutes).toBe(30 * 60);
    expect(heat.exceeded).toBe(true);
    expect(heat.singleExceeded).toBe(true); // 20 h at a time > 16 h
  });
});
