// Every event of one case, in order. FINAL collapses a redelivered event; the
// read is one primary-key range, so it stays cheap on any history size.
import type { Store } from '../../../shared/storage/store.js';
import { compareEvents, type CaseEvent } from '../../cases/lifecycle.js';
import { rowToEvent, type CaseEventRow } from './case-rows.js';

export async function getCaseEvents(store: Store, caseId: string): Promise<CaseEvent[]> {
  const rows = await store.query<CaseEventRow>(
    `SELECT case_id, id, seq, at, recorded_at, type, actor, comment, org_id, payload
     FROM case_events FINAL WHERE case_id = {caseId:String}`,
    { caseId },
  );
  return rows.map(rowToEvent).sort(compareEvents);
}
