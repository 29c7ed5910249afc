// Events of one case, or of many at once (batch writers). FINAL collapses a
// redelivered event; the read is primary-key ranges, so it stays cheap on any
// history size.
import type { Store } from '../../../shared/storage/store.js';
import { compareEvents, type CaseEvent } from '../../cases/lifecycle.js';
import { rowToEvent, type CaseEventRow } from './case-rows.js';

const COLUMNS = 'case_id, id, seq, at, recorded_at, type, actor, comment, org_id, payload';

export async function getCaseEvents(store: Store, caseId: string): Promise<CaseEvent[]> {
  const rows = await store.query<CaseEventRow>(`SELECT ${COLUMNS} FROM case_events FINAL WHERE case_id = {caseId:String}`, { caseId });
  return rows.map(rowToEvent).sort(compareEvents);
}

/** case id → its events in order; cases with no events are absent. */
export async function getEventsOfCases(store: Store, caseIds: readonly string[]): Promise<Map<string, CaseEvent[]>> {
  const out = new Map<string, CaseEvent[]>();
  if (caseIds.length === 0) return out;
  const rows =
    caseIds.length === 1
      ? await store.query<CaseEventRow>(`SELECT ${COLUMNS} FROM case_events FINAL WHERE case_id = {caseId:String}`, { caseId: caseIds[0] })
      : await store.query<CaseEventRow>(`SELECT ${COLUMNS} FROM case_events FINAL WHERE case_id IN {ids:Array(String)}`, { ids: [...caseIds] });
  for (const r of rows) {
    const e = rowToEvent(r);
    let list = out.get(e.caseId);
    if (!list) out.set(e.caseId, (list = []));
    list.push(e);
  }
  for (const list of out.values()) list.sort(compareEvents);
  return out;
}
