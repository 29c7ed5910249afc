// GET /api/cases/:id — the case card: case, timeline, mentions, house history, monthly budgets.
import { error, json, type RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { loadCaseCard } from '$lib/server/cases/card.js';

export const GET: RequestHandler = async ({ params }) => {
  const card = await loadCaseCard(getApp(), params.id ?? '');
  if (!card) error(404, 'Обращение не найдено');
  return json(card, { headers: { 'cache-control': 'no-store' } });
};
