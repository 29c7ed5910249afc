// One incident: neighbouring houses bursting together in one layer. Holds its
// members and decides its lifecycle state; the detector turns changes into events.
import { LAYER_NAMES_RU, type MapLayer } from '../../shared/types/taxonomy.js';
import { bufferedHull } from './hull.js';
import type { Entry } from './window.js';
import type { AlertAck, AlertEventKind, AlertState, DetectorConfig, HotspotAlert, Trend } from './types.js';

const MIN_MS = 60_000;
const MAX_IDS = 200;

interface HouseAgg {
  lat: number | null;
  lon: number | null;
  count: number;
}

export class Incident {
  state: AlertState = 'opened';
  seq = 0;
  ack: AlertAck | null = null;
  surprise = 0;
  readonly houses = new Map<string, HouseAgg>();
  readonly cells = new Set<string>();
  readonly districts = new Set<string>();
  readonly streets = new Set<string>();
  readonly memberIds = new Set<string>();
  private readonly authors = new Set<string>();
  /** ts of every member, ascending (late arrivals inserted in place) */
  private readonly times: number[] = [];
  private readonly ids: string[] = [];
  /** centroid of the houses the incident opened with: the anchor of its reach */
  anchor: [number, number] | null = null;
  /** the detector's per-minute cache of the background expected around the houses */
  bg = { minute: -1, houses: -1, expected: 0 };
  firstMs = Infinity;
  /** when the burst itself began (the title's «с 06:40»): set at opening, see startOfRun */
  startMs = Infinity;
  lastMs = -Infinity;
  lastEmitMs = -Infinity;
  /** house count at the last emitted event: a new house always emits */
  emittedHouses = 0;
  emittedMentions = 0;

  constructor(
    public id: string,
    readonly layer: MapLayer,
    readonly trigger: string,
    public openedMs: number,
  ) {}

  get mentionCount(): number {
    return this.times.length;
  }

  /** Fix the anchor once the opening members are in. */
  anchorHere(): void {
    let n = 0;
    let lat = 0;
    let lon = 0;
    for (const h of this.houses.values())
      if (h.lat !== null && h.lon !== null) {
        lat += h.lat;
        lon += h.lon;
        n++;
      }
    this.anchor = n ? [lat / n, lon / n] : null;
  }

  /** Within `joinM` of a member house and within `maxRadiusM` of the anchor. */
  reaches(lat: number, lon: number, joinM: number, maxRadiusM: number): boolean {
    if (!this.anchor || approxM(lat, lon, this.anchor[0], this.anchor[1]) > maxRadiusM) return false;
    for (const h of this.houses.values()) if (h.lat !== null && h.lon !== null && approxM(lat, lon, h.lat, h.lon) <= joinM) return true;
    return false;
  }

  /** Add a member; returns false if it was already in. */
  add(e: Entry, district: string | null, street: string | null, cell: string | null): boolean {
    if (this.memberIds.has(e.id)) return false;
    this.memberIds.add(e.id);
    this.authors.add(e.author || `#${e.id}`);
    if (e.houseId) {
      const h = this.houses.get(e.houseId);
      if (h) h.count++;
      else this.houses.set(e.houseId, { lat: e.lat, lon: e.lon, count: 1 });
    }
    if (district) this.districts.add(district);
    if (street) this.streets.add(street);
    if (cell) this.cells.add(cell);
    let i = this.times.length;
    while (i > 0 && this.times[i - 1] > e.ts) i--;
    this.times.splice(i, 0, e.ts);
    this.ids.push(e.id);
    if (this.ids.length > MAX_IDS * 2) this.ids.splice(0, this.ids.length - MAX_IDS);
    if (e.ts < this.firstMs) this.firstMs = e.ts;
    if (e.ts > this.lastMs) this.lastMs = e.ts;
    return true;
  }

  countBetween(from: number, to: number): number {
    let n = 0;
    for (let i = this.times.length - 1; i >= 0; i--) {
      const t = this.times[i];
      if (t <= from) break;
      if (t <= to) n++;
    }
    return n;
  }

  trendCounts(nowMs: number, cfg: DetectorConfig): { recent: number; previous: number; trend: Trend } {
    const w = cfg.lifecycle.trendMin * MIN_MS;
    const recent = this.countBetween(nowMs - w, nowMs);
    const previous = this.countBetween(nowMs - 2 * w, nowMs - w);
    const trend: Trend = recent > previous * 1.25 && recent >= 2 ? 'up' : recent * 2 < previous || recent === 0 ? 'down' : 'flat';
    return { recent, previous, trend };
  }

