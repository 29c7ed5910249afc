// Officials' KPIs: time to first response and to resolution, deadlines met, reopen rate,
// resident confirmation — by organisation, district, category or period.
import type { ServerLoad } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { getCaseMetrics, type MetricsDimension } from '$analytics/queries/cases/get-case-metrics.js';

const DAY = 86_400_000;
const DIMENSIONS: MetricsDimension[] = ['org', 'district', 'category', 'day'];
const PERIODS = [1, 7, 30, 90];

export const load: ServerLoad = async ({ url }) => {
  const byParam = url.searchParams.get('by') as MetricsDimension | null;
  const by = byParam && DIMENSIONS.includes(byParam) ? byParam : 'org';
  const days = PERIODS.includes(Number(url.searchParams.get('days'))) ? Number(url.searchParams.get('days')) : 30;
  const now = new Date();
  const to = new Date(now.getTime() + 60_000);
  const from = new Date(to.getTime() - days * DAY);
  const { store } = getApp();
  const [rows, total] = await Promise.all([
    getCaseMetrics(store, { by, from, to, now }),
    getCaseMetrics(store, { by: 'total', from, to, now }),
  ]);
  return { by, days, rows: rows.sort((a, b) => b.cases - a.cases).slice(0, 300), total: total[0] ?? null, dimensions: DIMENSIONS, periods: PERIODS };
};
