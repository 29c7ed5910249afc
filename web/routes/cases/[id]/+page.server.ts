// The case card: the case, its timeline, linked mentions and sources, the house
// and its recent history, deadline clocks.
import { error, type ServerLoad } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { loadCaseCard } from '$lib/server/cases/card.js';
import { categoryNameRu } from '$shared/types/taxonomy.js';

export const load: ServerLoad = async ({ params, depends }) => {
  depends('app:case');
  const card = await loadCaseCard(getApp(), params.id ?? '');
  if (!card) error(404, 'Обращение не найдено');
  return { card, categoryName: categoryNameRu(card.view.category) };
};
