// The hotspot detector: sliding-window counts per layer × area against a
// baseline, a Poisson tail test with minimum distinct houses/authors, and
// incidents with a lifecycle. Pure: time comes from the mentions and from
// tick(now); the caller stores and publishes the events it returns.
import { LABELS, type LabelInfo, type MapLayer } from '../../shared/types/taxonomy.js';
import { areaKey, areasOf, cellId, type CellRef } from './areas.js';
import { Baseline, type AreaPrior } from './baseline.js';
import { Incident, startOfRun } from './incident.js';
import { logPoissonTail } from './poisson.js';
import { distinct, RecentWindow, type Entry } from './window.js';
import { candidates, compact, inDisk, type Candidate } from './candidates.js';
import type { AlertAck, AlertEvent, AlertEventKind, AreaKind, DetectorConfig, DetectorMention, HotspotAlert, Thresholds } from './types.js';

const MIN_MS = 60_000;
const LN10 = Math.log(10);
const NEIGHBOURHOOD = 4;
/** the last minutes of a window that must still stand out for a burst to be current */
const CURRENT_MIN = 30;
const LN_CURRENT_P = Math.log(1e-3);
/** a gap this long between members separates a burst from the complaints before it */
const RUN_GAP_MIN = 15;


export class HotspotDetector {
  readonly baseline: Baseline;
  private readonly windows = new Map<string, RecentWindow>();
  private readonly open = new Map<string, Incident>();
  private readonly layerSet: Set<MapLayer>;
  private readonly maxWindowMs: number;
  private now = -Infinity;
  private lastSweep = -Infinity;
  /** bursts tested in full (after the cheap count gate): a cost figure for benches */
  fullTests = 0;

  constructor(
    readonly cfg: DetectorConfig,
    prior: AreaPrior,
  ) {
    this.baseline = new Baseline(cfg, prior);
    this.layerSet = new Set(cfg.layers);
    this.maxWindowMs = Math.max(...cfg.windowsMin) * MIN_MS;
  }

  thresholds(layer: MapLayer): Thresholds {
    return { ...this.cfg.defaults, ...this.cfg.perLayer[layer] };
  }

  layersOf(category: string): MapLayer[] {
    const info = (LABELS as Record<string, LabelInfo>)[category];
    return info ? info.layers.filter((l) => this.layerSet.has(l)) : [];
  }

  openAlerts(): Incident[] {
    return [...this.open.values()];
  }

  /** Feed one processed mention; returns the alert events it caused. */
  add(m: DetectorMention): AlertEvent[] {
    if (!Number.isFinite(m.ts)) return [];
    this.baseline.observe(m.ts);
    if (!m.relevant) return [];
    this.baseline.countAll(m.ts);
    const layers = this.layersOf(m.category);
    if (!layers.length) return [];
    if (m.ts > this.now) this.now = m.ts;
    // History arriving now (a backfill, a redelivery) teaches the baselines and fills the
    // windows, but a burst it shows is over by now: it neither opens nor grows an alert.
    const late = m.ts < this.now - this.cfg.lateMin * MIN_MS;
    const a = areasOf(m, this.cfg.cellDeg);
    const entry: Entry = { ts: m.ts, id: m.id, houseId: a.house, author: m.authorHash, lat: m.lat, lon: m.lon, district: a.district, street: a.street };
    const cell = a.cell ? cellId(a.cell.iy, a.cell.ix) : null;
    const keys: string[] = [];
    if (a.house) keys.push(areaKey('house', a.house));
    if (a.street) keys.push(areaKey('street', a.street));
    if (cell) keys.push(areaKey('cell', cell));
    const minTs = this.now - this.maxWindowMs;
    const events: AlertEvent[] = [];
    const ready = !late && this.baseline.observedHours(this.now) >= this.cfg.prior.minObservedHours;
    for (const layer of layers) {
      this.baseline.add(layer, keys, m.ts);
      if (m.ts < minTs) continue;
      for (const k of keys) {
        const w = this.window(layer, k);
        w.push(entry);
        w.prune(minTs);
      }
      if (late) continue;
      const joined = this.findIncident(layer, a.house, m.lat, m.lon);
      if (joined) {
        const newHouse = !!a.house && !joined.houses.has(a.house);
        joined.add(entry, a.district, a.street, cell);
        const ev = this.afterGrowth(joined, newHouse);
        if (ev) events.push(ev);
        continue;
      }
      if (!ready) continue;
      const opened = this.test(layer, a.house, a.street, a.cell, m.lat, m.lon);
      if (opened) events.push(opened);
    }
    return events;
  }

