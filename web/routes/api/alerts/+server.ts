// GET /api/alerts?mode=|layers=&closed=1&hours= — current hotspot alerts, newest first.
import { json, type RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getAlerts } from '$analytics/queries/hotspots/get-alerts.js';
import { layersFrom } from '../map/map-query.js';

export const GET: RequestHandler = async ({ url }) => {
  const hours = Math.min(24 * 30, Math.max(1, Number(url.searchParams.get('hours') ?? 48) || 48));
  const alerts = await getAlerts(getApp().store, {
    sinceMs: Date.now() - hours * 3_600_000,
    layers: layersFrom(url),
    includeClosed: url.searchParams.get('closed') === '1',
  });
  return json({ alerts }, { headers: { 'cache-control': 'no-store' } });
};
