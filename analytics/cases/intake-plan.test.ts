import { describe, expect, it } from 'vitest';
import { loadCasesConfig } from './load-config.js';
import { loadedCase, type LoadedCase } from './append.js';
import { caseIdFor, intakeFromProcessed } from './intake.js';
import { casesToLoad, planIntake, type IntakePlanContext } from './intake-plan.js';
import type { CaseEvent } from './lifecycle.js';
import { directory, mention } from '../../tests/cases/fixtures.js';

const cfg = loadCasesConfig();
const ctx: IntakePlanContext = {
  routing: cfg.routing, deadlines: { table: cfg.deadlines, calendar: cfg.calendar }, directory, now: new Date('2026-11-10T08:05:00Z'),
};
const fresh = (ids: string[], stored = new Map<string, CaseEvent[]>()) => new Map<string, LoadedCase>(ids.map((id) => [id, loadedCase(id, stored.get(id) ?? [])]));

describe('planIntake (a batch decided in memory)', () => {
  it('opens one case for the first complaint of a house and joins the rest of the batch to it', () => {
    const ms = [mention(), mention({ ts: '2026-11-10T08:01:00.000Z' }), mention({ category: 'roof' })].map(intakeFromProcessed);
    const plan = planIntake(ms, [], fresh(casesToLoad(ms, [])), ctx);
    expect(plan.outcomes.map((o) => o.ok && o.joined)).toEqual([false, true, false]);
    const heat = caseIdFor(ms[0].id);
    expect(plan.outcomes[1]).toMatchObject({ caseId: heat });
    expect(plan.appended.map((e) => `${e.caseId === heat ? 'heat' : 'roof'}:${e.type}:${e.seq}`)).toEqual([
      'heat:opened:1', 'heat:routed:2', 'heat:mention_linked:3', 'roof:opened:1', 'roof:routed:2',
    ]);
    expect(plan.cases.get(heat)!.view!.mentionIds).toEqual([ms[0].id, ms[1].id]);
  });

  it('appends nothing when the same batch is planned again over the stored events (redelivery)', () => {
    const ms = [mention({ houseId: 'spb:r1' }), mention({ houseId: 'spb:r1' }), mention({ houseId: null, address: null, category: 'elevator' })].map(intakeFromProcessed);
    const first = planIntake(ms, [], fresh(casesToLoad(ms, [])), ctx);
    const stored = new Map<string, CaseEvent[]>();
    for (const e of first.appended) stored.set(e.caseId, [...(stored.get(e.caseId) ?? []), e]);
    const open = [...first.cases.values()].map((c) => ({ id: c.id, houseId: c.view!.houseId, category: c.view!.category, areaKey: c.view!.areaKey, openedAt: c.view!.openedAt }));
    const again = planIntake(ms, open, fresh(casesToLoad(ms, open), stored), ctx);
    expect(again.appended).toEqual([]);
    expect(again.outcomes.map((o) => o.ok && o.caseId)).toEqual(first.outcomes.map((o) => o.ok && o.caseId));
  });

  it('does not join a case the projection called open but whose events say closed', () => {
    const a = intakeFromProcessed(mention({ houseId: 'spb:c1' }));
    const first = planIntake([a], [], fresh(casesToLoad([a], [])), ctx);
    const id = caseIdFor(a.id);
    const closed: CaseEvent[] = [...first.appended, { id: `${id}:dismissed`, caseId: id, seq: 3, at: '2026-11-10T08:03:00.000Z', type: 'dismissed', actor: 'x', comment: '', orgId: 'org:uk1', payload: {} }];
    const b = intakeFromProcessed(mention({ houseId: 'spb:c1' }));
    const stale = [{ id, houseId: 'spb:c1', category: 'heating', areaKey: '', openedAt: a.ts }];
    const plan = planIntake([b], stale, fresh(casesToLoad([b], stale), new Map([[id, closed]])), ctx);
    expect(plan.outcomes[0]).toMatchObject({ ok: true, joined: false, caseId: caseIdFor(b.id) });
    expect(plan.appended.some((e) => e.caseId === id)).toBe(false);
  });

  it('reopens a resolved case when a new complaint about it arrives', () => {
    const a = intakeFromProcessed(mention({ houseId: 'spb:z1' }));
    const first = planIntake([a], [], fresh(casesToLoad([a], [])), ctx);
    const id = caseIdFor(a.id);
    const resolved: CaseEvent[] = [...first.appended, { id: `${id}:resolved`, caseId: id, seq: 3, at: '2026-11-10T09:00:00.000Z', type: 'resolved', actor: 'x', comment: 'сделано', orgId: 'org:uk1', payload: {} }];
    const b = intakeFromProcessed(mention({ houseId: 'spb:z1', text: 'Опять холодно' }));
    const open = [{ id, houseId: 'spb:z1', category: 'heating', areaKey: '', openedAt: a.ts }];
    const plan = planIntake([b], open, fresh(casesToLoad([b], open), new Map([[id, resolved]])), ctx);
    expect(plan.appended.map((e) => e.type)).toEqual(['mention_linked', 'reopened']);
    expect(plan.cases.get(id)!.view!.state).toBe('reopened');
  });
});
