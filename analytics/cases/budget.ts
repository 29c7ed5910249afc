// The monthly interruption budget of a house: how many hours a utility was
// off in a calendar month against what the rules allow (24 h of heating, 8 h of
// water per month). Interruptions are the open periods of the house's cases of
// that category; overlapping cases count once (two residents reporting the same
// outage do not double it). Pure.

export interface Interval {
  start: Date;
  /** null: still going on */
  end: Date | null;
}

export interface BudgetStatus {
  /** YYYY-MM, local */
  month: string;
  usedMinutes: number;
  budgetMinutes: number;
  remainingMinutes: number;
  exceeded: boolean;
  /** longest single interruption in the month, minutes (clipped to the month) */
  longestMinutes: number;
  /** an interruption longer than the single-interruption norm */
  singleExceeded: boolean;
}

const MIN_MS = 60_000;

/** Local month bounds [from, to) as instants, for a fixed UTC offset. */
export function monthBounds(month: string, utcOffsetMinutes: number): { from: number; to: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new Error(`invalid month "${month}" (expected YYYY-MM)`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const shift = utcOffsetMinutes * MIN_MS;
  return { from: Date.UTC(y, mo, 1) - shift, to: Date.UTC(y, mo + 1, 1) - shift };
}

export function monthOf(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * MIN_MS).toISOString().slice(0, 7);
}

/** Merge overlapping intervals (clipped to [from, to)) into disjoint ones. */
export function mergeIntervals(intervals: readonly Interval[], from: number, to: number, now: Date): [number, number][] {
  const clipped = intervals
    .map((i): [number, number] => [Math.max(i.start.getTime(), from), Math.min((i.end ?? now).getTime(), to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of clipped) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function monthlyBudget(
  intervals: readonly Interval[],
  opts: { month: string; utcOffsetMinutes: number; budgetMinutes: number; singleMaxMinutes?: number; now: Date },
): BudgetStatus {
  const { from, to } = monthBounds(opts.month, opts.utcOffsetMinutes);
  const merged = mergeIntervals(intervals, from, to, opts.now);
  let used = 0;
  let longest = 0;
  for (const [a, b] of merged) {
    const len = (b - a) / MIN_MS;
    used += len;
    longest = Math.max(longest, len);
  }
  return {
    month: opts.month,
    usedMinutes: used,
    budgetMinutes: opts.budgetMinutes,
    remainingMinutes: Math.max(0, opts.budgetMinutes - used),
    exceeded: used > opts.budgetMinutes,
    longestMinutes: longest,
    singleExceeded: opts.singleMaxMinutes !== undefined && longest > opts.singleMaxMinutes,
  };
}
