// Open cases new complaints could join: same house and category, or the same
// outage area. One read for a whole batch of complaints; the matching itself is
// the pure findCaseToJoin.
import type { Store } from '../../../shared/storage/store.js';
import type { OpenCaseRef } from '../../cases/matching.js';
import { fromDbTime } from './case-rows.js';

export async function findOpenCases(store: Store, q: { houseId: string | null; category: string; areaKey: string | null }): Promise<OpenCaseRef[]> {
  const open = await findOpenCasesOf(store, { houseIds: q.houseId ? [q.houseId] : [], areaKeys: q.areaKey ? [q.areaKey] : [] });
  return open.filter((o) => o.areaKey === q.areaKey || (o.houseId === q.houseId && o.category === q.category));
}

/** Every open case of these houses (any category) or outage areas. */
export async function findOpenCasesOf(store: Store, q: { houseIds: readonly string[]; areaKeys: readonly string[] }): Promise<OpenCaseRef[]> {
  const houseIds = [...new Set(q.houseIds.filter(Boolean))];
  const areaKeys = [...new Set(q.areaKeys.filter(Boolean))];
  if (houseIds.length === 0 && areaKeys.length === 0) return [];
  const rows = await store.query<{ id: string; house_id: string; category: string; area_key: string; opened_at: string }>(
    `SELECT id, house_id, category, area_key, opened_at FROM cases FINAL
     WHERE state NOT IN ('confirmed', 'closed')
       AND ((house_id IN {houseIds:Array(String)} AND house_id != '') OR (area_key IN {areaKeys:Array(String)} AND area_key != ''))`,
    { houseIds, areaKeys },
  );
  return rows.map((r) => ({ id: r.id, houseId: r.house_id, category: r.category, areaKey: r.area_key, openedAt: fromDbTime(r.opened_at) }));
}
