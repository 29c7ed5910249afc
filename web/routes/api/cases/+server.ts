// GET /api/cases?org=&category=&district=&state=&limit= — the queue (overdue first) with counts.
// `org` is the scope of УК staff: with roles, it will be forced to the employee's organisation.
import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/context.js';
import { getCaseQueue } from '$analytics/queries/cases/get-case-queue.js';

const QueueQuery = z.object({
  org: z.string().max(100).default(''),
  category: z.string().max(64).default(''),
  district: z.string().max(200).default(''),
  state: z
    .enum(['open', 'unroutable', 'overdue', 'all', 'new', 'routed', 'accepted', 'resolved', 'confirmed', 'closed', 'reopened'])
    .default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const GET: RequestHandler = async ({ url }) => {
  const q = QueueQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!q.success) error(400, q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const r = await getCaseQueue(getApp().store, { orgId: q.data.org, category: q.data.category, district: q.data.district, state: q.data.state, limit: q.data.limit, now: new Date() });
  return json(r, { headers: { 'cache-control': 'no-store' } });
};
