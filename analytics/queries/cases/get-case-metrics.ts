// Case metrics by organisation, district, category or period (definitions in
// analytics/cases/metrics.ts, which this SQL must match). Cases are taken by
// the time they were opened, in [from, to). `orgId` narrows to one
// organisation (the scope of УК staff).
import type { Store } from '../../../shared/storage/store.js';
import type { CaseMetrics } from '../../cases/metrics.js';

export type MetricsDimension = 'org' | 'district' | 'category' | 'day' | 'week' | 'month' | 'total';

export interface MetricsQuery {
  by: MetricsDimension;
  from: Date;
  to: Date;
  now: Date;
  orgId?: string;
  category?: string;
  district?: string;
  /** local time zone for period buckets */
  timezone?: string;
}

export interface MetricsRow extends CaseMetrics {
  key: string;
  /** organisation name when by = 'org' */
  label: string;
}

const KEY: Record<MetricsDimension, string> = {
  org: 'org_id',
  district: 'district',
  category: 'category',
  day: `toString(toDate(opened_at, {tz:String}))`,
  week: `toString(toMonday(opened_at, {tz:String}))`,
  month: `toString(toStartOfMonth(opened_at, {tz:String}))`,
  total: `'total'`,
};

export async function getCaseMetrics(store: Store, q: MetricsQuery): Promise<MetricsRow[]> {
  const key = KEY[q.by];
  if (!key) throw new Error(`unknown metrics dimension "${q.by}"`);
  const rows = await store.query<Record<string, string | number | null>>(
    `SELECT ${key} AS key, ${q.by === 'org' ? 'any(org_name)' : `''`} AS label,
       count() AS cases,
       quantileExact(0.5)(dateDiff('second', opened_at, first_response_at)) AS fr_median,
       quantileExact(0.9)(dateDiff('second', opened_at, first_response_at)) AS fr_p90,
       quantileExact(0.5)(dateDiff('second', opened_at, resolved_at)) AS res_median,
       quantileExact(0.9)(dateDiff('second', opened_at, resolved_at)) AS res_p90,
       countIf(resolved_at IS NOT NULL AND resolved_at <= resolution_due) AS in_time,
       countIf(resolved_at IS NOT NULL OR resolution_due < {now:DateTime64(3)}) AS deadline_base,
       countIf(reopen_count > 0) AS reopened,
       countIf(outcome = 'confirmed' OR state = 'confirmed') AS confirmed,
       countIf(outcome = 'unconfirmed') AS unconfirmed,
       countIf(resolved_at IS NOT NULL) AS resolved_n,
       countIf(first_response_at IS NOT NULL) AS fr_n
     FROM cases FINAL
     WHERE opened_at >= {from:DateTime64(3)} AND opened_at < {to:DateTime64(3)} AND outcome != 'dismissed'
       AND ({orgId:String} = '' OR org_id = {orgId:String})
       AND ({category:String} = '' OR category = {category:String})
       AND ({district:String} = '' OR district = {district:String})
     GROUP BY key ORDER BY key`,
    { from: q.from, to: q.to, now: q.now, orgId: q.orgId ?? '', category: q.category ?? '', district: q.district ?? '', tz: q.timezone ?? 'Europe/Moscow' },
  );
  const n = (v: unknown) => Number(v);
  const share = (a: number, b: number) => (b > 0 ? a / b : null);
  return rows.map((r) => {
    const cases = n(r.cases);
    const confirmed = n(r.confirmed);
    const unconfirmed = n(r.unconfirmed);
    const inTime = n(r.in_time);
    const base = n(r.deadline_base);
    return {
      key: String(r.key),
      label: String(r.label ?? ''),
      cases,
      // an empty group's quantile is NULL on some versions and nan/0 on others: decide by the count
      firstResponseMedianS: n(r.fr_n) > 0 ? n(r.fr_median) : null,
      firstResponseP90S: n(r.fr_n) > 0 ? n(r.fr_p90) : null,
      resolutionMedianS: n(r.resolved_n) > 0 ? n(r.res_median) : null,
      resolutionP90S: n(r.resolved_n) > 0 ? n(r.res_p90) : null,
      resolvedInTime: inTime,
      deadlineBase: base,
      resolvedInTimeShare: share(inTime, base),
      reopened: n(r.reopened),
      reopenRate: share(n(r.reopened), cases),
      confirmed,
      unconfirmed,
      confirmedShare: share(confirmed, confirmed + unconfirmed),
      unconfirmedShare: share(unconfirmed, confirmed + unconfirmed),
    };
  });
}
