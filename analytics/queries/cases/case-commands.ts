// The write side of cases: load a case's events, decide new ones with the pure
// state machine, append them and the new projection row, announce them on the
// bus. Every writer (the cases worker, the workspace API, Open311) goes through
// appendToCase, so the rules hold whoever acts.
import { randomUUID } from 'node:crypto';
import type { Store } from '../../../shared/storage/store.js';
import type { Bus } from '../../../shared/bus/bus.js';
import { SUBJECTS } from '../../../shared/types/subjects.js';
import { decide, foldCase, type CaseEvent, type CaseEventType, type CaseView } from '../../cases/lifecycle.js';
import type { CaseEventMessage } from '../../cases/messages.js';
import { eventToRow, summaryFromView, tombstoneRow, viewToRow } from './case-rows.js';
import { getCaseEvents } from './get-case-events.js';

export interface CaseDeps {
  store: Store;
  bus?: Pick<Bus, 'publish'>;
  now?: () => Date;
}

export interface EventDraft {
  type: CaseEventType;
  actor: string;
  comment?: string;
  orgId?: string;
  payload?: Record<string, unknown>;
  /** deterministic id for idempotent writers; a random one otherwise */
  id?: string;
  at?: Date | string;
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
 * Append events to a case. `build` sees the current view (null for a new case)
 * and returns the drafts to append; an illegal one throws CaseTransitionError and
 * nothing is written. Drafts whose id is already stored are skipped (redelivery).
 */
export async function appendToCase(deps: CaseDeps, caseId: string, build: (view: CaseView | null) => EventDraft[]): Promise<AppendResult> {
  return withCaseLock(`case:${caseId}`, async () => {
    const now = deps.now?.() ?? new Date();
    const existing = await getCaseEvents(deps.store, caseId);
    let view = foldCase(existing).view;
    const formerOrgId = view?.orgId ?? '';
    const known = new Set(existing.map((e) => e.id));
    const drafts = build(view).filter((d) => !(d.id && known.has(d.id)));
    if (drafts.length === 0) return { view, appended: [] };
    let seq = existing.reduce((m, e) => Math.max(m, e.seq), 0);
    const appended: CaseEvent[] = [];
    for (const d of drafts) {
      const e: CaseEvent = {
        id: d.id ?? `${caseId}:${d.type}:${randomUUID()}`,
        caseId,
        seq: ++seq,
        at: d.at ? new Date(d.at).toISOString() : now.toISOString(),
        type: d.type,
        actor: d.actor,
        comment: d.comment ?? '',
        orgId: d.orgId ?? view?.orgId ?? '',
        payload: d.payload ?? {},
      };
      view = decide(view, e);
      appended.push(e);
    }
    // Events first: if the projection insert fails, a retry re-derives it from them.
    await deps.store.insert('case_events', appended.map((e) => eventToRow(e, now)));
    // one insert, so the moved row and its tombstone become visible together
    const moved = existing.length > 0 && formerOrgId !== view!.orgId;
    await deps.store.insert('cases', moved ? [viewToRow(view!, now), tombstoneRow(view!, formerOrgId, now)] : [viewToRow(view!, now)]);
    if (deps.bus) {
      const summary = summaryFromView(view!);
      for (const e of appended) {
        const msg: CaseEventMessage = { event: e, case: summary };
        // cases.event and cases.overdue share one stream (CASES): prefixes keep their ids apart
        await deps.bus.publish(SUBJECTS.caseEvent, msg, { msgId: `event:${e.id}` });
      }
    }
    return { view, appended };
  });
}

/** Rewrite the projection of a case from its events (after a crash between the two inserts, or a rule change). */
export async function rebuildCase(store: Store, caseId: string, now = new Date()): Promise<CaseView | null> {
  const events = await getCaseEvents(store, caseId);
  const { view } = foldCase(events);
  if (!view) return null;
  // every organisation the case was ever under, except the current one, gets a tombstone
  const former = new Set(['', ...events.filter((e) => e.type === 'routed' || e.type === 'rerouted').map((e) => e.orgId)]);
  former.delete(view.orgId);
  await store.insert('cases', [viewToRow(view, now), ...[...former].map((o) => tombstoneRow(view, o, now))]);
  return view;
}
