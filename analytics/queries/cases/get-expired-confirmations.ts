// Resolved cases the resident has not confirmed or rejected within the
// confirmation timeout: they close as «не подтверждено».
import type { Store } from '../../../shared/storage/store.js';
import { fromDbTime } from './case-rows.js';

export async function getExpiredConfirmations(store: Store, q: { resolvedBefore: Date; limit?: number }): Promise<{ id: string; resolvedAt: string }[]> {
  const rows = await store.query<{ id: string; resolved_at: string }>(
    `SELECT id, resolved_at FROM cases FINAL
     WHERE state = 'resolved' AND resolved_at < {before:DateTime64(3)}
     ORDER BY resolved_at LIMIT {limit:UInt32}`,
    { before: q.resolvedBefore, limit: q.limit ?? 1000 },
  );
  return rows.map((r) => ({ id: r.id, resolvedAt: fromDbTime(r.resolved_at) }));
}
