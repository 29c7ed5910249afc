// Pure: a processed mention from the bus → the feed row browsers render.
import type { ProcessedMention } from '../../../shared/types/mention.js';
import type { FeedItem } from '../../../shared/types/live-events.js';

/** Returns null for payloads that are not processed mentions (the relay skips them). */
export function feedItemFromProcessed(m: ProcessedMention): FeedItem | null {
  if (!m || typeof m !== 'object' || typeof m.id !== 'string' || typeof m.text !== 'string' || typeof m.ts !== 'string') {
    return null;
  }
  return {
    id: m.id,
    source: m.source,
    channel: m.channel ?? '',
    text: m.text,
    ts: isoOr(m.ts, new Date().toISOString()),
    ingestedAt: isoOr(m.ingestedAt, new Date().toISOString()),
    category: m.category ?? 'other',
    relevant: Boolean(m.relevant),
    confidence: num(m.confidence),
    urgency: num(m.urgency),
    reasons: Array.isArray(m.reasons) ? m.reasons.map(String) : [],
    addressRaw: m.address?.raw ?? '',
    street: m.address?.street ?? '',
    houseNumber: m.address?.house ?? '',
    houseId: m.houseId ?? null,
    orgId: m.organisation?.id ?? null,
    orgName: m.organisation?.name ?? null,
    district: m.district ?? null,
    lat: m.lat ?? null,
    lon: m.lon ?? null,
    url: m.url ?? '',
  };
}

function isoOr(s: string | undefined, fallback: string): string {
  if (!s) return fallback;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

function num(x: unknown): number {
  const n = Number(x);
  return Number.isFinite(n) ? n : 0;
}
