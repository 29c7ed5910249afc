// GET /api/map/counts?mode=|layers=&until=&hours= — complaints per house and per
// heat cell for the chosen layers in a time range (the time slider asks this too).
import { json, type RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getHouseCounts } from '$analytics/queries/hotspots/get-house-counts.js';
import { getHeatGrid } from '$analytics/queries/hotspots/get-heat-grid.js';
import { loadHotspotsConfig } from '$analytics/hotspots/config.js';
import type { MapCounts } from '$lib/components/map/map-types.js';
import { layersFrom, rangeFrom } from '../map-query.js';

export const GET: RequestHandler = async ({ url }) => {
  const layers = layersFrom(url);
  const { fromMs, toMs } = rangeFrom(url);
  const { cellDeg } = loadHotspotsConfig().detector;
  const { store } = getApp();
  const [houses, heat] = await Promise.all([
    getHouseCounts(store, { layers, fromMs, toMs }),
    getHeatGrid(store, { layers, fromMs, toMs, cellLat: cellDeg.lat, cellLon: cellDeg.lon }),
  ]);
  const body: MapCounts = {
    fromMs,
    toMs,
    layers,
    houses: houses.map((h) => [h.houseId, h.count]),
    heat: heat.map((c) => [round5(c.lat), round5(c.lon), c.count]),
    cell: cellDeg,
  };
  return json(body, { headers: { 'cache-control': 'no-store' } });
};

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
