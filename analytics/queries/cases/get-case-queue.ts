// The operator's queue: cases filtered by organisation (the scope of УК staff),
// category, district and state; overdue first, then the nearest due time; with
// counts for the filter bar. Two reads of `cases FINAL`.
import type { Store } from '../../../shared/storage/store.js';
import { CASE_SUMMARY_COLUMNS, fromDbTime, rowToSummary, type CaseSummary } from './case-rows.js';

/** 'open' = not confirmed or closed; 'unroutable' = «не распределено»; 'overdue'; a state name; 'all' */
export type QueueStateFilter = 'open' | 'unroutable' | 'overdue' | 'all' | 'new' | 'routed' | 'accepted' | 'resolved' | 'confirmed' | 'closed' | 'reopened';

export interface QueueFilter {
  orgId?: string;
  category?: string;
  district?: string;
  state?: QueueStateFilter;
  limit?: number;
  now: Date;
}

export interface QueueItem extends CaseSummary {
  overdue: boolean;
  /** the clock that runs out next: first response until answered, then resolution */
  nextDue: string;
}

export interface QueueCounts {
  open: number;
  overdue: number;
  unroutable: number;
  awaitingConfirmation: number;
  byState: Record<string, number>;
}

const OVERDUE_EXPR = `(state IN ('new', 'routed', 'accepted', 'reopened', 'resolved') AND first_response_at IS NULL AND first_response_due < {now:DateTime64(3)})
  OR (state IN ('new', 'routed', 'accepted', 'reopened') AND resolution_due < {now:DateTime64(3)})`;

const NEXT_DUE = `if(first_response_at IS NULL, first_response_due, resolution_due)`;
const CLOSED_LAST = `if(state IN ('confirmed', 'closed'), 1, 0)`;

const SCOPE = `({orgId:String} = '' OR org_id = {orgId:String})
  AND ({category:String} = '' OR category = {category:String})
  AND ({district:String} = '' OR district = {district:String})`;

const STATE_WHERE: Record<string, string> = {
  open: `state NOT IN ('confirmed', 'closed')`,
  unroutable: `unroutable = 1 AND state NOT IN ('confirmed', 'closed')`,
  overdue: `(${OVERDUE_EXPR})`,
  all: '1',
};

export async function getCaseQueue(store: Store, f: QueueFilter): Promise<{ items: QueueItem[]; counts: QueueCounts }> {
  const state = f.state ?? 'open';
  const stateWhere = STATE_WHERE[state] ?? `state = {state:String}`;
  const params = { orgId: f.orgId ?? '', category: f.category ?? '', district: f.district ?? '', state, now: f.now, limit: f.limit ?? 200 };
  const [rows, countRows] = await Promise.all([
    // Two steps: order and cut on a few narrow columns, then read the wide ones
    // for the page only (a sort over every column of every row was the cost).
    store.query<Record<string, unknown> & { overdue: number; next_due: string }>(
      `SELECT ${CASE_SUMMARY_COLUMNS}, (${OVERDUE_EXPR}) AS overdue, ${NEXT_DUE} AS next_due
       FROM cases FINAL
       WHERE ${SCOPE} AND (org_id, id) IN (
         SELECT org_id, id FROM cases FINAL
         WHERE ${SCOPE} AND ${stateWhere}
         ORDER BY (${OVERDUE_EXPR}) DESC, ${CLOSED_LAST}, ${NEXT_DUE} ASC, id
         LIMIT {limit:UInt32})
       ORDER BY overdue DESC, ${CLOSED_LAST}, next_due ASC, id`,
      params,
    ),
    store.query<{ state: string; n: string; overdue: string; unroutable: string }>(
      `SELECT state, count() AS n, countIf(${OVERDUE_EXPR}) AS overdue, countIf(unroutable = 1) AS unroutable
       FROM cases FINAL WHERE ${SCOPE} GROUP BY state`,
      params,
    ),
  ]);
  const byState: Record<string, number> = {};
  let open = 0;
  let overdue = 0;
  let unroutable = 0;
  for (const r of countRows) {
    byState[r.state] = Number(r.n);
    if (r.state !== 'confirmed' && r.state !== 'closed') {
      open += Number(r.n);
      unroutable += Number(r.unroutable);
    }
    overdue += Number(r.overdue);
  }
  return {
    items: rows.map((r) => ({ ...rowToSummary(r), overdue: Number(r.overdue) === 1, nextDue: fromDbTime(r.next_due) })),
    counts: { open, overdue, unroutable, awaitingConfirmation: byState.resolved ?? 0, byState },
  };
}
