// A micro-batch of complaints into cases, decided in memory. The I/O side loads
// the open cases of the affected houses and areas and the events of every case
// a complaint could touch; this plan then goes through the complaints in order,
// exactly as one-at-a-time intake would (a later complaint of the batch joins a
// case an earlier one opened), and returns the events to append. Pure.
import type { Calendar } from './calendar.js';
import type { DeadlineTable } from './deadlines.js';
import { applyDrafts, type LoadedCase } from './append.js';
import { caseIdFor, joinDrafts, openDrafts, type IntakeMention } from './intake.js';
import { CaseTransitionError, isOpenState, type CaseEvent } from './lifecycle.js';
import { areaKey, findCaseToJoin, type OpenCaseRef } from './matching.js';
import { routeCase, type RoutingDirectory, type RoutingTable } from './routing.js';

export interface IntakePlanContext {
  routing: RoutingTable;
  deadlines: { table: DeadlineTable; calendar: Calendar };
  directory: RoutingDirectory;
  now: Date;
  actor?: string;
}

export type IntakeOutcome = { ok: true; caseId: string; joined: boolean } | { ok: false; error: Error };

export interface IntakePlan {
  /** per complaint, in input order */
  outcomes: IntakeOutcome[];
  /** events to append, in order */
  appended: CaseEvent[];
  /** every case a complaint landed in (changed or not): its projection is rewritten */
  cases: Map<string, LoadedCase>;
}

/** Case ids whose events the plan needs: the open candidates and each complaint's own case id (redelivery). */
export function casesToLoad(mentions: readonly IntakeMention[], open: readonly OpenCaseRef[]): string[] {
  return [...new Set([...open.map((o) => o.id), ...mentions.map((m) => caseIdFor(m.id))])].sort();
}

export function planIntake(
  mentions: readonly IntakeMention[],
  open: readonly OpenCaseRef[],
  loaded: Map<string, LoadedCase>,
  ctx: IntakePlanContext,
): IntakePlan {
  const actor = ctx.actor ?? 'system';
  // The projection said open; the events (read later, under the case locks) decide.
  const candidates: OpenCaseRef[] = open.filter((o) => {
    const v = loaded.get(o.id)?.view;
    return v && isOpenState(v.state);
  });
  const outcomes: IntakeOutcome[] = [];
  const appended: CaseEvent[] = [];
  const cases = new Map<string, LoadedCase>();
  for (const m of mentions) {
    try {
      outcomes.push(intakeOne(m));
    } catch (e) {
      outcomes.push({ ok: false, error: e as Error });
    }
  }
  return { outcomes, appended, cases };

  function intakeOne(m: IntakeMention): IntakeOutcome {
    const target = findCaseToJoin(m, candidates);
    if (target) {
      const c = loaded.get(target.id)!;
      const v = c.view!;
      if (isOpenState(v.state)) {
        appended.push(...applyDrafts(c, joinDrafts(v, m, actor), ctx.now));
        cases.set(c.id, c);
        return { ok: true, caseId: c.id, joined: true };
      }
    }
    const caseId = caseIdFor(m.id);
    const own = loaded.get(caseId);
    if (own?.view) {
      // opened by this very complaint before (redelivery): nothing new
      cases.set(caseId, own);
      return { ok: true, caseId, joined: false };
    }
    const route = routeCase({ category: m.category, houseId: m.houseId, district: m.district, houseOrgId: m.houseOrgId }, ctx.routing, ctx.directory);
    const c: LoadedCase = own ?? { id: caseId, view: null, known: new Set(), lastSeq: 0, storedOrgId: '', existed: false };
    const events = applyDrafts(c, openDrafts(m, route, ctx.deadlines, actor), ctx.now);
    if (!c.view) throw new CaseTransitionError('opened', 'none');
    appended.push(...events);
    loaded.set(caseId, c);
    cases.set(caseId, c);
    candidates.push({ id: caseId, houseId: m.houseId ?? '', category: m.category, areaKey: areaKey(m) ?? '', openedAt: c.view.openedAt });
    return { ok: true, caseId, joined: false };
  }
}
