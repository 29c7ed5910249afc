// The case card for the page and the API: the case, its timeline, mentions,
// the house and its recent cases, and the house's monthly interruption budgets.
import type { AppContext } from '../../../../shared/app/context.js';
import { getCase, type CaseCard } from '../../../../analytics/queries/cases/get-case.js';
import { getHouseBudgets } from '../../../../analytics/queries/cases/get-house-interruptions.js';
import { monthOf, type BudgetStatus } from '../../../../analytics/cases/budget.js';
import { ruleFor, formatDurationRu } from '../../../../analytics/cases/deadlines.js';
import { casesDeps } from './deps.js';

export interface CaseCardData extends CaseCard {
  house: { id: string; address: string; year: number | null; floors: number | null; apartments: number | null; orgName: string | null } | null;
  budgets: (BudgetStatus & { group: string; nameRu: string })[];
  norms: { firstResponse: string; resolution: string; basis: string };
  now: string;
}

export async function loadCaseCard(ctx: AppContext, id: string): Promise<CaseCardData | null> {
  const card = await getCase(ctx.store, id);
  if (!card) return null;
  const deps = await casesDeps(ctx);
  const now = new Date();
  const h = card.view.houseId ? ctx.registry?.house(card.view.houseId) : undefined;
  const offset = deps.config.calendar.config.utcOffsetMinutes;
  const budgets = card.view.houseId
    ? await getHouseBudgets(ctx.store, { houseId: card.view.houseId, month: monthOf(now, offset), now, utcOffsetMinutes: offset, table: deps.config.deadlines })
    : [];
  const rule = ruleFor(deps.config.deadlines, card.view.category);
  return {
    ...card,
    house: h ? { id: h.id, address: h.address, year: h.year, floors: h.floors, apartments: h.apartments, orgName: h.orgId ? (ctx.registry.org(h.orgId)?.name ?? null) : null } : null,
    budgets,
    norms: { firstResponse: formatDurationRu(rule.firstResponse), resolution: formatDurationRu(rule.resolution), basis: rule.basis },
    now: now.toISOString(),
  };
}
