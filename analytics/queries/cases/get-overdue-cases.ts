// Cases whose clock ran out and was not announced yet. First response: nobody
// took or answered the case by its due time. Resolution: not resolved by its due
// time (a case waiting for the resident's confirmation is not overdue).
import type { Store } from '../../../shared/storage/store.js';
import type { DeadlineClock } from '../../cases/messages.js';
import { CASE_SUMMARY_COLUMNS, fromDbTime, rowToSummary, type CaseSummary } from './case-rows.js';

export interface OverdueCase {
  clock: DeadlineClock;
  due: string;
  case: CaseSummary;
}

export async function getOverdueCases(store: Store, q: { now: Date; limit?: number; orgId?: string }): Promise<OverdueCase[]> {
  const rows = await store.query<Record<string, unknown> & { clock: string; due: string }>(
    `SELECT ${CASE_SUMMARY_COLUMNS}, clock, due FROM
     (
       SELECT *, 'first_response' AS clock, first_response_due AS due FROM cases FINAL
       WHERE state IN ('new', 'routed', 'accepted', 'reopened', 'resolved') AND first_response_at IS NULL
         AND first_response_overdue = 0 AND first_response_due < {now:DateTime64(3)}
         AND ({orgId:String} = '' OR org_id = {orgId:String})
       UNION ALL
       SELECT *, 'resolution' AS clock, resolution_due AS due FROM cases FINAL
       WHERE state IN ('new', 'routed', 'accepted', 'reopened')
         AND resolution_overdue = 0 AND resolution_due < {now:DateTime64(3)}
         AND ({orgId:String} = '' OR org_id = {orgId:String})
     )
     ORDER BY due
     LIMIT {limit:UInt32}`,
    { now: q.now, limit: q.limit ?? 1000, orgId: q.orgId ?? '' },
  );
  return rows.map((r) => ({ clock: r.clock as DeadlineClock, due: fromDbTime(r.due), case: rowToSummary(r) }));
}
