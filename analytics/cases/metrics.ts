// Case metrics, defined once in plain code: the SQL in
// analytics/queries/cases/get-case-metrics.ts must agree with this on real rows
// (tests/cases/metrics.integration.test.ts). Dismissed cases («не жалоба») are
// not complaints and count nowhere.
//   time to first response  = first_response_at − opened_at (answered cases)
//   time to resolution      = resolved_at − opened_at (cases resolved now)
//   resolved within deadline = resolved by resolution_due, over cases resolved or past due
//   reopen rate             = cases reopened at least once, over all cases
//   confirmed share         = closed as confirmed (or confirmed), over confirmed + «не подтверждено»
//   «не подтверждено» share = the rest of that denominator, reported separately

export interface MetricCase {
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  resolutionDue: string;
  state: string;
  outcome: string;
  reopenCount: number;
}

export interface CaseMetrics {
  cases: number;
  firstResponseMedianS: number | null;
  firstResponseP90S: number | null;
  resolutionMedianS: number | null;
  resolutionP90S: number | null;
  resolvedInTime: number;
  deadlineBase: number;
  resolvedInTimeShare: number | null;
  reopened: number;
  reopenRate: number | null;
  confirmed: number;
  unconfirmed: number;
  confirmedShare: number | null;
  unconfirmedShare: number | null;
}

/** The element at floor(q·n) of the sorted values: ClickHouse's quantileExact. */
export function quantileExact(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

// whole-second boundaries crossed, as ClickHouse's dateDiff('second', …) counts
const secs = (from: string, to: string) => Math.floor(Date.parse(to) / 1000) - Math.floor(Date.parse(from) / 1000);
const share = (a: number, b: number) => (b > 0 ? a / b : null);

export function caseMetrics(all: readonly MetricCase[], now: Date): CaseMetrics {
  const cs = all.filter((c) => c.outcome !== 'dismissed');
  const fr = cs.filter((c) => c.firstResponseAt).map((c) => secs(c.openedAt, c.firstResponseAt!));
  const res = cs.filter((c) => c.resolvedAt).map((c) => secs(c.openedAt, c.resolvedAt!));
  const deadlineBase = cs.filter((c) => c.resolvedAt || Date.parse(c.resolutionDue) < now.getTime()).length;
  const resolvedInTime = cs.filter((c) => c.resolvedAt && Date.parse(c.resolvedAt) <= Date.parse(c.resolutionDue)).length;
  const reopened = cs.filter((c) => c.reopenCount > 0).length;
  const confirmed = cs.filter((c) => c.outcome === 'confirmed' || c.state === 'confirmed').length;
  const unconfirmed = cs.filter((c) => c.outcome === 'unconfirmed').length;
  return {
    cases: cs.length,
    firstResponseMedianS: quantileExact(fr, 0.5),
    firstResponseP90S: quantileExact(fr, 0.9),
    resolutionMedianS: quantileExact(res, 0.5),
    resolutionP90S: quantileExact(res, 0.9),
    resolvedInTime,
    deadlineBase,
    resolvedInTimeShare: share(resolvedInTime, deadlineBase),
    reopened,
    reopenRate: share(reopened, cs.length),
    confirmed,
    unconfirmed,
    confirmedShare: share(confirmed, confirmed + unconfirmed),
    unconfirmedShare: share(unconfirmed, confirmed + unconfirmed),
  };
}
