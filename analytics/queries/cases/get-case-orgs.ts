// Organisations that hold cases, with open counts: the organisation filter of the queue.
import type { Store } from '../../../shared/storage/store.js';

export async function getCaseOrgs(store: Store, limit = 300): Promise<{ id: string; name: string; open: number }[]> {
  const rows = await store.query<{ org_id: string; name: string; open: string }>(
    `SELECT org_id, any(org_name) AS name, countIf(state NOT IN ('confirmed', 'closed')) AS open
     FROM cases FINAL WHERE org_id != '' GROUP BY org_id ORDER BY open DESC, name LIMIT {limit:UInt32}`,
    { limit },
  );
  return rows.map((r) => ({ id: r.org_id, name: r.name, open: Number(r.open) }));
}
