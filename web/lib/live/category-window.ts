// Counts per category over a sliding window (the last hour), kept in fixed buckets
// so old mentions fall out as time passes without asking the server again.
import type { CategoryBucket } from '../../../shared/types/live-events.js';

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export class CategoryWindow {
  /** bucket start (epoch ms) → category → count */
  private buckets = new Map<number, Map<string, number>>();

  constructor(
    readonly windowMs = HOUR_MS,
    readonly bucketMs = MINUTE_MS,
  ) {}

  /** Replace everything with the server's buckets (snapshot or catch-up). */
  reset(rows: readonly CategoryBucket[]): void {
    this.buckets.clear();
    for (const r of rows) this.bump(this.bucketOf(r.bucketStartMs), r.category, r.count);
  }

  /** Count one mention written at tsMs; ignored when it is already outside the window. */
  add(category: string, tsMs: number, nowMs = Date.now()): boolean {
    if (!Number.isFinite(tsMs) || tsMs < this.windowStart(nowMs)) return false;
    this.bump(this.bucketOf(tsMs), category, 1);
    return true;
  }

  /** Totals per category inside the window ending at nowMs; drops expired buckets. */
  totals(nowMs = Date.now()): Record<string, number> {
    const start = this.windowStart(nowMs);
    const out: Record<string, number> = {};
    for (const [b, cats] of this.buckets) {
      if (b + this.bucketMs <= start) {
        this.buckets.delete(b);
        continue;
      }
      for (const [c, n] of cats) out[c] = (out[c] ?? 0) + n;
    }
    return out;
  }

  private windowStart(nowMs: number): number {
    return nowMs - this.windowMs;
  }

  private bucketOf(ms: number): number {
    return Math.floor(ms / this.bucketMs) * this.bucketMs;
  }

  private bump(bucket: number, category: string, n: number) {
    let cats = this.buckets.get(bucket);
    if (!cats) this.buckets.set(bucket, (cats = new Map()));
    cats.set(category, (cats.get(category) ?? 0) + n);
  }
}