  private window(layer: MapLayer, key: string): RecentWindow {
    const k = `${layer}|${key}`;
    let w = this.windows.get(k);
    if (!w) this.windows.set(k, (w = new RecentWindow()));
    return w;
  }

  /**
   * An open incident of the layer this mention belongs to: same house, or a house nearby
   * within the incident's reach — but only while the incident still stands out from its
   * background. Otherwise everyday complaints around it would keep it alive forever.
   */
  private findIncident(layer: MapLayer, house: string | null, lat: number | null, lon: number | null): Incident | null {
    for (const inc of this.open.values()) {
      if (inc.layer !== layer || inc.state === 'closed') continue;
      const near = (house && inc.houses.has(house)) || (lat !== null && lon !== null && inc.reaches(lat, lon, this.cfg.joinM, this.cfg.maxRadiusM));
      if (near && this.stillBursting(inc)) return inc;
    }
    return null;
  }

  private stillBursting(inc: Incident): boolean {
    const w = this.cfg.lifecycle.trendMin * MIN_MS;
    const recent = inc.countBetween(this.now - w, this.now);
    // The reach around the houses holds several times their own houses: count it as NEIGHBOURHOOD× their baseline.
    const minute = Math.floor(this.now / MIN_MS);
    if (inc.bg.minute !== minute || inc.bg.houses !== inc.houses.size) {
      inc.bg = { minute, houses: inc.houses.size, expected: this.baseline.expected(inc.layer, 'house', [...inc.houses.keys()], w, this.now) * NEIGHBOURHOOD };
    }
    const expected = inc.bg.expected;
    return recent >= Math.max(2, 3 * expected);
  }

  /** Test the mention's areas, smallest first; open an incident on the first burst. */
  private test(layer: MapLayer, house: string | null, street: string | null, cell: CellRef | null, lat: number | null, lon: number | null): AlertEvent | null {
    const th = this.thresholds(layer);
    const lnP = Math.log(th.pValue);
    for (const c of candidates(this.cfg, house, street, cell, lat, lon)) {
      const wins = c.ids.map((id) => this.windows.get(`${layer}|${areaKey(c.kind, id)}`)).filter((w): w is RecentWindow => !!w);
      for (const wMin of this.cfg.windowsMin) {
        const from = this.now - wMin * MIN_MS;
        let n = 0;
        for (const w of wins) n += w.count(from);
        if (n < th.minMentions) continue;
        let mu: number;
        if (c.disk) {
          const k = c.disk;
          mu = 0;
          for (let i = 0; i < c.ids.length; i++) mu += k.weights[i] * this.expectedCached(layer, { kind: 'cell', ids: [c.ids[i]], trigger: areaKey('cell', c.ids[i]) }, wMin);
          // The disk holds at most what its cells hold: skip counting it when even that is no burst.
          if (n <= mu + 4 * Math.sqrt(mu) || logPoissonTail(n, mu) > lnP) continue;
          n = 0;
          for (const w of wins) for (const e of w.since(from)) if (inDisk(e, k)) n++;
          if (n < th.minMentions) continue;
        } else mu = this.expectedCached(layer, c, wMin);
        // Far below any burst (a Poisson tail at 4σ is ≫ 1e-5): skip the tail sum.
        if (n <= mu + 4 * Math.sqrt(mu) || logPoissonTail(n, mu) > lnP) continue;
        // Cheap gate passed: count again without mentions already in an open incident,
        // and only those close together (a street or a block can be long).
        this.fullTests++;
        const free: Entry[] = [];
        for (const w of wins) for (const e of w.since(from)) if ((!c.disk || inDisk(e, c.disk)) && !this.claimed(layer, e.id)) free.push(e);
        const members = compact(free, lat, lon, this.cfg.clusterRadiusM);
        const d = distinct(members);
        if (d.count < th.minMentions || d.authors < (c.kind === 'house' ? th.houseMinAuthors : th.minAuthors)) continue;
        if (c.kind !== 'house' && d.houses.size < th.minHouses) continue;
        const lp = logPoissonTail(d.count, mu);
        if (lp > lnP) continue;
        // Still going on: the last part of the window must stand out too, or this is the
        // tail of a burst that ended (history that arrived late, or a long window).
        if (!this.current(members, mu, wMin)) continue;
        return this.openIncident(layer, c, this.trim(members, c.kind, th), -lp / LN10);
      }
    }
    return null;
  }

