// The burst test around one mention: for each candidate area (smallest first) and
// window, a cheap count gate against the baseline, then the full test on the
// members not yet in an incident — distinct houses and authors, a Poisson tail,
// and whether the burst is still going on. Pure: the detector gives it the clock,
// its windows and which mentions are already claimed.
import type { MapLayer } from '../../shared/types/taxonomy.js';
import { areaKey, type CellRef } from './areas.js';
import type { Baseline } from './baseline.js';
import { candidates, compact, inDisk, type Candidate } from './candidates.js';
import { logPoissonTail } from './poisson.js';
import { distinct, type Distinct, type Entry, type RecentWindow } from './window.js';
import type { AreaKind, DetectorConfig, Thresholds } from './types.js';

const MIN_MS = 60_000;
const LN10 = Math.log(10);
/** the last minutes of a window that must still stand out for a burst to be current */
const CURRENT_MIN = 30;
const LN_CURRENT_P = Math.log(1e-3);

/** Where the tester reads the detector's state. */
export interface BurstScope {
  now: number;
  layer: MapLayer;
  window(key: string): RecentWindow | undefined;
  /** the mention is already a member of an open incident of the layer */
  claimed(id: string): boolean;
}

export interface FoundBurst {
  candidate: Candidate;
  /** the burst's members, trimmed to the shortest window that makes a burst on its own */
  members: Entry[];
  /** −log10 of the tail probability */
  surprise: number;
}

export class BurstTester {
  /** bursts tested in full (after the cheap count gate): a cost figure for benches */
  fullTests = 0;
  /** Baselines move slowly: one hourly rate per area and layer per minute, scaled to each window. */
  private readonly muCache = new Map<string, { minute: number; perHour: number }>();

  constructor(
    private readonly cfg: DetectorConfig,
    private readonly baseline: Baseline,
  ) {}

  thresholds(layer: MapLayer): Thresholds {
    return { ...this.cfg.defaults, ...this.cfg.perLayer[layer] };
  }

  /** Test the mention's areas, smallest first; the first burst found, or null. */
  find(s: BurstScope, house: string | null, street: string | null, cell: CellRef | null, lat: number | null, lon: number | null): FoundBurst | null {
    const { layer } = s;
    const th = this.thresholds(layer);
    const lnP = Math.log(th.pValue);
    const lnFew = Math.log(th.fewHousesPValue);
    for (const c of candidates(this.cfg, house, street, cell, lat, lon)) {
      const wins = c.ids.map((id) => s.window(areaKey(c.kind, id))).filter((w): w is RecentWindow => !!w);
      // fewest mentions that can make a burst here (see enough(): a few houses, each its own)
      const floor = c.kind === 'house' ? th.minMentions : Math.min(th.minMentions, th.minHouses);
      for (const wMin of this.cfg.windowsMin) {
        const from = s.now - wMin * MIN_MS;
        let n = 0;
        for (const w of wins) n += w.count(from);
        if (n < floor) continue;
        let mu: number;
        if (c.disk) {
          const k = c.disk;
          mu = 0;
          for (let i = 0; i < c.ids.length; i++) mu += k.weights[i] * this.expected(s, { kind: 'cell', ids: [c.ids[i]], trigger: areaKey('cell', c.ids[i]) }, wMin);
          // The disk holds at most what its cells hold: skip counting it when even that is no burst.
          if (n <= mu + 4 * Math.sqrt(mu) || logPoissonTail(n, mu) > lnP) continue;
          n = 0;
          for (const w of wins) for (const e of w.since(from)) if (inDisk(e, k)) n++;
          if (n < floor) continue;
        } else mu = this.expected(s, c, wMin);
        // Far below any burst (a Poisson tail at 4σ is ≫ 1e-5): skip the tail sum.
        if (n <= mu + 4 * Math.sqrt(mu) || logPoissonTail(n, mu) > lnP) continue;
        // Cheap gate passed: count again without mentions already in an open incident,
        // and only those close together (a street or a block can be long).
        this.fullTests++;
        const free: Entry[] = [];
        for (const w of wins) for (const e of w.since(from)) if ((!c.disk || inDisk(e, c.disk)) && !s.claimed(e.id)) free.push(e);
        const members = compact(free, lat, lon, this.cfg.clusterRadiusM);
        const d = distinct(members);
        const lp = logPoissonTail(d.count, mu);
        if (lp > lnP || !this.enough(s, members, d, c.kind, th, wMin, lnFew)) continue;
        // Still going on: the last part of the window must stand out too, or this is the
        // tail of a burst that ended (history that arrived late, or a long window).
        if (!this.current(s.now, members, mu, wMin)) continue;
        return { candidate: c, members: this.trim(s, members, c.kind, th, lnFew), surprise: -lp / LN10 };
      }
    }
    return null;
  }

