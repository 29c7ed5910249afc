// The demo operator's reads and writes: which demo cases have a scripted action
// due, and applying those actions (with their scripted, possibly past, times)
// through the same locks and commit as every other writer. The script itself
// is the pure nextDemoAction.
import type { Store } from '../../../shared/storage/store.js';
import { applyDrafts, loadedCase, type EventDraft, type LoadedCase } from '../../cases/append.js';
import { ANCHOR_EVENTS, nextDemoAction, type DemoAction, type DemoCase } from '../../cases/demo-script.js';
import { confirmVia } from '../../cases/intake.js';
import type { CaseEvent, CaseState, CaseView } from '../../cases/lifecycle.js';
import { commitCases, withCaseLocks, type CaseDeps } from './case-commands.js';
import { fromDbTime } from './case-rows.js';
import { getEventsOfCases } from './get-case-events.js';

const ACTIVE: CaseState[] = ['routed', 'accepted', 'resolved', 'confirmed', 'reopened'];

/**
 * Demo cases whose next scripted action is due by `now`. The anchor comes from
 * the projection (approximate for cases reopened before: later than the true one,
 * so an action is found late, never early); the exact time is taken from the
 * events when the action is applied.
 */
export async function getDueDemoCases(store: Store, now: Date, seed: number, source = 'demo'): Promise<string[]> {
  const rows = await store.query<Record<string, string | null>>(
    `SELECT id, state, category, org_kind, unroutable, opened_at, first_response_at, routed_at, accepted_at, resolved_at, confirmed_at,
            first_response_due, resolution_due, reopen_count, last_event_at
     FROM cases FINAL
     WHERE source = {source:String}
       AND ((unroutable = 0 AND state IN {states:Array(String)}) OR (unroutable = 1 AND state = 'new' AND first_response_at IS NULL))`,
    { source, states: ACTIVE },
  );
  const due: { id: string; at: string }[] = [];
  for (const r of rows) {
    const t = (k: string) => (r[k] ? fromDbTime(r[k]!) : null);
    const state = r.state as CaseState;
    const reopenCount = Number(r.reopen_count);
    const anchor =
      state === 'routed' || state === 'new' ? t('routed_at') ?? t('opened_at')
      : state === 'accepted' ? (reopenCount === 0 ? t('accepted_at') : t('last_event_at'))
      : state === 'resolved' ? t('resolved_at')
      : state === 'confirmed' ? t('confirmed_at')
      : t('last_event_at');
    const a = nextDemoAction({
      id: String(r.id), state, category: String(r.category), orgKind: String(r.org_kind), unroutable: Number(r.unroutable) === 1,
      answered: !!r.first_response_at, openedAt: t('opened_at')!,
      firstResponseDue: t('first_response_due')!, resolutionDue: t('resolution_due')!, reopenCount, anchor: anchor ?? t('opened_at')!,
    }, seed);
    if (a && Date.parse(a.at) <= now.getTime()) due.push({ id: String(r.id), at: a.at });
  }
  return due.sort((x, y) => (x.at < y.at ? -1 : 1)).map((d) => d.id);
}

/** The latest complaint time among demo cases (null before the first one). */
export async function getDemoFrontier(store: Store, source = 'demo'): Promise<Date | null> {
  const [r] = await store.query<{ n: string; t: string }>(
    `SELECT count() AS n, max(last_mention_at) AS t FROM cases WHERE source = {source:String}`,
    { source },
  );
  return r && Number(r.n) > 0 ? new Date(fromDbTime(r.t)) : null;
}

export function demoCaseOf(v: CaseView, events: readonly CaseEvent[]): DemoCase {
  let anchor = v.openedAt;
  for (const e of events) if (ANCHOR_EVENTS.has(e.type) && e.at > anchor) anchor = e.at;
  return {
    id: v.id, state: v.state, category: v.category, orgKind: v.orgKind, unroutable: v.unroutable, answered: !!v.firstResponseAt, openedAt: v.openedAt,
    firstResponseDue: v.firstResponseDue, resolutionDue: v.resolutionDue, reopenCount: v.reopenCount, anchor,
  };
}

function draftOf(v: CaseView, a: DemoAction): EventDraft {
  return {
    id: `${v.id}:demo:${a.type}:${v.reopenCount}`, type: a.type, actor: a.actor, comment: a.comment, at: a.at,
    payload: a.type === 'resolved' ? { confirmVia: confirmVia(v.source) } : {},
  };
}

/** Play every due action of these cases (several in a row for a case from the past). Returns the events appended. */
export async function playDemoActions(deps: CaseDeps, caseIds: readonly string[], seed: number, now: Date, source = 'demo'): Promise<number> {
  if (caseIds.length === 0) return 0;
  return withCaseLocks(caseIds, async () => {
    const events = await getEventsOfCases(deps.store, caseIds);
    const appended: CaseEvent[] = [];
    const touched: LoadedCase[] = [];
    for (const id of caseIds) {
      const history = [...(events.get(id) ?? [])];
      const c = loadedCase(id, history);
      let n = 0;
      // only the demo's own cases: a real complaint is never touched by the script
      for (let step = 0; step < 8 && c.view && c.view.source === source; step++) {
        const a = nextDemoAction(demoCaseOf(c.view, history), seed);
        if (!a || Date.parse(a.at) > now.getTime()) break;
        let added: CaseEvent[];
        try {
          added = applyDrafts(c, [draftOf(c.view, a)], now);
        } catch {
          break; // another writer moved the case meanwhile (another process): the script resumes from there next tick
        }
        if (added.length === 0) break;
        history.push(...added);
        appended.push(...added);
        n += added.length;
      }
      if (n > 0) touched.push(c);
    }
    await commitCases(deps, appended, touched, now);
    return appended.length;
  });
}
