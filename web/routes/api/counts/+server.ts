// GET /api/counts?windowMs=3600000&bucketMs=60000
// Mentions per category over the last window, in buckets (the feed's hour counters).
import { json, error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getCategoryCounts, totalsByCategory } from '$analytics/queries/get-category-counts.js';

const DAY_MS = 86_400_000;

const Query = z.object({
  windowMs: z.coerce.number().int().min(60_000).max(31 * DAY_MS).default(3_600_000),
  bucketMs: z.coerce.number().int().min(1_000).max(DAY_MS).optional(),
});

export const GET: RequestHandler = async ({ url }) => {
  const parsed = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) error(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { windowMs, bucketMs } = parsed.data;
  const buckets = await getCategoryCounts(getApp().store, { sinceMs: Date.now() - windowMs, bucketMs });
  return json({ windowMs, buckets, totals: totalsByCategory(buckets) }, { headers: { 'cache-control': 'no-store' } });
};