  /** The state the incident should be in at `nowMs`. Closed is final. */
  nextState(nowMs: number, cfg: DetectorConfig): AlertState {
    if (this.state === 'closed') return 'closed';
    const quiet = nowMs - this.lastMs;
    if (quiet >= cfg.lifecycle.closeAfterMin * MIN_MS) return 'closed';
    if (quiet >= cfg.lifecycle.subsideAfterMin * MIN_MS) return 'subsiding';
    const { trend } = this.trendCounts(nowMs, cfg);
    if (this.houses.size > this.emittedHouses || trend === 'up') return 'growing';
    if (trend === 'down') return 'subsiding';
    return 'stable';
  }

  snapshot(kind: AlertEventKind, nowMs: number, cfg: DetectorConfig): HotspotAlert {
    const pts: [number, number][] = [];
    const houses = [...this.houses].map(([id, h]) => {
      if (h.lat !== null && h.lon !== null) pts.push([h.lon, h.lat]);
      return { id, lat: h.lat, lon: h.lon, count: h.count };
    });
    houses.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
    const centroid: [number, number] | null = pts.length
      ? [round6(pts.reduce((s, p) => s + p[0], 0) / pts.length), round6(pts.reduce((s, p) => s + p[1], 0) / pts.length)]
      : null;
    const { recent, previous, trend } = this.trendCounts(nowMs, cfg);
    return {
      id: this.id,
      seq: this.seq,
      kind,
      state: this.state,
      layer: this.layer,
      trigger: this.trigger,
      title: titleRu(this.layer, this.houses.size, this.mentionCount, Number.isFinite(this.startMs) ? this.startMs : this.firstMs, cfg.utcOffsetHours),
      districts: [...this.districts].sort(),
      streets: [...this.streets].sort().slice(0, 20),
      houses,
      houseCount: this.houses.size,
      mentionCount: this.mentionCount,
      authorCount: this.authors.size,
      outline: bufferedHull(pts, cfg.outlineBufferM),
      centroid,
      trend,
      recent,
      previous,
      surprise: Math.round(this.surprise * 10) / 10,
      openedAt: new Date(this.openedMs).toISOString(),
      firstMentionAt: new Date(this.firstMs).toISOString(),
      lastMentionAt: new Date(this.lastMs).toISOString(),
      updatedAt: new Date(nowMs).toISOString(),
      mentionIds: this.ids.slice(-MAX_IDS),
      ack: this.ack,
    };
  }
}

/**
 * Start of the final dense run of a burst's members: walking back from the newest,
 * the first gap longer than `gapMs` separates the burst from everyday complaints
 * that happened to be in its window.
 */
export function startOfRun(times: number[], gapMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let i = t.length - 1;
  while (i > 0 && t[i] - t[i - 1] <= gapMs) i--;
  return t[Math.max(0, i)] ?? Infinity;
}

/** Equirectangular distance in metres: exact enough within a city, and cheap. */
export function approxM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos(((lat1 + lat2) * Math.PI) / 360);
  const dy = (lat2 - lat1) * 111_320;
  const dx = (lon2 - lon1) * 111_320 * k;
  return Math.sqrt(dx * dx + dy * dy);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function housesRu(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return `${n} дом`;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return `${n} дома`;
  return `${n} домов`;
}

export function complaintsRu(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return `${n} жалоба`;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return `${n} жалобы`;
  return `${n} жалоб`;
}

/** Layers where many houses at once usually means a failure of shared equipment. */
const ACCIDENT_LAYERS: ReadonlySet<MapLayer> = new Set(['heating', 'outages', 'house']);

/** «вероятная авария: 9 домов, отопление, с 06:40»; «массовые жалобы: 27 домов, снег и наледь, с 09:10» */
export function titleRu(layer: MapLayer, houses: number, mentions: number, firstMs: number, utcOffsetHours: number): string {
  const local = new Date(firstMs + utcOffsetHours * 3_600_000);
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const what = houses < 3 ? 'всплеск жалоб' : ACCIDENT_LAYERS.has(layer) ? 'вероятная авария' : 'массовые жалобы';
  const size = houses > 0 ? housesRu(houses) : complaintsRu(mentions);
  return `${what}: ${size}, ${LAYER_NAMES_RU[layer].toLowerCase()}, с ${hhmm}`;
}
