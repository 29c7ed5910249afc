// Open311 requests over the case store. A POST becomes a processed mention of
// source "open311" handled at once (so the id comes back synchronously), stored
// in `mentions`, and announced on `mentions.processed` like any other signal;
// the cases worker then sees a mention that is already in its case and does nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../../shared/storage/store.js';
import type { Bus } from '../../../shared/bus/bus.js';
import type { ProcessedMention } from '../../../shared/types/mention.js';
import type { House } from '../../../shared/types/registry.js';
import { SUBJECTS } from '../../../shared/types/subjects.js';
import { categoryNameRu } from '../../../shared/types/taxonomy.js';
import type { Registry } from '../../registry/load.js';
import { distanceM } from '../../geo/geo.js';
import { toMentionRow } from '../../rows/mention-row.js';
import { intakeFromProcessed } from '../../cases/intake.js';
import { ruleFor } from '../../cases/deadlines.js';
import { Open311Error, toOpen311Request, type CreateRequest, type ListFilter, type Open311Request } from '../../cases/open311.js';
import { intakeMention, type IntakeDeps, type IntakeResult } from './intake-mention.js';
import { fromDbTime } from './case-rows.js';

export type RegistryLookup = Pick<Registry, 'house' | 'houses' | 'org' | 'districtOf' | 'resolver'>;

/** The registry house nearest to a point, within `maxM` metres. */
export function nearestHouse(houses: readonly House[], lat: number, lon: number, maxM = 80): House | null {
  let best: House | null = null;
  let bestD = maxM;
  for (const h of houses) {
    if (h.lat === null || h.lon === null || Math.abs(h.lat - lat) > 0.002 || Math.abs(h.lon - lon) > 0.004) continue;
    const d = distanceM(lat, lon, h.lat, h.lon);
    if (d <= bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

export function locate(reg: RegistryLookup, r: CreateRequest): { house: House | null; raw: string } {
  if (r.addressId) {
    const h = reg.house(r.addressId);
    if (!h) throw new Open311Error(400, `address_id "${r.addressId}" is not a house of the registry / дом не найден в реестре`);
    return { house: h, raw: h.address };
  }
  if (r.addressString) {
    const res = reg.resolver.resolve(r.addressString, r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : undefined);
    if (res.house) return { house: res.house, raw: r.addressString };
  }
  if (r.lat !== null && r.lon !== null) return { house: nearestHouse(reg.houses, r.lat, r.lon), raw: r.addressString };
  return { house: null, raw: r.addressString };
}

export interface CreateResult extends IntakeResult {
  requestId: string;
  mention: ProcessedMention;
}

export async function createOpen311Request(
  deps: IntakeDeps & { bus?: Pick<Bus, 'publish'> },
  reg: RegistryLookup,
  r: CreateRequest,
  opts: { channel: string; now?: Date },
): Promise<CreateResult> {
  const now = opts.now ?? new Date();
  const { house, raw } = locate(reg, r);
  const requestId = `r${randomBytes(6).toString('hex')}`;
  const org = house?.orgId ? reg.org(house.orgId) : undefined;
  const lat = house?.lat ?? r.lat;
  const lon = house?.lon ?? r.lon;
  const rule = ruleFor(deps.config.deadlines, r.serviceCode);
  const mention: ProcessedMention = {
    id: `open311:${requestId}`,
    source: 'open311',
    channel: opts.channel,
    authorHash: r.contact ? createHash('sha256').update(`open311\u0000${r.contact}`).digest('hex').slice(0, 16) : '',
    text: r.description || `${categoryNameRu(r.serviceCode)}: ${house?.address ?? raw}`,
    ts: now.toISOString(),
    url: r.mediaUrl,
    ingestedAt: now.toISOString(),
    category: r.serviceCode as ProcessedMention['category'],
    relevant: true,
    confidence: 1,
    urgency: rule.emergency ? 0.9 : 0.5,
    reasons: ['Заявка Open311 (диспетчерская служба или портал)'],
    address: house ? { street: house.street, house: house.number, raw: raw || house.address } : raw ? { street: '', house: '', raw } : null,
    houseId: house?.id ?? null,
    lat: lat ?? null,
    lon: lon ?? null,
    district: house?.district ?? (lat != null && lon != null ? reg.districtOf(lat, lon) : null),
    organisation: org ? { id: org.id, name: org.name } : null,
    dupGroup: '',
  };
  await deps.store.insert('mentions', [toMentionRow(mention)]);
  const intake = { ...intakeFromProcessed(mention), address: house?.address ?? raw };
  const result = await intakeMention(deps, intake, 'open311');
  // the processing worker's convention: raw and processed share one stream
  await deps.bus?.publish(SUBJECTS.processed, mention, { msgId: `processed:${mention.id}` });
  return { ...result, requestId, mention };
}

const CLOSED = `('resolved', 'confirmed', 'closed')`;

export async function getOpen311Requests(store: Store, f: ListFilter, offsetMinutes: number): Promise<Open311Request[]> {
  const byIds = f.ids.length > 0;
  const rows = await store.query<Record<string, unknown>>(
    `SELECT m.mention_id AS mention_id, m.mention_ts AS mention_ts, m.text AS text, m.url AS url,
            c.state AS state, c.category AS category, c.org_name AS org_name, c.last_event_at AS last_event_at,
            c.resolution_due AS resolution_due, c.address AS address, c.house_id AS house_id, c.lat AS lat, c.lon AS lon,
            c.resolution_note AS resolution_note, c.unroutable AS unroutable
     FROM (SELECT * FROM case_mentions FINAL WHERE source = 'open311' AND excluded = 0
             AND (${byIds ? `mention_id IN {ids:Array(String)}` : `mention_ts >= {start:DateTime64(3)} AND mention_ts <= {end:DateTime64(3)}`})) AS m
     INNER JOIN (SELECT id, state, category, org_name, last_event_at, resolution_due, address, house_id, lat, lon, resolution_note, unroutable
                 FROM cases FINAL) AS c ON c.id = m.case_id
     WHERE ({codesAll:UInt8} = 1 OR c.category IN {codes:Array(String)})
       AND ({statusAll:UInt8} = 1 OR if(c.state IN ${CLOSED}, 'closed', 'open') IN {status:Array(String)})
     ORDER BY m.mention_ts DESC, m.mention_id
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    {
      ids: f.ids.map((id) => `open311:${id}`),
      start: f.start,
      end: f.end,
      codesAll: byIds || f.serviceCodes.length === 0 ? 1 : 0,
      codes: f.serviceCodes,
      statusAll: byIds || f.status.length === 0 ? 1 : 0,
      status: f.status,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    },
  );
  return rows.map((r) =>
    toOpen311Request(
      {
        requestId: String(r.mention_id).replace(/^open311:/, ''),
        state: r.state as never,
        category: String(r.category),
        description: String(r.text),
        orgName: String(r.org_name),
        requestedAt: fromDbTime(String(r.mention_ts)),
        updatedAt: fromDbTime(String(r.last_event_at)),
        resolutionDue: fromDbTime(String(r.resolution_due)),
        address: String(r.address),
        houseId: String(r.house_id),
        lat: r.lat == null ? null : Number(r.lat),
        lon: r.lon == null ? null : Number(r.lon),
        mediaUrl: String(r.url),
        note: String(r.resolution_note),
        unroutable: Number(r.unroutable) === 1,
      },
      offsetMinutes,
    ),
  );
}
