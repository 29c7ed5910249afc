// The common case of RawMentionSchema checked by hand. zod costs ~6 µs a payload (it also
// rebuilds its datetime RegExp on every check), a third of everything but the classifier
// and the resolver on the analysis thread. This accepts only what the schema accepts and
// returns what the schema would return; anything unusual (a wrong type, a limit, a key
// the schema would need to judge) returns undefined, and the schema decides and words
// the error. The schema stays the one definition: tests compare the two on every case.
import { datetimeRegex } from 'zod';
import { MAX_TEXT_CHARS, MENTION_ID, RAW_LIMITS, SOURCES, type RawMention } from '../../shared/types/mention.js';

// The schema's `ts` check, built once.
const TS = datetimeRegex({ precision: null, offset: true, local: false });
const SOURCE_SET: ReadonlySet<string> = new Set(SOURCES);

const optString = (v: unknown, max: number, min = 0): boolean =>
  v === undefined || (typeof v === 'string' && v.length >= min && v.length <= max);
const optNumber = (v: unknown, limit: number): boolean =>
  v === undefined || (typeof v === 'number' && !Number.isNaN(v) && v >= -limit && v <= limit);

/** The parsed mention when `d` is plainly valid; undefined when the schema must judge it. */
export function fastRawMention(d: Record<string, unknown>): RawMention | undefined {
  const { id, source, channel, author, text, ts, url, lat, lon, replyTo, houseId } = d;
  if (typeof id !== 'string' || id.length < RAW_LIMITS.idMin || id.length > RAW_LIMITS.idMax || !MENTION_ID.test(id)) return undefined;
  if (typeof source !== 'string' || !SOURCE_SET.has(source)) return undefined;
  if (typeof text !== 'string' || text.length < 1 || text.length > MAX_TEXT_CHARS) return undefined;
  if (typeof ts !== 'string' || !TS.test(ts)) return undefined;
  if (!optString(channel, RAW_LIMITS.channel) || !optString(author, RAW_LIMITS.author) || !optString(url, RAW_LIMITS.url)) return undefined;
  if (!optString(replyTo, RAW_LIMITS.replyTo) || !optString(houseId, RAW_LIMITS.houseId, 1)) return undefined;
  if (!optNumber(lat, 90) || !optNumber(lon, 180)) return undefined;
  // A key the schema strips but an object would inherit (`__proto__`) is the schema's to handle.
  if (Object.prototype.hasOwnProperty.call(d, '__proto__')) return undefined;
  const out: RawMention = {
    id,
    source: source as RawMention['source'],
    channel: (channel as string | undefined) ?? '',
    author: (author as string | undefined) ?? '',
    text,
    ts,
  };
  // Optional keys appear only when given, in the schema's order, as zod returns them.
  if (url !== undefined) out.url = url as string;
  if (lat !== undefined) out.lat = lat as number;
  if (lon !== undefined) out.lon = lon as number;
  if (replyTo !== undefined) out.replyTo = replyTo as string;
  if (houseId !== undefined) out.houseId = houseId as string;
  return out;
}
