// GET /api/cases/metrics?by=org|district|category|day|week|month|total&from=&to=&org=&category=&district=
import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/context.js';
import { getCaseMetrics } from '$analytics/queries/cases/get-case-metrics.js';

const DAY = 86_400_000;
const Query = z.object({
  by: z.enum(['org', 'district', 'category', 'day', 'week', 'month', 'total']).default('total'),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  org: z.string().max(100).default(''),
  category: z.string().max(64).default(''),
  district: z.string().max(200).default(''),
});

export const GET: RequestHandler = async ({ url }) => {
  const q = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!q.success) error(400, q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const now = new Date();
  const to = q.data.to ? new Date(q.data.to) : new Date(now.getTime() + 60_000);
  const from = q.data.from ? new Date(q.data.from) : new Date(to.getTime() - 30 * DAY);
  const rows = await getCaseMetrics(getApp().store, { by: q.data.by, from, to, now, orgId: q.data.org, category: q.data.category, district: q.data.district });
  return json({ from: from.toISOString(), to: to.toISOString(), rows }, { headers: { 'cache-control': 'no-store' } });
};
