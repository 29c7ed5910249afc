// Mentions per category since an instant (by the time the resident wrote them),
// optionally split into fixed time buckets so a client can slide its window.
import type { Store } from '../../shared/storage/store.js';
import type { CategoryBucket } from '../../shared/types/live-events.js';

export interface CategoryCountsQuery {
  /** epoch milliseconds: count mentions written at or after this instant */
  sinceMs: number;
  /** bucket width in ms; without it every row has bucketStartMs = sinceMs (one bucket) */
  bucketMs?: number;
}

interface Row {
  category: string;
  bucket_ms: string | number;
  n: string | number;
}

/** Rows sorted by bucket, then by count descending. Irrelevant mentions are counted as 'irrelevant'. */
export async function getCategoryCounts(store: Store, q: CategoryCountsQuery): Promise<CategoryBucket[]> {
  const sinceMs = Math.floor(q.sinceMs);
  const bucketMs = q.bucketMs && q.bucketMs > 0 ? Math.floor(q.bucketMs) : 0;
  const bucketExpr = bucketMs
    ? 'intDiv(toUnixTimestamp64Milli(ts), {bucketMs:Int64}) * {bucketMs:Int64}'
    : '{sinceMs:Int64}';
  const sql = `
    SELECT category, ${bucketExpr} AS bucket_ms, count() AS n
    FROM mentions FINAL
    WHERE ts >= fromUnixTimestamp64Milli({sinceMs:Int64}, 'UTC')
    GROUP BY category, bucket_ms
    ORDER BY bucket_ms, n DESC, category`;
  const rows = await store.query<Row>(sql, bucketMs ? { sinceMs, bucketMs } : { sinceMs });
  return rows.map((r) => ({ category: r.category, bucketStartMs: Number(r.bucket_ms), count: Number(r.n) }));
}

/** Sum buckets into one count per category. */
export function totalsByCategory(buckets: readonly CategoryBucket[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of buckets) out[b.category] = (out[b.category] ?? 0) + b.count;
  return out;
}
