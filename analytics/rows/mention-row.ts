// The one converter between ProcessedMention (camelCase domain type) and a row
// of the `mentions` table (snake_case, see 0001_mentions.up.sql). Pure.
import type { ProcessedMention, SourceKind } from '../../shared/types/mention.js';
import type { Category } from '../../shared/types/taxonomy.js';

/** The row as ClickHouse returns it in JSONEachRow (what `SELECT * FROM mentions` gives). */
export interface MentionRow {
  id: string;
  source: string;
  channel: string;
  author_hash: string;
  text: string;
  ts: string;
  ingested_at: string;
  category: string;
  relevant: number;
  confidence: number;
  urgency: number;
  reasons: string[];
  address_raw: string;
  street: string;
  house_number: string;
  house_id: string;
  org_id: string;
  org_name: string;
  district: string;
  lat: number | null;
  lon: number | null;
  dup_group: string;
  url: string;
}

/**
 * ISO-8601 (any offset) → 'YYYY-MM-DD hh:mm:ss.sss' in UTC: the form DateTime64
 * parses under the server's default (basic) input format, not only best_effort.
 */
const UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function toDbTime(iso: string): string {
  // Fast path for what Date#toISOString produces (the worker's own timestamps).
  if (UTC_MS.test(iso) && !Number.isNaN(Date.parse(iso))) return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a timestamp: ${JSON.stringify(iso)}`);
  const s = d.toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 23)}`;
}

/** 'YYYY-MM-DD hh:mm:ss[.sss]' read from a DateTime64(3, 'UTC') column → ISO-8601 with Z. */
export function fromDbTime(db: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?/.exec(db);
  if (!m) throw new RangeError(`not a ClickHouse DateTime: ${JSON.stringify(db)}`);
  const ms = (m[3] ?? '.000').slice(0, 4).padEnd(4, '0');
  return `${m[1]}T${m[2]}${ms}Z`;
}

export function toMentionRow(m: ProcessedMention): MentionRow & Record<string, unknown> {
  return { ...toMentionRowWithoutGroup(m), dup_group: m.dupGroup };
}

/**
 * The row before its near-duplicate group is known (analysis threads serialise it, the
 * shared index adds `dup_group` afterwards). A literal, not `toMentionRow` minus a key:
 * an object rest copy is several times slower to build and to serialise.
 */
export function toMentionRowWithoutGroup(m: Omit<ProcessedMention, 'dupGroup'>): Omit<MentionRow, 'dup_group'> {
  return {
    id: m.id,
    source: m.source,
    channel: m.channel,
    author_hash: m.authorHash,
    text: m.text,
    ts: toDbTime(m.ts),
    ingested_at: toDbTime(m.ingestedAt),
    category: m.category,
    relevant: m.relevant ? 1 : 0,
    confidence: m.confidence,
    urgency: m.urgency,
    reasons: m.reasons,
    address_raw: m.address?.raw ?? '',
    street: m.address?.street ?? '',
    house_number: m.address?.house ?? '',
    house_id: m.houseId ?? '',
    org_id: m.organisation?.id ?? '',
    org_name: m.organisation?.name ?? '',
    district: m.district ?? '',
    lat: m.lat,
    lon: m.lon,
    url: m.url,
  };
}

/**
 * Columns use '' for "none"; the domain type uses null, so empty strings map back to null.
 * confidence/urgency are Float32: about 7 significant digits survive the round trip.
 */
export function fromMentionRow(row: Record<string, unknown>): ProcessedMention {
  const r = row as Partial<MentionRow>;
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const orNull = (v: unknown) => (str(v) === '' ? null : str(v));
  const num = (v: unknown) => (v === undefined || v === null ? null : Number(v));
  const hasAddress = str(r.address_raw) !== '' || str(r.street) !== '' || str(r.house_number) !== '';
  return {
    id: str(r.id),
    source: str(r.source) as SourceKind,
    channel: str(r.channel),
    authorHash: str(r.author_hash),
    text: str(r.text),
    ts: fromDbTime(str(r.ts)),
    ingestedAt: fromDbTime(str(r.ingested_at)),
    url: str(r.url),
    category: str(r.category) as Category,
    relevant: Number(r.relevant) === 1,
    confidence: Number(r.confidence ?? 0),
    urgency: Number(r.urgency ?? 0),
    reasons: Array.isArray(r.reasons) ? r.reasons.map(String) : [],
    address: hasAddress ? { street: str(r.street), house: str(r.house_number), raw: str(r.address_raw) } : null,
    houseId: orNull(r.house_id),
    lat: num(r.lat),
    lon: num(r.lon),
    district: orNull(r.district),
    organisation: str(r.org_id) !== '' ? { id: str(r.org_id), name: str(r.org_name) } : null,
    dupGroup: str(r.dup_group),
  };
}