  /** Forget cached rates (the detector's hourly sweep). */
  clearCache(): void {
    this.muCache.clear();
  }

  /**
   * Enough distinct evidence for a burst: the configured minimum of mentions, houses and
   * authors; or, short of one of them (a house fewer, or one mention per house), every
   * mention from its own resident and the member houses themselves improbable far beyond
   * the area test (`fewHousesPValue`: strict, since the houses are picked after the fact).
   */
  private enough(s: BurstScope, members: Entry[], d: Distinct, kind: AreaKind, th: Thresholds, wMin: number, lnFew: number): boolean {
    const authors = kind === 'house' ? th.houseMinAuthors : th.minAuthors;
    if (d.count < Math.min(th.minMentions, th.minHouses) || d.authors < authors) return false;
    if (kind === 'house') return d.count >= th.minMentions;
    const h = d.houses.size;
    if (d.count >= th.minMentions && h >= th.minHouses) return true;
    const few = (d.count >= th.minMentions && h >= th.minHouses - 1) || (d.count >= th.minHouses && h >= th.minHouses);
    if (!few || h < 2 || d.authors < d.count) return false;
    let inHouses = 0;
    for (const e of members) if (e.houseId) inHouses++;
    const mu = this.baseline.expected(s.layer, 'house', [...d.houses], wMin * MIN_MS, s.now);
    return logPoissonTail(Math.min(d.count, inHouses), mu) <= lnFew;
  }

  /**
   * The members of the shortest window that still makes a burst on its own: a burst found
   * in a long window should not open with the everyday complaints of hours before it.
   */
  private trim(s: BurstScope, members: Entry[], kind: AreaKind, th: Thresholds, lnFew: number): Entry[] {
    for (const w of [...this.cfg.windowsMin].sort((a, b) => a - b)) {
      const from = s.now - w * MIN_MS;
      const recent = members.filter((e) => e.ts >= from);
      if (recent.length === members.length) return members;
      if (this.enough(s, recent, distinct(recent), kind, th, w, lnFew)) return recent;
    }
    return members;
  }

  private current(now: number, members: Entry[], mu: number, wMin: number): boolean {
    const recentMin = Math.min(wMin, CURRENT_MIN);
    if (recentMin === wMin) return true;
    const from = now - recentMin * MIN_MS;
    const recent = distinct(members.filter((e) => e.ts >= from)).count;
    return recent >= 2 && logPoissonTail(recent, (mu * recentMin) / wMin) <= LN_CURRENT_P;
  }

  private expected(s: BurstScope, c: Candidate, wMin: number): number {
    const minute = Math.floor(s.now / MIN_MS);
    const key = `${s.layer}|${c.trigger}`;
    let hit = this.muCache.get(key);
    if (!hit || hit.minute !== minute) {
      hit = { minute, perHour: this.baseline.expected(s.layer, c.kind, c.ids, 3_600_000, s.now) };
      this.muCache.set(key, hit);
    }
    return (hit.perHour * wMin) / 60;
  }
}
