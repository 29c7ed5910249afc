// Converters between the case domain types (camelCase) and rows of case_events,
// cases and case_mentions (snake_case, 0020_cases.up.sql). Pure.
import type { CaseEvent, CaseEventType, CaseView, CloseOutcome, CaseState } from '../../cases/lifecycle.js';

/** 'YYYY-MM-DD hh:mm:ss.sss' (UTC, as JSONEachRow gives DateTime64) → ISO-8601. */
export function fromDbTime(s: string): string {
  return s.includes('T') ? new Date(s).toISOString() : `${s.replace(' ', 'T')}Z`;
}
/** ISO-8601 → the UTC text form DateTime64 parses on every engine. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export function toDbTime(iso: string | Date): string {
  // the hot path (every time field of every projection row): skip the Date round trip for canonical ISO text
  const s = typeof iso === 'string' && CANONICAL_ISO.test(iso) ? iso : (iso instanceof Date ? iso : new Date(iso)).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 23)}`;
}
const optTime = (s: string | null): string | null => (s ? toDbTime(s) : null);
const optIso = (s: string | null | undefined): string | null => (s ? fromDbTime(s) : null);

export interface CaseEventRow extends Record<string, unknown> {
  case_id: string;
  id: string;
  seq: number;
  at: string;
  recorded_at: string;
  type: string;
  actor: string;
  comment: string;
  org_id: string;
  payload: string;
}

export function eventToRow(e: CaseEvent, recordedAt: Date): CaseEventRow {
  return {
    case_id: e.caseId, id: e.id, seq: e.seq, at: toDbTime(e.at), recorded_at: toDbTime(recordedAt), type: e.type,
    actor: e.actor, comment: e.comment, org_id: e.orgId, payload: JSON.stringify(e.payload),
  };
}

export function rowToEvent(r: CaseEventRow): CaseEvent {
  let payload: Record<string, unknown> = {};
  try {
    payload = JSON.parse(r.payload) as Record<string, unknown>;
  } catch {
    // a damaged payload must not hide the case; the event still counts for the state
  }
  return {
    id: r.id, caseId: r.case_id, seq: Number(r.seq), at: fromDbTime(r.at), type: r.type as CaseEventType, actor: r.actor,
    comment: r.comment, orgId: r.org_id, payload,
  };
}

/** The version of a projection row: more events folded wins; the clock breaks ties. */
export function snapshotVersion(v: CaseView, now: Date): string {
  return (BigInt(v.eventCount) * 10_000_000_000_000n + BigInt(now.getTime())).toString();
}

export function viewToRow(v: CaseView, now: Date): Record<string, unknown> {
  return {
    id: v.id, version: snapshotVersion(v, now), is_deleted: 0, state: v.state, category: v.category, house_id: v.houseId, district: v.district,
    address: v.address, title: v.title, source: v.source, area_key: v.areaKey, lat: v.lat, lon: v.lon, org_id: v.orgId,
    org_name: v.orgName, org_kind: v.orgKind, unroutable: v.unroutable ? 1 : 0, opened_at: toDbTime(v.openedAt),
    routed_at: optTime(v.routedAt), first_response_at: optTime(v.firstResponseAt), accepted_at: optTime(v.acceptedAt),
    resolved_at: optTime(v.resolvedAt), confirmed_at: optTime(v.confirmedAt), closed_at: optTime(v.closedAt), outcome: v.outcome,
    reopen_count: v.reopenCount, first_response_due: toDbTime(v.firstResponseDue), resolution_due: toDbTime(v.resolutionDue),
    first_response_overdue: v.firstResponseOverdue ? 1 : 0, resolution_overdue: v.resolutionOverdue ? 1 : 0,
    mention_count: v.mentionIds.length - v.excludedMentionIds.length, last_mention_at: toDbTime(v.lastMentionAt),
    last_event_at: toDbTime(v.lastEventAt), confirm_via: v.confirmVia, resolution_note: v.resolutionNote, updated_at: toDbTime(now),
  };
}

/** The row that removes a case from an organisation's key range after it was re-routed. */
export function tombstoneRow(v: CaseView, formerOrgId: string, now: Date): Record<string, unknown> {
  return { ...viewToRow(v, now), org_id: formerOrgId, is_deleted: 1 };
}

/** What lists and the live channel show about a case (a row of `cases`). */
export interface CaseSummary {
  id: string;
  state: CaseState;
  category: string;
  houseId: string;
  district: string;
  address: string;
  title: string;
  source: string;
  orgId: string;
  orgName: string;
  orgKind: string;
  unroutable: boolean;
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  outcome: CloseOutcome;
  reopenCount: number;
  firstResponseDue: string;
  resolutionDue: string;
  mentionCount: number;
  lastEventAt: string;
  lat: number | null;
  lon: number | null;
}

export const CASE_SUMMARY_COLUMNS = `id, state, category, house_id, district, address, title, source, org_id, org_name, org_kind,
  unroutable, opened_at, first_response_at, resolved_at, closed_at, outcome, reopen_count, first_response_due,
  resolution_due, mention_count, last_event_at, lat, lon`;

export type CaseSummaryRow = Record<string, unknown>;

export function rowToSummary(r: CaseSummaryRow): CaseSummary {
  const s = (k: string) => String(r[k] ?? '');
  return {
    id: s('id'), state: s('state') as CaseState, category: s('category'), houseId: s('house_id'), district: s('district'),
    address: s('address'), title: s('title'), source: s('source'), orgId: s('org_id'), orgName: s('org_name'), orgKind: s('org_kind'),
    unroutable: Number(r.unroutable) === 1, openedAt: fromDbTime(s('opened_at')), firstResponseAt: optIso(r.first_response_at as string | null),
    resolvedAt: optIso(r.resolved_at as string | null), closedAt: optIso(r.closed_at as string | null), outcome: s('outcome') as CloseOutcome,
    reopenCount: Number(r.reopen_count), firstResponseDue: fromDbTime(s('first_response_due')), resolutionDue: fromDbTime(s('resolution_due')),
    mentionCount: Number(r.mention_count), lastEventAt: fromDbTime(s('last_event_at')),
    lat: r.lat == null ? null : Number(r.lat), lon: r.lon == null ? null : Number(r.lon),
  };
}

export function summaryFromView(v: CaseView): CaseSummary {
  return rowToSummary(viewToRow(v, new Date(v.lastEventAt)));
}

export interface CaseMention {
  caseId: string;
  mentionId: string;
  linkedAt: string;
  mentionTs: string;
  source: string;
  channel: string;
  text: string;
  url: string;
  houseId: string;
  excluded: boolean;
}

export function mentionToRow(m: CaseMention, version: number): Record<string, unknown> {
  return {
    case_id: m.caseId, mention_id: m.mentionId, version, linked_at: toDbTime(m.linkedAt), mention_ts: toDbTime(m.mentionTs),
    source: m.source, channel: m.channel, text: m.text, url: m.url, house_id: m.houseId, excluded: m.excluded ? 1 : 0,
  };
}

export function rowToMention(r: Record<string, unknown>): CaseMention {
  const s = (k: string) => String(r[k] ?? '');
  return {
    caseId: s('case_id'), mentionId: s('mention_id'), linkedAt: fromDbTime(s('linked_at')), mentionTs: fromDbTime(s('mention_ts')),
    source: s('source'), channel: s('channel'), text: s('text'), url: s('url'), houseId: s('house_id'), excluded: Number(r.excluded) === 1,
  };
}
