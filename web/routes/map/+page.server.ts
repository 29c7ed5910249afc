// First snapshot of the live map: the season mode, open alerts and the latest
// mentions of the mode's layers. Geometry and counts are fetched by the browser.
import type { ServerLoad } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { loadHotspotsConfig, modeOf } from '$analytics/hotspots/config.js';
import { getAlerts } from '$analytics/queries/hotspots/get-alerts.js';
import { getRecentMentions } from '$analytics/queries/get-recent-mentions.js';
import { categoriesOf } from '$analytics/queries/hotspots/layer-categories.js';
import type { HotspotAlert } from '$lib/components/map/map-types.js';
import type { FeedItem } from '$shared/types/live-events.js';

export const load: ServerLoad = async ({ url }) => {
  const { store, config, log } = getApp();
  const hs = loadHotspotsConfig();
  const mode = modeOf(hs, url.searchParams.get('mode'));
  const cats = new Set(categoriesOf(mode.layers));
  let alerts: HotspotAlert[] = [];
  let feed: FeedItem[] = [];
  let error: string | null = null;
  try {
    [alerts, feed] = await Promise.all([
      getAlerts(store, { sinceMs: Date.now() - 48 * 3_600_000, layers: mode.layers }),
      getRecentMentions(store, { limit: 300 }).then((items) => items.filter((i) => i.relevant && cats.has(i.category)).slice(0, 50)),
    ]);
  } catch (err) {
    log.error('map snapshot failed', { err });
    error = 'База данных сейчас недоступна: карта покажет только новые события.';
  }
  return { mode, modes: hs.modes, tileUrl: config.TILE_URL ?? null, alerts, feed, error, cellDeg: hs.detector.cellDeg };
};
