// GET /api/map/houses — every registry house with coordinates, as parallel arrays.
// Static for the life of the process, so built once and cached by browsers.
import type { RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import type { HouseGeometry } from '$lib/components/map/map-types.js';

let cached: { body: string; houses: unknown } | undefined;

export const GET: RequestHandler = async () => {
  const { registry } = getApp();
  if (!cached || cached.houses !== registry.houses) {
    const g: HouseGeometry = { ids: [], lat: [], lon: [] };
    for (const h of registry.houses) {
      if (h.lat === null || h.lon === null) continue;
      g.ids.push(h.id);
      g.lat.push(Math.round(h.lat * 1e5) / 1e5);
      g.lon.push(Math.round(h.lon * 1e5) / 1e5);
    }
    cached = { body: JSON.stringify(g), houses: registry.houses };
  }
  return new Response(cached.body, { headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' } });
};

