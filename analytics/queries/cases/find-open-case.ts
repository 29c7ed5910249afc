// Open cases a new complaint could join: same house and category, or the same
// outage area. The matching itself is the pure findCaseToJoin.
import type { Store } from '../../../shared/storage/store.js';
import type { OpenCaseRef } from '../../cases/matching.js';
import { fromDbTime } from './case-rows.js';

export async function findOpenCases(store: Store, q: { houseId: string | null; category: string; areaKey: string | null }): Promise<OpenCaseRef[]> {
  if (!q.houseId && !q.areaKey) return [];
  const rows = await store.query<{ id: string; house_id: string; category: string; area_key: string; opened_at: string }>(
    `SELECT id, house_id, category, area_key, opened_at FROM cases FINAL
     WHERE state NOT IN ('confirmed', 'closed')
       AND ((house_id = {houseId:String} AND house_id != '' AND category = {category:String}) OR (area_key = {areaKey:String} AND area_key != ''))`,
    { houseId: q.houseId ?? '', category: q.category, areaKey: q.areaKey ?? '' },
  );
  return rows.map((r) => ({ id: r.id, houseId: r.house_id, category: r.category, areaKey: r.area_key, openedAt: fromDbTime(r.opened_at) }));
}
