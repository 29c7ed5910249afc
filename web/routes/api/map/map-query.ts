// Parsing of the map's query string, shared by the map endpoints.
import { error } from '@sveltejs/kit';
import { MAP_LAYERS, type MapLayer } from '$shared/types/taxonomy.js';
import { loadHotspotsConfig, modeOf } from '$analytics/hotspots/config.js';

const HOUR_MS = 3_600_000;

/** `layers=heating,outages` or `mode=heating`; default: the mode's layers. */
export function layersFrom(url: URL): MapLayer[] {
  const raw = url.searchParams.get('layers');
  if (raw) {
    const ls = raw.split(',').filter((l): l is MapLayer => (MAP_LAYERS as readonly string[]).includes(l));
    if (!ls.length) error(400, `layers: unknown layer (allowed: ${MAP_LAYERS.join(', ')})`);
    return ls;
  }
  return modeOf(loadHotspotsConfig(), url.searchParams.get('mode')).layers;
}

/** `until` (epoch ms, default now) and `hours` back (0.25..168, default 3). */
export function rangeFrom(url: URL, defHours = 3): { fromMs: number; toMs: number } {
  const until = url.searchParams.get('until');
  const toMs = until ? Number(until) : Date.now();
  const hours = Number(url.searchParams.get('hours') ?? defHours);
  if (!Number.isFinite(toMs) || !Number.isFinite(hours) || hours < 0.25 || hours > 168) error(400, 'until: epoch ms; hours: 0.25..168');
  return { fromMs: toMs - hours * HOUR_MS, toMs };
}
