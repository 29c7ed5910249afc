// Open311 GeoReport v2 (JSON) as our public request API: the service list, the
// validation of a new request, a case as a request object, and the standard's
// errors. Pure. Conventions (shared/reference/connectors.md §5): JSON responses
// are top-level arrays, ids and codes are strings, date-times carry an offset.
import { LABELS, LAYER_NAMES_RU, type LabelInfo } from '../../shared/types/taxonomy.js';
import { ruleFor, formatDurationRu, type DeadlineTable } from './deadlines.js';
import { STATE_NAMES_RU, type CaseState } from './lifecycle.js';

export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
    readonly code: number = status,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
  /** the standard's error body: an array of {code, description} */
  body(): { code: number; description: string }[] {
    return [{ code: this.code, description: this.description }];
  }
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export function open311Services(table: DeadlineTable): Open311Service[] {
  return (Object.entries(LABELS) as [string, LabelInfo][]).map(([code, info]) => {
    const rule = ruleFor(table, code);
    return {
      service_code: code,
      service_name: info.nameRu,
      description: `Срок решения: ${formatDurationRu(rule.resolution)}. ${rule.basis}`.trim(),
      metadata: false,
      type: 'realtime',
      keywords: info.layers.map((l) => LAYER_NAMES_RU[l]).join(','),
      group: LAYER_NAMES_RU[info.layers[0]],
    };
  });
}

export interface CreateRequest {
  serviceCode: string;
  lat: number | null;
  lon: number | null;
  addressString: string;
  addressId: string;
  description: string;
  mediaUrl: string;
  /** who files it (not stored in clear: only a hash becomes the author) */
  contact: string;
}

export const MAX_DESCRIPTION = 4000;

/** Validate the form fields of POST requests.json (api_key is checked by the caller). */
export function parseCreateRequest(f: Record<string, string | undefined>, knownService: (code: string) => boolean): CreateRequest {
  const serviceCode = (f.service_code ?? '').trim();
  if (!serviceCode) throw new Open311Error(400, 'service_code is required / не указан service_code');
  if (!knownService(serviceCode)) throw new Open311Error(404, `Unknown service_code "${serviceCode}" / неизвестная услуга`);
  const latS = (f.lat ?? '').trim();
  const lonS = (f.long ?? '').trim();
  let lat: number | null = null;
  let lon: number | null = null;
  if (latS || lonS) {
    lat = Number(latS);
    lon = Number(lonS);
    if (!latS || !lonS || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new Open311Error(400, 'lat and long must both be valid WGS84 numbers / неверные координаты');
    }
  }
  const addressString = (f.address_string ?? '').trim();
  const addressId = (f.address_id ?? '').trim();
  if (lat === null && !addressString && !addressId) {
    throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id / не указано место');
  }
  const description = (f.description ?? '').trim();
  if (description.length > MAX_DESCRIPTION) throw new Open311Error(400, `description is longer than ${MAX_DESCRIPTION} characters / слишком длинное описание`);
  const contact = [f.email, f.phone, f.device_id, f.account_id].map((x) => (x ?? '').trim()).find(Boolean) ?? '';
  return { serviceCode, lat, lon, addressString, addressId, description, mediaUrl: (f.media_url ?? '').trim(), contact };
}

/** ISO-8601 with the region's offset, as the standard wants ("2010-04-14T06:37:38-08:00"). */
export function withOffset(iso: string | null, offsetMinutes: number): string | null {
  if (!iso) return null;
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export interface Open311RequestInput {
  requestId: string;
  state: CaseState;
  category: string;
  description: string;
  orgName: string;
  requestedAt: string;
  updatedAt: string;
  resolutionDue: string;
  address: string;
  houseId: string;
  lat: number | null;
  lon: number | null;
  mediaUrl: string;
  note: string;
  unroutable: boolean;
}

/** A case as a GeoReport request. status is open|closed; our richer state goes into status_notes. */
export function toOpen311Request(r: Open311RequestInput, offsetMinutes: number) {
  const closed = r.state === 'resolved' || r.state === 'confirmed' || r.state === 'closed';
  const notes = [`Статус: ${r.unroutable && r.state === 'new' ? 'не распределено' : STATE_NAMES_RU[r.state]}`, r.note].filter(Boolean).join('. ');
  return {
    service_request_id: r.requestId,
    status: closed ? 'closed' : 'open',
    status_notes: notes,
    service_name: (LABELS as Record<string, LabelInfo>)[r.category]?.nameRu ?? r.category,
    service_code: r.category,
    description: r.description || null,
    agency_responsible: r.orgName || null,
    service_notice: null,
    requested_datetime: withOffset(r.requestedAt, offsetMinutes),
    updated_datetime: withOffset(r.updatedAt, offsetMinutes),
    expected_datetime: withOffset(r.resolutionDue, offsetMinutes),
    address: r.address || null,
    address_id: r.houseId || null,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: r.mediaUrl || null,
  };
}
export type Open311Request = ReturnType<typeof toOpen311Request>;

/** GET requests.json filters: a service_request_id list overrides the rest; dates span ≤ 90 days. */
export interface ListFilter {
  ids: string[];
  serviceCodes: string[];
  start: Date;
  end: Date;
  status: ('open' | 'closed')[];
  page: number;
  pageSize: number;
}

const DAY = 86_400_000;

export function parseListFilter(p: URLSearchParams, now: Date, maxPageSize = 1000): ListFilter {
  const ids = (p.get('service_request_id') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const date = (name: string): Date | null => {
    const v = p.get(name);
    if (!v) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} is not an ISO-8601 date-time / неверная дата`);
    return d;
  };
  let end = date('end_date');
  let start = date('start_date');
  if (!end) end = start ? new Date(Math.min(now.getTime(), start.getTime() + 90 * DAY)) : now;
  if (!start) start = new Date(end.getTime() - 90 * DAY);
  if (end.getTime() < start.getTime()) throw new Open311Error(400, 'end_date is before start_date / конец периода раньше начала');
  if (end.getTime() - start.getTime() > 90 * DAY) throw new Open311Error(400, 'The span between start_date and end_date may not exceed 90 days / период больше 90 дней');
  const status = (p.get('status') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of status) if (s !== 'open' && s !== 'closed') throw new Open311Error(400, `status must be open or closed, got "${s}"`);
  const int = (name: string, def: number, min: number, max: number) => {
    const v = p.get(name);
    if (v === null || v === '') return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Open311Error(400, `${name} must be an integer ${min}..${max}`);
    return n;
  };
  return {
    ids,
    serviceCodes: (p.get('service_code') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    start,
    end,
    status: status as ('open' | 'closed')[],
    page: int('page', 1, 1, 1_000_000),
    pageSize: int('page_size', Math.min(1000, maxPageSize), 1, maxPageSize),
  };
}
