// The write side of cases: load cases' events, decide new ones with the pure
// state machine, append them and the new projection rows, announce them on the
// bus. Every writer (the cases worker, the workspace API, Open311, the scanner,
// the demo operator) goes through commitCases under the case locks, so the rules
// hold whoever acts. One case or hundreds: the same number of queries.
import type { Store } from '../../../shared/storage/store.js';
import type { Bus } from '../../../shared/bus/bus.js';
import { SUBJECTS } from '../../../shared/types/subjects.js';
import type { CaseEvent, CaseView } from '../../cases/lifecycle.js';
import { applyDrafts, loadedCase, type EventDraft, type LoadedCase } from '../../cases/append.js';
import type { CaseEventMessage } from '../../cases/messages.js';
import { eventToRow, summaryFromView, tombstoneRow, viewToRow } from './case-rows.js';
import { getCaseEvents, getEventsOfCases } from './get-case-events.js';

export type { EventDraft } from '../../cases/append.js';

export interface CaseDeps {
  store: Store;
  bus?: Pick<Bus, 'publish'>;
  now?: () => Date;
}

export interface AppendResult {
  view: CaseView | null;
  appended: CaseEvent[];
}

// A per-case queue, shared by every module graph of the process (the SvelteKit
// build is a separate graph from the worker), so two writers in one process never
// fold the same stale list. Several processes may still race; the fold then skips
// the loser's illegal event rather than failing.
const LOCKS_KEY = Symbol.for('domovoy.case-locks');
type Locks = Map<string, Promise<unknown>>;
function locks(): Locks {
  const g = globalThis as { [LOCKS_KEY]?: Locks };
  return (g[LOCKS_KEY] ??= new Map());
}

export async function withCaseLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const m = locks();
  const prev = m.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  m.set(key, tail);
  try {
    return await run;
  } finally {
    if (m.get(key) === tail) m.delete(key);
  }
}

/**
 * Hold the locks of many cases at once. Only batch writers take several, and
 * they are serialised among themselves (by the caller's own lock), so taking them
 * in sorted order cannot deadlock with single-case writers.
 */
export async function withCaseLocks<T>(caseIds: readonly string[], fn: () => Promise<T>): Promise<T> {
  const keys = [...new Set(caseIds)].sort();
  const step = (i: number): Promise<T> => (i === keys.length ? fn() : withCaseLock(`case:${keys[i]}`, () => step(i + 1)));
  return step(0);
}

/** The cases as stored, ready for applyDrafts (call under their locks). */
export async function loadCases(store: Store, caseIds: readonly string[]): Promise<Map<string, LoadedCase>> {
  const events = await getEventsOfCases(store, caseIds);
  return new Map(caseIds.map((id) => [id, loadedCase(id, events.get(id) ?? [])]));
}

/**
 * Store what was applied to loaded cases: every event in one insert, then the
 * projection rows of `cases` (with a tombstone where a case moved to another
 * organisation) in one insert, then the announcements. `rewrite` lists cases
 * whose projection is written even with no new event (it repairs a projection
 * lost between the two inserts of an earlier, failed attempt).
 */
export async function commitCases(deps: CaseDeps, appended: readonly CaseEvent[], cases: Iterable<LoadedCase>, now: Date): Promise<void> {
  const touched = [...cases].filter((c) => c.view);
  if (appended.length > 0) await deps.store.insert('case_events', appended.map((e) => eventToRow(e, now)));
  const rows: Record<string, unknown>[] = [];
  for (const c of touched) {
    const v = c.view!;
    rows.push(viewToRow(v, now));
    if (c.existed && c.storedOrgId !== v.orgId) rows.push(tombstoneRow(v, c.storedOrgId, now));
    c.storedOrgId = v.orgId;
    c.existed = true;
  }
  // one insert, so a moved row and its tombstone become visible together
  if (rows.length > 0) await deps.store.insert('cases', rows);
  if (deps.bus && appended.length > 0) {
    const byId = new Map(touched.map((c) => [c.id, c.view!]));
    const summaries = new Map<string, ReturnType<typeof summaryFromView>>();
    for (const e of appended) {
      const v = byId.get(e.caseId);
      if (!v) continue;
      let s = summaries.get(e.caseId);
      if (!s) summaries.set(e.caseId, (s = summaryFromView(v)));
      const msg: CaseEventMessage = { event: e, case: s };
      // cases.event and cases.overdue share one stream (CASES): prefixes keep their ids apart
      await deps.bus.publish(SUBJECTS.caseEvent, msg, { msgId: `event:${e.id}` });
    }
  }
}

/**
 * Append events to a case. `build` sees the current view (null for a new case)
 * and returns the drafts to append; an illegal one throws CaseTransitionError and
 * nothing is written. Drafts whose id is already stored are skipped (redelivery).
 */
export async function appendToCase(deps: CaseDeps, caseId: string, build: (view: CaseView | null) => EventDraft[]): Promise<AppendResult> {
  return withCaseLock(`case:${caseId}`, async () => {
    const now = deps.now?.() ?? new Date();
    const c = (await loadCases(deps.store, [caseId])).get(caseId)!;
    const appended = applyDrafts(c, build(c.view), now);
    if (appended.length === 0) return { view: c.view, appended: [] };
    // Events first: if the projection insert fails, a retry re-derives it from them.
    await commitCases(deps, appended, [c], now);
    return { view: c.view, appended };
  });
}

/** Rewrite the projection of a case from its events (after a crash between the two inserts, or a rule change). */
export async function rebuildCase(store: Store, caseId: string, now = new Date()): Promise<CaseView | null> {
  const events = await getCaseEvents(store, caseId);
  const c = loadedCase(caseId, events);
  const view = c.view;
  if (!view) return null;
  // every organisation the case was ever under, except the current one, gets a tombstone
  const former = new Set(['', ...events.filter((e) => e.type === 'routed' || e.type === 'rerouted').map((e) => e.orgId)]);
  former.delete(view.orgId);
  await store.insert('cases', [viewToRow(view, now), ...[...former].map((o) => tombstoneRow(view, o, now))]);
  return view;
}
