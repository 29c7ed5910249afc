// First snapshot of the live feed: the latest mentions and the last hour's counts.
import type { ServerLoad } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getRecentMentions } from '$analytics/queries/get-recent-mentions.js';
import { getCategoryCounts } from '$analytics/queries/get-category-counts.js';
import { HOUR_MS, MINUTE_MS } from '$lib/live/category-window.js';
import type { FeedSnapshot } from '$lib/live/feed.svelte.js';

export const load: ServerLoad = async () => {
  const { store, log } = getApp();
  const now = Date.now();
  try {
    const [items, buckets] = await Promise.all([
      getRecentMentions(store, { limit: 100 }),
      getCategoryCounts(store, { sinceMs: now - HOUR_MS, bucketMs: MINUTE_MS }),
    ]);
    return { snapshot: { items, buckets, windowMs: HOUR_MS, bucketMs: MINUTE_MS, error: null } satisfies FeedSnapshot };
  } catch (err) {
    log.error('feed snapshot failed', { err });
    const snapshot: FeedSnapshot = {
      items: [],
      buckets: [],
      windowMs: HOUR_MS,
      bucketMs: MINUTE_MS,
      error: 'База данных сейчас недоступна: показываем только новые сообщения.',
    };
    return { snapshot };
  }
};
