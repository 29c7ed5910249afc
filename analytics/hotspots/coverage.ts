// Which stretches of time the detector has actually seen. A rate is a count over
// the time observed, and that time is not simply "first mention to now": on a
// first start the demo backfills yesterday at processing speed while today's
// live stream already runs, so for a while the hours in between hold nothing —
// not because nobody complained, but because they have not arrived yet.
//
// In-order mentions extend the newest interval (a quiet live stream still counts
// as observed, unless it stops for longer than `maxGapMs`); an old mention extends
// the interval it falls next to (a chronological backfill grows its own interval
// from its start) or opens a new one.

const HOUR_MS = 3_600_000;
const MAX_INTERVALS = 64;

export class Coverage {
  /** disjoint [from, to] intervals, ascending */
  private spans: [number, number][] = [];

  constructor(
    /** an old mention within this distance of an interval extends it */
    private readonly slackMs = 30 * 60_000,
    /** a live stream silent for longer than this is not counted as observed */
    private readonly maxGapMs = 2 * HOUR_MS,
  ) {}

  get intervals(): readonly (readonly [number, number])[] {
    return this.spans;
  }

  /** One mention at `ts`. */
  see(ts: number): void {
    const s = this.spans;
    const last = s[s.length - 1];
    if (last && ts >= last[1]) {
      if (ts - last[1] <= this.maxGapMs) last[1] = ts;
      else s.push([ts, ts]);
      return;
    }
    for (const iv of s) {
      if (ts >= iv[0] && ts <= iv[1]) return;
      if (ts >= iv[0] - this.slackMs && ts <= iv[1] + this.slackMs) {
        if (ts < iv[0]) iv[0] = ts;
        else iv[1] = ts;
        this.normalise();
        return;
      }
    }
    s.push([ts, ts]);
    this.normalise();
  }

  /** A span known to be observed as a whole (history read from the store). */
  cover(from: number, to: number): void {
    if (!(to >= from)) return;
    this.spans.push([from, to]);
    this.normalise();
  }

  /** Observed hours within [from, to). */
  within(from: number, to: number): number {
    let ms = 0;
    for (const [a, b] of this.spans) {
      const lo = Math.max(a, from);
      const hi = Math.min(b, to);
      if (hi > lo) ms += hi - lo;
    }
    return ms / HOUR_MS;
  }

  /** Forget everything before `minTs`. */
  prune(minTs: number): void {
    this.spans = this.spans.filter((iv) => iv[1] >= minTs);
    if (this.spans[0] && this.spans[0][0] < minTs) this.spans[0][0] = minTs;
  }

  private normalise(): void {
    const s = this.spans.sort((a, b) => a[0] - b[0]);
    const out: [number, number][] = [];
    for (const iv of s) {
      const prev = out[out.length - 1];
      if (prev && iv[0] <= prev[1]) prev[1] = Math.max(prev[1], iv[1]);
      else out.push(iv);
    }
    // Many tiny islands (scattered redeliveries) carry no exposure worth keeping.
    while (out.length > MAX_INTERVALS) {
      let k = 0;
      for (let i = 1; i < out.length - 1; i++) if (out[i][1] - out[i][0] < out[k][1] - out[k][0]) k = i;
      out.splice(k, 1);
    }
    this.spans = out;
  }
}
