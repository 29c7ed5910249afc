import { describe, expect, it } from 'vitest';
import { loadCasesConfig } from './load-config.js';
import { applyDrafts, loadedCase } from './append.js';
import { intakeFromProcessed, openDrafts } from './intake.js';
import { routeCase } from './routing.js';
import { demoClock, nextDemoAction } from './demo-script.js';
import { demoCaseOf } from '../queries/cases/demo-operator.js';
import type { CaseEvent } from './lifecycle.js';
import { directory, mention } from '../../tests/cases/fixtures.js';

const cfg = loadCasesConfig();
const NOW = new Date('2026-11-14T00:00:00.000Z');
const CATS = ['heating', 'hot_water', 'elevator', 'garbage', 'roof', 'billing', 'electricity', 'snow_ice'] as const;

/** Play the script over n demo cases opened during 2026-11-10, up to NOW. */
function play(seed: number, n = 1500) {
  return Array.from({ length: n }, (_, i) => {
    const m = intakeFromProcessed(mention({ id: `demo:s-${i}`, source: 'demo', category: CATS[i % CATS.length], houseId: `spb:${i}`, ts: new Date(Date.parse('2026-11-10T00:00:00Z') + i * 57_000).toISOString() }));
    const c = loadedCase(`c${i}`, []);
    const history: CaseEvent[] = [];
    const route = routeCase({ category: m.category, houseId: m.houseId, district: m.district, houseOrgId: m.houseOrgId }, cfg.routing, directory);
    history.push(...applyDrafts(c, openDrafts(m, route, { table: cfg.deadlines, calendar: cfg.calendar }), NOW));
    for (let step = 0; step < 10; step++) {
      const a = nextDemoAction(demoCaseOf(c.view!, history), seed);
      if (!a || Date.parse(a.at) > NOW.getTime()) break;
      history.push(...applyDrafts(c, [{ id: `${c.id}:${a.type}:${c.view!.reopenCount}`, type: a.type, actor: a.actor, comment: a.comment, at: a.at }], NOW));
    }
    return { view: c.view!, history };
  });
}

describe('demo operator script', () => {
  const runs = play(7);
  const share = (f: (r: (typeof runs)[number]) => boolean) => runs.filter(f).length / runs.length;

  it('takes most cases within the first-response norm and leaves some overdue', () => {
    const inTime = share((r) => !!r.view.firstResponseAt && r.view.firstResponseAt <= r.view.firstResponseDue);
    expect(inTime).toBeGreaterThan(0.65);
    expect(inTime).toBeLessThan(0.9);
    expect(share((r) => !r.view.firstResponseAt)).toBeGreaterThan(0.03);
  });

  it('resolves many, residents confirm most, reject some (reopened), leave some unanswered', () => {
    const everResolved = runs.filter((r) => r.history.some((e) => e.type === 'resolved'));
    expect(everResolved.length / runs.length).toBeGreaterThan(0.5);
    const confirmed = everResolved.filter((r) => r.history.some((e) => e.type === 'confirmed')).length / everResolved.length;
    expect(confirmed).toBeGreaterThan(0.5);
    expect(share((r) => r.history.some((e) => e.type === 'rejected'))).toBeGreaterThan(0.03);
    expect(share((r) => r.view.state === 'resolved')).toBeGreaterThan(0.05); // waiting for an answer that will not come
    expect(share((r) => r.view.state === 'closed' && r.view.outcome === 'confirmed')).toBeGreaterThan(0.3);
  });

  it('acts with past times, after the case opened, under demo names', () => {
    for (const r of runs.slice(0, 200)) {
      for (const e of r.history.slice(2)) {
        expect(e.at >= r.view.openedAt).toBe(true);
        expect(Date.parse(e.at)).toBeLessThanOrEqual(NOW.getTime());
        expect(e.actor).toMatch(/\(демо\)/);
      }
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const sig = (rs: ReturnType<typeof play>) => rs.map((r) => r.history.map((e) => `${e.type}@${e.at}`).join(',')).join('|');
    expect(sig(play(7, 200))).toBe(sig(runs.slice(0, 200)));
    expect(sig(play(8, 200))).not.toBe(sig(runs.slice(0, 200)));
  });

  it('has the headquarters ask for the address of most complaints with no place, and nothing more', () => {
    const base = { state: 'new' as const, category: 'heating', orgKind: '', unroutable: true, answered: false, openedAt: '2026-11-10T00:00:00.000Z', firstResponseDue: '2026-11-10T00:10:00.000Z', resolutionDue: '2026-11-10T16:00:00.000Z', reopenCount: 0, anchor: '2026-11-10T00:00:00.000Z' };
    const acts = Array.from({ length: 400 }, (_, i) => nextDemoAction({ ...base, id: `u${i}` }, 1));
    const replies = acts.filter((a) => a?.type === 'replied');
    expect(replies.length / acts.length).toBeGreaterThan(0.6);
    expect(replies.length / acts.length).toBeLessThan(0.9);
    expect(acts.every((a) => !a || (a.type === 'replied' && a.actor.includes('ЦУР')))).toBe(true);
    expect(nextDemoAction({ ...base, id: 'u1', answered: true }, 1)).toBeNull();
  });

  it('keeps the operator in the history\'s time while a backfill is taken in', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(demoClock(now, new Date('2026-11-19T15:00:00Z')).toISOString()).toBe('2026-11-19T15:10:00.000Z');
    expect(demoClock(now, new Date('2026-11-20T11:59:00Z'))).toEqual(now);
    expect(demoClock(now, null)).toEqual(now);
  });
});
