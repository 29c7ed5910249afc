// A house's interruptions of a utility in a month (its cases of that kind,
// opened → resolved or still open), measured against the monthly budget by the
// pure monthlyBudget().
import type { Store } from '../../../shared/storage/store.js';
import { monthBounds, monthlyBudget, type BudgetStatus } from '../../cases/budget.js';
import { specMinutes, type DeadlineTable } from '../../cases/deadlines.js';
import { fromDbTime } from './case-rows.js';

/** Budget groups: one utility may be reported under several categories. */
export const BUDGET_GROUPS: Record<string, { categories: string[]; nameRu: string }> = {
  heating: { categories: ['heating'], nameRu: 'Отопление' },
  hot_water: { categories: ['hot_water'], nameRu: 'Горячая вода' },
  cold_water: { categories: ['cold_water', 'water_supply'], nameRu: 'Холодная вода' },
  sewerage: { categories: ['sewerage'], nameRu: 'Водоотведение' },
  gas: { categories: ['gas'], nameRu: 'Газ' },
};

export async function getHouseBudgets(
  store: Store,
  q: { houseId: string; month: string; now: Date; utcOffsetMinutes: number; table: DeadlineTable },
): Promise<(BudgetStatus & { group: string; nameRu: string })[]> {
  const { from, to } = monthBounds(q.month, q.utcOffsetMinutes);
  const rows = await store.query<{ category: string; opened_at: string; end_at: string | null }>(
    `SELECT category, opened_at, coalesce(resolved_at, closed_at) AS end_at FROM cases FINAL
     WHERE house_id = {houseId:String} AND outcome != 'dismissed'
       AND opened_at < {to:DateTime64(3)} AND (coalesce(resolved_at, closed_at) IS NULL OR coalesce(resolved_at, closed_at) >= {from:DateTime64(3)})`,
    { houseId: q.houseId, from: new Date(from), to: new Date(to) },
  );
  const out: (BudgetStatus & { group: string; nameRu: string })[] = [];
  for (const [group, g] of Object.entries(BUDGET_GROUPS)) {
    const rule = q.table.categories[g.categories[0]];
    if (!rule?.monthlyBudget) continue;
    const intervals = rows
      .filter((r) => g.categories.includes(r.category))
      .map((r) => ({ start: new Date(fromDbTime(r.opened_at)), end: r.end_at ? new Date(fromDbTime(r.end_at)) : null }));
    out.push({
      group,
      nameRu: g.nameRu,
      ...monthlyBudget(intervals, {
        month: q.month, utcOffsetMinutes: q.utcOffsetMinutes, now: q.now, budgetMinutes: specMinutes(rule.monthlyBudget),
        singleMaxMinutes: rule.singleMax ? specMinutes(rule.singleMax) : undefined,
      }),
    });
  }
  return out;
}
