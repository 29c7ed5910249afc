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
  const params = { now: q.now, limit: q.limit ?? 1000, orgId: q.orgId ?? '' };
  // Narrow columns first (which clocks ran out), then the wide summary of those cases only.
  const due = await store.query<{ org_id: string; id: string; clock: string; due: string }>(
    `SELECT org_id, id, clock, due FROM
     (
       SELECT org_id, id, 'first_response' AS clock, first_response_due AS due FROM cases FINAL
       WHERE state IN ('new', 'routed', 'accepted', 'reopened', 'resolved') AND first_response_at IS NULL
         AND first_response_overdue = 0 AND first_response_due < {now:DateTime64(3)}
         AND ({orgId:String} = '' OR org_id = {orgId:String})
       UNION ALL
       SELECT org_id, id, 'resolution' AS clock, resolution_due AS due FROM cases FINAL
       WHERE state IN ('new', 'routed', 'accepted', 'reopened')
         AND resolution_overdue = 0 AND resolution_due < {now:DateTime64(3)}
         AND ({orgId:String} = '' OR org_id = {orgId:String})
     )
     ORDER BY due, id, clock
     LIMIT {limit:UInt32}`,
    params,
  );
  if (due.length === 0) return [];
  const orgs = [...new Set(due.map((d) => d.org_id))];
  const ids = [...new Set(due.map((d) => d.id))];
  const rows = await store.query(
    `SELECT ${CASE_SUMMARY_COLUMNS} FROM cases FINAL WHERE org_id IN {orgs:Array(String)} AND id IN {ids:Array(String)}`,
    { orgs, ids },
  );
  const byId = new Map(rows.map((r) => [String(r.id), rowToSummary(r)]));
  return due.flatMap((d) => {
    const c = byId.get(d.id);
    return c ? [{ clock: d.clock as DeadlineClock, due: fromDbTime(d.due), case: c }] : [];
  });
}