  /**
   * The members of the shortest window that still makes a burst on its own: a burst found
   * in a long window should not open with the everyday complaints of hours before it.
   */
  private trim(members: Entry[], kind: AreaKind, th: Thresholds): Entry[] {
    for (const w of [...this.cfg.windowsMin].sort((a, b) => a - b)) {
      const from = this.now - w * MIN_MS;
      const recent = members.filter((e) => e.ts >= from);
      if (recent.length === members.length) return members;
      const d = distinct(recent);
      if (d.count >= th.minMentions && d.authors >= (kind === 'house' ? th.houseMinAuthors : th.minAuthors) && (kind === 'house' || d.houses.size >= th.minHouses)) return recent;
    }
    return members;
  }

  private current(members: Entry[], mu: number, wMin: number): boolean {
    const recentMin = Math.min(wMin, CURRENT_MIN);
    if (recentMin === wMin) return true;
    const from = this.now - recentMin * MIN_MS;
    const recent = distinct(members.filter((e) => e.ts >= from)).count;
    return recent >= 2 && logPoissonTail(recent, (mu * recentMin) / wMin) <= LN_CURRENT_P;
  }

  /** Baselines move slowly: one hourly rate per area and layer per minute, scaled to each window. */
  private readonly muCache = new Map<string, { minute: number; perHour: number }>();
  private expectedCached(layer: MapLayer, c: Candidate, wMin: number): number {
    const minute = Math.floor(this.now / MIN_MS);
    const key = `${layer}|${c.trigger}`;
    let hit = this.muCache.get(key);
    if (!hit || hit.minute !== minute) {
      hit = { minute, perHour: this.baseline.expected(layer, c.kind, c.ids, 3_600_000, this.now) };
      this.muCache.set(key, hit);
    }
    return (hit.perHour * wMin) / 60;
  }

  private claimed(layer: MapLayer, id: string): boolean {
    for (const inc of this.open.values()) if (inc.layer === layer && inc.memberIds.has(id)) return true;
    return false;
  }

  private openIncident(layer: MapLayer, c: Candidate, members: Entry[], surprise: number): AlertEvent {
    // Deterministic id: replaying the same mentions after a restart reproduces the same alert.
    const id = `hs-${layer}-${Math.floor(this.now / MIN_MS).toString(36)}-${hashKey(c.trigger)}`;
    const inc = new Incident(id, layer, c.trigger, this.now);
    inc.surprise = surprise;
    for (const e of members) inc.add(e, e.district, e.street, this.cellOfEntry(e));
    inc.startMs = startOfRun(members.map((e) => e.ts), RUN_GAP_MIN * MIN_MS);
    inc.anchorHere();
    this.open.set(id, inc);
    return this.emit(inc, 'opened');
  }

  private cellOfEntry(e: Entry): string | null {
    if (e.lat === null || e.lon === null) return null;
    return cellId(Math.floor(e.lat / this.cfg.cellDeg.lat), Math.floor(e.lon / this.cfg.cellDeg.lon));
  }

  private afterGrowth(inc: Incident, newHouse: boolean): AlertEvent | null {
    const next = inc.nextState(this.now, this.cfg);
    if (next !== inc.state && inc.state !== 'opened') {
      inc.state = next;
      return this.emit(inc, next);
    }
    if (inc.state === 'opened' && next === 'growing' && newHouse) {
      inc.state = 'growing';
      return this.emit(inc, 'growing');
    }
    if (newHouse || this.now - inc.lastEmitMs >= this.cfg.lifecycle.updateEverySec * 1000) return this.emit(inc, 'updated');
    return null;
  }

