// GET /api/map/house/:id?mode=|layers=&hours= — a house, its recent mentions and cases.
import { error, json, type RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getAreaMentions } from '$analytics/queries/hotspots/get-area-mentions.js';
import { getAreaCases } from '$analytics/queries/hotspots/get-area-cases.js';
import { layersFrom, rangeFrom } from '../../map-query.js';

export const GET: RequestHandler = async ({ params, url }) => {
  const { store, registry } = getApp();
  const house = registry.house(params.id ?? '');
  if (!house) error(404, 'Дом не найден в реестре');
  const { fromMs, toMs } = rangeFrom(url, 24);
  const layers = url.searchParams.get('all') ? undefined : layersFrom(url);
  const [mentions, cases] = await Promise.all([
    getAreaMentions(store, { houseIds: [house.id], layers, fromMs, toMs, limit: 100 }),
    getAreaCases(store, { houseIds: [house.id], fromMs: toMs - 30 * 24 * 3_600_000 }),
  ]);
  return json({ house: { id: house.id, address: house.address, district: house.district }, mentions, cases }, { headers: { 'cache-control': 'no-store' } });
};
