// The latest processed mentions for the live feed's first snapshot and for the
// catch-up after a reconnect. FINAL collapses redelivered rows (ReplacingMergeTree).
import type { Store } from '../../shared/storage/store.js';
import type { FeedItem } from '../../shared/types/live-events.js';

export interface RecentMentionsQuery {
  /** at most this many rows (1..1000) */
  limit: number;
  /** only mentions stored (ingested_at) strictly after this instant: the catch-up cursor */
  since?: Date | number;
  category?: string;
  district?: string;
  /**
   * Look in this recent span of `ts` first (the sorting key starts with the hour of ts,
   * so a bounded read touches few granules); fall back to the whole table when it
   * yields fewer than `limit` rows. Default one day.
   */
  lookbackMs?: number;
  /** clock for tests */
  nowMs?: number;
}

const DAY_MS = 86_400_000;
/** a catch-up only looks for mentions written this long before the cursor */
const CATCH_UP_TS_SLACK_MS = 7 * DAY_MS;

interface MentionFeedRow {
  id: string;
  source: string;
  channel: string;
  text: string;
  ts_ms: string | number;
  ingested_ms: string | number;
  category: string;
  relevant: number | boolean;
  confidence: number;
  urgency: number;
  reasons: string[];
  address_raw: string;
  street: string;
  house_number: string;
  house_id: string | null;
  org_id: string | null;
  org_name: string | null;
  district: string | null;
  lat: number | null;
  lon: number | null;
  url: string;
}

export const MAX_RECENT = 1000;

/** Newest first (by the time the resident wrote it). */
export async function getRecentMentions(store: Store, q: RecentMentionsQuery): Promise<FeedItem[]> {
  const limit = Math.max(1, Math.min(MAX_RECENT, Math.floor(q.limit)));
  if (q.since !== undefined) {
    const sinceMs = q.since instanceof Date ? q.since.getTime() : Math.floor(q.since);
    return run(store, q, limit, sinceMs, sinceMs - CATCH_UP_TS_SLACK_MS);
  }
  const recent = await run(store, q, limit, undefined, (q.nowMs ?? Date.now()) - (q.lookbackMs ?? DAY_MS));
  return recent.length >= limit ? recent : run(store, q, limit, undefined, undefined);
}

async function run(store: Store, q: RecentMentionsQuery, limit: number, sinceMs: number | undefined, tsFromMs: number | undefined) {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit };
  if (sinceMs !== undefined) {
    where.push('ingested_at > fromUnixTimestamp64Milli({sinceMs:Int64}, \'UTC\')');
    params.sinceMs = sinceMs;
  }
  if (tsFromMs !== undefined) {
    where.push('ts >= fromUnixTimestamp64Milli({tsFromMs:Int64}, \'UTC\')');
    params.tsFromMs = tsFromMs;
  }
  if (q.category) {
    where.push('category = {category:String}');
    params.category = q.category;
  }
  if (q.district) {
    where.push('district = {district:String}');
    params.district = q.district;
  }
  const sql = `
    SELECT id, source, channel, text,
           toUnixTimestamp64Milli(ts) AS ts_ms,
           toUnixTimestamp64Milli(ingested_at) AS ingested_ms,
           category, relevant, confidence, urgency, reasons,
           address_raw, street, house_number, house_id, org_id, org_name, district, lat, lon, url
    FROM mentions FINAL
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ts DESC, id DESC
    LIMIT {limit:UInt32}`;
  const rows = await store.query<MentionFeedRow>(sql, params);
  return rows.map(toFeedItem);
}

function toFeedItem(r: MentionFeedRow): FeedItem {
  return {
    id: r.id,
    source: r.source,
    channel: r.channel,
    text: r.text,
    ts: new Date(Number(r.ts_ms)).toISOString(),
    ingestedAt: new Date(Number(r.ingested_ms)).toISOString(),
    category: r.category,
    relevant: Boolean(Number(r.relevant)),
    confidence: Number(r.confidence),
    urgency: Number(r.urgency),
    reasons: r.reasons ?? [],
    addressRaw: r.address_raw ?? '',
    street: r.street ?? '',
    houseNumber: r.house_number ?? '',
    houseId: r.house_id || null,
    orgId: r.org_id || null,
    orgName: r.org_name || null,
    district: r.district || null,
    lat: numOrNull(r.lat),
    lon: numOrNull(r.lon),
    url: r.url ?? '',
  };
}

function numOrNull(x: unknown): number | null {
  if (x === null || x === undefined || x === '') return null;
  const n = Number(x);
  return Number.isFinite(n) ? n : null;
}
