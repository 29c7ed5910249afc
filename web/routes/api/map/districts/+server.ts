// GET /api/map/districts — district polygons of the registry (the offline base map).
import type { RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';

let cached: { body: string; src: unknown } | undefined;

export const GET: RequestHandler = async () => {
  const { registry } = getApp();
  if (!cached || cached.src !== registry.districts) {
    cached = { body: JSON.stringify(registry.districts.map((d) => ({ name: d.name, geometry: d.geometry }))), src: registry.districts };
  }
  return new Response(cached.body, { headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' } });
};
