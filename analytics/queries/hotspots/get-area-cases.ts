// Cases of a house or of an alert's houses (the map's click-through). Returns []
// when the cases tables are not there (a deployment without the cases role).
import type { Store } from '../../../shared/storage/store.js';

export interface AreaCase {
  id: string;
  state: string;
  category: string;
  houseId: string;
  title: string;
  orgName: string;
  openedAt: string;
}

export async function getAreaCases(store: Store, q: { houseIds: string[]; fromMs: number; limit?: number }): Promise<AreaCase[]> {
  if (!q.houseIds.length) return [];
  try {
    const rows = await store.query<{ id: string; state: string; category: string; house_id: string; title: string; org_name: string; opened_ms: string }>(
      `SELECT id, state, category, house_id, title, org_name, toUnixTimestamp64Milli(opened_at) AS opened_ms
       FROM cases FINAL
       WHERE house_id IN {houses:Array(String)} AND opened_at >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
       ORDER BY opened_at DESC
       LIMIT {limit:UInt32}`,
      { houses: q.houseIds, fromMs: Math.floor(q.fromMs), limit: Math.min(200, q.limit ?? 50) },
    );
    return rows.map((r) => ({ id: r.id, state: r.state, category: r.category, houseId: r.house_id, title: r.title, orgName: r.org_name, openedAt: new Date(Number(r.opened_ms)).toISOString() }));
  } catch (e) {
    if (/UNKNOWN_TABLE|doesn't exist|does not exist/i.test((e as Error).message)) return [];
    throw e;
  }
}
