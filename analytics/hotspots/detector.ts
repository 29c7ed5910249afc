// The hotspot detector: sliding-window counts per layer × area against a
// baseline, the burst test (burst-test.ts) on each new mention, and incidents
// with a lifecycle. Pure: time comes from the mentions and from tick(now); the
// caller stores and publishes the events it returns.
import { LABELS, type LabelInfo, type MapLayer } from '../../shared/types/taxonomy.js';
import { areaKey, areasOf, cellId } from './areas.js';
import { Baseline, type AreaPrior } from './baseline.js';
import { Incident, startOfRun } from './incident.js';
import { RecentWindow, type Entry } from './window.js';
import { BurstTester, type FoundBurst } from './burst-test.js';
import { adoptStored } from './adopt.js';
import type { AlertAck, AlertEvent, AlertEventKind, DetectorConfig, DetectorMention, HotspotAlert, Thresholds } from './types.js';

const MIN_MS = 60_000;
const NEIGHBOURHOOD = 4;
/** a gap this long between members separates a burst from the complaints before it */
const RUN_GAP_MIN = 15;

export class HotspotDetector {
  readonly baseline: Baseline;
  private readonly windows = new Map<string, RecentWindow>();
  private readonly open = new Map<string, Incident>();
  private readonly layerSet: Set<MapLayer>;
  private readonly maxWindowMs: number;
  private readonly tester: BurstTester;
  private now = -Infinity;
  private lastSweep = -Infinity;

  constructor(
    readonly cfg: DetectorConfig,
    prior: AreaPrior,
  ) {
    this.baseline = new Baseline(cfg, prior);
    this.tester = new BurstTester(cfg, this.baseline);
    this.layerSet = new Set(cfg.layers);
    this.maxWindowMs = Math.max(...cfg.windowsMin) * MIN_MS;
  }

  /** bursts tested in full (after the cheap count gate): a cost figure for benches */
  get fullTests(): number {
    return this.tester.fullTests;
  }

  thresholds(layer: MapLayer): Thresholds {
    return this.tester.thresholds(layer);
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
      const found = this.tester.find(this.scope(layer), a.house, a.street, a.cell, m.lat, m.lon);
      if (found) events.push(this.openIncident(layer, found));
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

  private scope(layer: MapLayer) {
    return { now: this.now, layer, window: (key: string) => this.windows.get(`${layer}|${key}`), claimed: (id: string) => this.claimed(layer, id) };
  }

  private claimed(layer: MapLayer, id: string): boolean {
    for (const inc of this.open.values()) if (inc.layer === layer && inc.memberIds.has(id)) return true;
    return false;
  }

  private openIncident(layer: MapLayer, { candidate: c, members, surprise }: FoundBurst): AlertEvent {
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
    this.tester.clearCache();
    this.baseline.prune(this.now);
  }

  /**
   * After a restart the replayed window rebuilds incidents, but delivery order (and so
   * grouping) may differ from the first time: take over the stored identity of each
   * open alert that shares a house with a rebuilt incident, and close stored alerts
   * that nothing rebuilt. Returns the events that reconcile the store with the detector.
   */
  adopt(stored: readonly HotspotAlert[]): AlertEvent[] {
    return adoptStored({ now: this.now, open: this.open, emit: (inc, kind) => this.emit(inc, kind) }, stored);
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
