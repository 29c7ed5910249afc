// The latest mentions, oldest first, replayed through the detector at start-up so
// the sliding windows and open alerts are rebuilt as they were before a restart.
import type { Store } from '../../../shared/storage/store.js';
import type { DetectorMention } from '../../hotspots/types.js';

export async function getReplayMentions(store: Store, q: { fromMs: number; toMs: number; limit?: number }): Promise<DetectorMention[]> {
  const rows = await store.query<{
    id: string; ts_ms: string | number; category: string; relevant: number; house_id: string;
    lat: number | null; lon: number | null; district: string; street: string; author_hash: string;
  }>(
    `SELECT id, toUnixTimestamp64Milli(ts) AS ts_ms, category, relevant, house_id, lat, lon, district, street, author_hash
     FROM mentions FINAL
     WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC') AND relevant = 1
     ORDER BY ts, id
     LIMIT {limit:UInt32}`,
    { fromMs: Math.floor(q.fromMs), toMs: Math.floor(q.toMs), limit: q.limit ?? 500_000 },
  );
  return rows.map((r) => ({
    id: r.id,
    ts: Number(r.ts_ms),
    category: r.category,
    relevant: Number(r.relevant) === 1,
    houseId: r.house_id || null,
    lat: r.lat === null ? null : Number(r.lat),
    lon: r.lon === null ? null : Number(r.lon),
    district: r.district || null,
    street: r.street,
    authorHash: r.author_hash,
  }));
}
