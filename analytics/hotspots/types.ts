// Types of the hotspot detector: what it reads (a slim view of a processed
// mention), what it emits (alert events carrying a full snapshot of the alert),
// and its thresholds. Pure data; no I/O.
import type { MapLayer } from '../../shared/types/taxonomy.js';

/** The fields of a ProcessedMention the detector needs; `ts` in epoch ms. */
export interface DetectorMention {
  id: string;
  ts: number;
  category: string;
  relevant: boolean;
  houseId: string | null;
  lat: number | null;
  lon: number | null;
  district: string | null;
  street: string;
  authorHash: string;
}

export type AreaKind = 'house' | 'street' | 'cell' | 'district';

export const ALERT_STATES = ['opened', 'growing', 'stable', 'subsiding', 'closed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Event kinds: a lifecycle move, a change of size without a move, or an operator's acknowledgement. */
export type AlertEventKind = AlertState | 'updated' | 'acknowledged';

export type Trend = 'up' | 'flat' | 'down';

export interface AlertHouse {
  id: string;
  lat: number | null;
  lon: number | null;
  count: number;
}

export interface AlertAck {
  by: string;
  note: string;
  at: string;
}

/** The whole alert as of one event: what the map draws and what is stored. */
export interface HotspotAlert {
  id: string;
  /** detector sequence number of this snapshot (acks do not bump it) */
  seq: number;
  kind: AlertEventKind;
  state: AlertState;
  layer: MapLayer;
  /** the area whose burst opened the alert, e.g. "cell:1234:567" or "street:…" */
  trigger: string;
  /** Russian one-liner: «вероятная авария: 9 домов, отопление, с 06:40» */
  title: string;
  districts: string[];
  streets: string[];
  houses: AlertHouse[];
  houseCount: number;
  mentionCount: number;
  authorCount: number;
  /** closed ring [lon, lat][] around the houses (buffered convex hull); [] without coordinates */
  outline: [number, number][];
  centroid: [number, number] | null;
  trend: Trend;
  /** mentions in the last trend window and in the one before it */
  recent: number;
  previous: number;
  /** −log10 of the smallest tail probability seen (how surprising the burst was) */
  surprise: number;
  openedAt: string;
  firstMentionAt: string;
  lastMentionAt: string;
  updatedAt: string;
  /** latest mention ids (capped) — the link from the alert to its mentions and cases */
  mentionIds: string[];
  ack: AlertAck | null;
}

export interface AlertEvent {
  /** idempotent key: `${alertId}:${seq}` for detector events, `${alertId}:ack:${ms}` for acks */
  eventId: string;
  alertId: string;
  kind: AlertEventKind;
  at: string;
  alert: HotspotAlert;
}

export interface Thresholds {
  /** a window count is a burst when P(X ≥ count | baseline) is below this */
  pValue: number;
  minMentions: number;
  /** distinct houses needed for a street / cell / district burst */
  minHouses: number;
  /** distinct authors needed for any burst (one angry resident is not an accident) */
  minAuthors: number;
  /** distinct authors needed for a single-house burst */
  houseMinAuthors: number;
  /**
   * A burst a house short of `minHouses`, or with one mention per house, still counts when
   * every mention has its own author and P(X ≥ count) over the member houses' own baseline
   * is below this (much stricter than `pValue`: the houses are chosen after the fact).
   */
  fewHousesPValue: number;
}

export interface DetectorConfig {
  layers: MapLayer[];
  windowsMin: number[];
  /** grid cell size in degrees; a cell burst is tested on the 3×3 block around the mention */
  cellDeg: { lat: number; lon: number };
  utcOffsetHours: number;
  defaults: Thresholds;
  perLayer: Partial<Record<MapLayer, Partial<Thresholds>>>;
  prior: {
    /** half-life of the weight of past hours in the city-wide level, hours */
    rateHalfLifeHours: number;
    /** pseudo-hours of a flat rhythm per hour of the day (the rhythm of a day barely seen stays flat) */
    profileHours: number;
    /** strength of an area's prior share, in pseudo-mentions per area of its kind */
    sharePerArea: number;
    /** floor of an area's expected hourly rate (keeps one quiet house from being infinitely surprising) */
    minRatePerHour: number;
    /** no alert is opened before the stream has been observed this long (within the last 8 days) */
    minObservedHours: number;
  };
  /** a mention older than this behind the newest one is history (a backfill or a redelivery): it feeds baselines and windows but opens nothing */
  lateMin: number;
  lifecycle: {
    /** width of the trend windows (recent vs previous) */
    trendMin: number;
    /** no mention for this long → subsiding */
    subsideAfterMin: number;
    /** no mention for this long → closed */
    closeAfterMin: number;
    /** at most one `updated` event per alert per this many seconds (new houses always emit) */
    updateEverySec: number;
  };
  /** outline buffer around houses, metres */
  outlineBufferM: number;
  /** a later mention joins an open alert if its house is within this distance of one of the alert's houses… */
  joinM: number;
  /** …and within this distance of the alert's first centroid (keeps an alert from creeping across the city) */
  maxRadiusM: number;
  /** an incident opens with the burst's houses within this distance of the mention that revealed it (no district-wide incidents) */
  clusterRadiusM: number;
  /** radius of the disk around each mention tested for a small burst of neighbouring houses, metres */
  nearM: number;
}

/** A season view: which layers the headquarters sees. Thresholds are those of its layers. */
export interface SeasonMode {
  id: string;
  titleRu: string;
  layers: MapLayer[];
}
