// The case queue: the first snapshot for the filters in the URL; the page then
// refreshes itself on live case events.
import type { ServerLoad } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getCaseQueue, type QueueStateFilter } from '$analytics/queries/cases/get-case-queue.js';
import { getCaseOrgs } from '$analytics/queries/cases/get-case-orgs.js';
import { LABELS } from '$shared/types/taxonomy.js';

const STATES = new Set(['open', 'unroutable', 'overdue', 'all', 'new', 'routed', 'accepted', 'resolved', 'confirmed', 'closed', 'reopened']);

export const load: ServerLoad = async ({ url, depends }) => {
  depends('app:cases');
  const { store, registry } = getApp();
  const p = url.searchParams;
  const stateParam = p.get('state') ?? 'open';
  const filter = {
    org: p.get('org') ?? '',
    category: p.get('category') ?? '',
    district: p.get('district') ?? '',
    state: (STATES.has(stateParam) ? stateParam : 'open') as QueueStateFilter,
  };
  const now = new Date();
  const [queue, orgs] = await Promise.all([
    getCaseQueue(store, { orgId: filter.org, category: filter.category, district: filter.district, state: filter.state, now, limit: 300 }),
    getCaseOrgs(store),
  ]);
  return {
    filter,
    queue,
    orgs,
    categories: Object.entries(LABELS).map(([id, l]) => ({ id, name: l.nameRu })),
    districts: (registry?.districts ?? []).map((d) => d.name).sort((a, b) => a.localeCompare(b, 'ru')),
    now: now.toISOString(),
  };
};