  private emit(inc: Incident, kind: AlertEventKind): AlertEvent {
    inc.seq++;
    inc.lastEmitMs = this.now;
    inc.emittedHouses = inc.houses.size;
    inc.emittedMentions = inc.mentionCount;
    const alert = inc.snapshot(kind, this.now, this.cfg);
    return { eventId: `${inc.id}:${inc.seq}`, alertId: inc.id, kind, at: alert.updatedAt, alert };
  }

  /** Advance the clock: lifecycle moves of open incidents, pruning of old windows. */
  tick(nowMs: number): AlertEvent[] {
    if (nowMs > this.now) this.now = nowMs;
    const events: AlertEvent[] = [];
    for (const inc of this.open.values()) {
      const next = inc.nextState(this.now, this.cfg);
      if (next === inc.state || (inc.state === 'opened' && next === 'growing' && inc.houses.size <= inc.emittedHouses)) continue;
      inc.state = next;
      events.push(this.emit(inc, next));
      if (next === 'closed') this.open.delete(inc.id);
    }
    if (this.now - this.lastSweep > 60 * MIN_MS) this.sweep();
    return events;
  }

  private sweep(): void {
    this.lastSweep = this.now;
    const minTs = this.now - this.maxWindowMs;
    for (const [k, w] of this.windows) {
      w.prune(minTs);
      if (w.size === 0) this.windows.delete(k);
    }
    this.muCache.clear();
    this.baseline.prune(this.now);
  }

  /**
   * After a restart the replayed window rebuilds incidents, but delivery order (and so
   * grouping) may differ from the first time: take over the stored identity of each
   * open alert that shares a house with a rebuilt incident, and close stored alerts
   * that nothing rebuilt. Returns the events that reconcile the store with the detector.
   */
  adopt(stored: readonly HotspotAlert[]): AlertEvent[] {
    const events: AlertEvent[] = [];
    const taken = new Set<string>();
    for (const inc of [...this.open.values()]) {
      const match = stored.find((a) => !taken.has(a.id) && a.state !== 'closed' && a.layer === inc.layer && a.houses.some((h) => inc.houses.has(h.id)));
      if (!match) {
        events.push(this.emit(inc, 'opened'));
        continue;
      }
      taken.add(match.id);
      this.open.delete(inc.id);
      inc.id = match.id;
      inc.openedMs = Date.parse(match.openedAt);
      inc.seq = match.seq;
      inc.ack = match.ack;
      inc.state = match.state;
      inc.surprise = Math.max(inc.surprise, match.surprise);
      this.open.set(inc.id, inc);
      if (inc.houses.size !== match.houseCount || inc.mentionCount !== match.mentionCount) events.push(this.emit(inc, 'updated'));
      else {
        inc.emittedHouses = inc.houses.size;
        inc.lastEmitMs = this.now;
      }
    }
    for (const a of stored) {
      if (taken.has(a.id) || a.state === 'closed') continue;
      const closed: HotspotAlert = { ...a, seq: a.seq + 1, kind: 'closed', state: 'closed', updatedAt: new Date(Math.max(this.now, Date.parse(a.updatedAt))).toISOString() };
      events.push({ eventId: `${a.id}:${closed.seq}`, alertId: a.id, kind: 'closed', at: closed.updatedAt, alert: closed });
    }
    return events;
  }

  /** Operator acknowledgement of an open alert; null when the alert is not open here. */
  acknowledge(alertId: string, ack: AlertAck): AlertEvent | null {
    const inc = this.open.get(alertId);
    if (!inc) return null;
    inc.ack = ack;
    const alert = inc.snapshot('acknowledged', this.now, this.cfg);
    return { eventId: `${alertId}:ack:${Date.parse(ack.at)}`, alertId, kind: 'acknowledged', at: ack.at, alert };
  }

  /** Take over an acknowledgement made elsewhere (the web process) without emitting. */
  applyAck(alertId: string, ack: AlertAck): void {
    const inc = this.open.get(alertId);
    if (inc) inc.ack = ack;
  }
}

function hashKey(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
