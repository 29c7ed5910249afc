// GET /api/alerts/:id/mentions — the mentions and cases inside an alert: its houses,
// its layer, from an hour before it opened to its last mention.
import { error, json, type RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getAlert } from '$analytics/queries/hotspots/get-alerts.js';
import { getAreaMentions } from '$analytics/queries/hotspots/get-area-mentions.js';
import { getAreaCases } from '$analytics/queries/hotspots/get-area-cases.js';

export const GET: RequestHandler = async ({ params }) => {
  const { store } = getApp();
  const alert = await getAlert(store, params.id ?? '');
  if (!alert) error(404, 'Тревога не найдена');
  const houseIds = alert.houses.map((h) => h.id);
  const fromMs = Date.parse(alert.firstMentionAt) - 3_600_000;
  const toMs = Date.parse(alert.lastMentionAt) + 60_000;
  const [mentions, cases] = await Promise.all([
    getAreaMentions(store, { houseIds, layers: [alert.layer], fromMs, toMs, limit: 200 }),
    getAreaCases(store, { houseIds, fromMs }),
  ]);
  return json({ alert, mentions, cases }, { headers: { 'cache-control': 'no-store' } });
};
