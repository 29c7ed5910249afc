// Turning drafts into appended events on a case: the one rule every writer
// follows (single cases from the workspace, batches from the intake, the
// scanner and the demo operator). Pure.
import { randomUUID } from 'node:crypto';
import { decide, foldCase, type CaseEvent, type CaseEventType, type CaseView } from './lifecycle.js';

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

/** A case as loaded for writing: its view, the ids already stored, the last sequence number. */
export interface LoadedCase {
  id: string;
  view: CaseView | null;
  known: Set<string>;
  lastSeq: number;
  /** the organisation the stored projection row is filed under ('' for a new case) */
  storedOrgId: string;
  /** events are stored for it already (a re-route must tombstone the old row) */
  existed: boolean;
}

export function loadedCase(id: string, events: readonly CaseEvent[]): LoadedCase {
  const view = foldCase(events).view;
  return {
    id,
    view,
    known: new Set(events.map((e) => e.id)),
    lastSeq: events.reduce((m, e) => Math.max(m, e.seq), 0),
    storedOrgId: view?.orgId ?? '',
    existed: events.length > 0,
  };
}

/**
 * Apply drafts to a loaded case in place: drafts whose id is stored already are
 * skipped (redelivery); an illegal one throws CaseTransitionError and leaves the
 * case unchanged. Returns the events appended.
 */
export function applyDrafts(c: LoadedCase, drafts: readonly EventDraft[], now: Date): CaseEvent[] {
  let view = c.view;
  let seq = c.lastSeq;
  const appended: CaseEvent[] = [];
  for (const d of drafts) {
    if (d.id && c.known.has(d.id)) continue;
    const e: CaseEvent = {
      id: d.id ?? `${c.id}:${d.type}:${randomUUID()}`,
      caseId: c.id,
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
  c.view = view;
  c.lastSeq = seq;
  for (const e of appended) c.known.add(e.id);
  return appended;
}
