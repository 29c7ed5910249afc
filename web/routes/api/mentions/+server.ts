// GET /api/mentions?since=<epoch ms or ISO>&limit=&category=&district=
// Latest mentions, newest first; `since` filters by storage time (the catch-up cursor).
import { json, error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getRecentMentions, MAX_RECENT } from '$analytics/queries/get-recent-mentions.js';

const Query = z.object({
  since: z
    .string()
    .optional()
    .transform((s, c) => {
      if (!s) return undefined;
      const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
      if (!Number.isFinite(ms)) {
        c.addIssue({ code: 'custom', message: 'since must be epoch milliseconds or an ISO-8601 time' });
        return z.NEVER;
      }
      return ms;
    }),
  limit: z.coerce.number().int().min(1).max(MAX_RECENT).default(100),
  category: z.string().max(64).optional(),
  district: z.string().max(200).optional(),
});

export const GET: RequestHandler = async ({ url }) => {
  const parsed = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) error(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const items = await getRecentMentions(getApp().store, parsed.data);
  return json({ items }, { headers: { 'cache-control': 'no-store' } });
};
