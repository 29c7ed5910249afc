// The live channel between the web server and browsers: one typed map of
// Socket.IO events shared by both ends (Immich style). The server relays bus
// subjects into these events (web/lib/server/relay.ts); the browser listens
// with a `Socket<ServerToClientEvents, ClientToServerEvents>`.
import type { Category } from './taxonomy.js';
import type { SourceKind } from './mention.js';
import type { HotspotAlert } from '../../analytics/hotspots/types.js';
import type { CaseEventMessage, CaseOverdueMessage } from '../../analytics/cases/messages.js';

/** One row of the live feed: what the operator sees about a processed mention. */
export interface FeedItem {
  id: string;
  source: SourceKind | string;
  channel: string;
  text: string;
  /** when the resident wrote it, ISO-8601 UTC */
  ts: string;
  /** when Domovoy stored it, ISO-8601 UTC; the catch-up cursor after a reconnect */
  ingestedAt: string;
  category: Category | string;
  relevant: boolean;
  confidence: number;
  urgency: number;
  reasons: string[];
  /** the address as the resident wrote it, or '' */
  addressRaw: string;
  street: string;
  houseNumber: string;
  houseId: string | null;
  orgId: string | null;
  orgName: string | null;
  district: string | null;
  lat: number | null;
  lon: number | null;
  url: string;
}

/** Mentions counted per category in a time bucket (bucketStartMs = epoch ms, UTC). */
export interface CategoryBucket {
  category: string;
  bucketStartMs: number;
  count: number;
}

/**
 * Server → browser events. Each key is an event name, each value its listener.
 * Add entries here when a new relay route is added (alerts.hotspot, cases.event, ...),
 * so both ends stay typed by the same map.
 */
export interface ServerToClientEvents {
  /** processed mentions, batched (a few times a second at most), newest last */
  mentions: (items: FeedItem[]) => void;
  /** a hotspot alert changed (opened, grew, moved in its lifecycle, was acknowledged): its whole snapshot */
  'alerts.hotspot': (alert: HotspotAlert) => void;
  /** case events (opened, routed, accepted, …) with the case after each, batched */
  'cases.event': (items: CaseEventMessage[]) => void;
  /** a case's deadline ran out (announced once per case and clock) */
  'cases.overdue': (item: CaseOverdueMessage) => void;
}

/** Browser → server events. */
export interface ClientToServerEvents {
  /** join live rooms (e.g. one organisation's feed); unknown room names are ignored */
  'rooms.join': (rooms: string[]) => void;
  'rooms.leave': (rooms: string[]) => void;
}

export type LiveEventName = keyof ServerToClientEvents;
export type LiveEventPayload<E extends LiveEventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Room names. Every socket is in `ROOMS.all`; narrower rooms let later features
 * (an УК's own cabinet, a district headquarters) receive only their share.
 */
export const ROOMS = {
  all: 'all',
  org: (orgId: string) => `org:${orgId}`,
  district: (district: string) => `district:${district}`,
} as const;

/** Rooms a browser may ask to join. Keeps clients from joining arbitrary internal rooms. */
export const JOINABLE_ROOM = /^(org|district):\S.{0,199}$/u;

/** Batching interval of the live relay; browsers should expect updates at most this often. */
export const LIVE_BATCH_MS = 250;
