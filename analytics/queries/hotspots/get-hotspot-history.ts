// History for the detector's baselines, aggregated in the engine: counts per
// category and area (house, street, cell, district) and per hour of the week.
// The layer mapping (category → layers) is done by the caller, in JS.
import type { Store } from '../../../shared/storage/store.js';
import type { AreaKind } from '../../hotspots/types.js';

export interface HistoryQuery {
  fromMs: number;
  toMs: number;
  cellLat: number;
  cellLon: number;
  utcOffsetHours: number;
}

export interface AreaCountRow {
  category: string;
  kind: AreaKind;
  id: string;
  n: number;
}

export interface ProfileRow {
  category: string;
  how: number;
  n: number;
}

export interface History {
  areas: AreaCountRow[];
  profile: ProfileRow[];
  /** first and last mention ts in the range (epoch ms), or null when empty */
  spanMs: [number, number] | null;
}

const RANGE = `ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC') AND relevant = 1`;

const AREA_SQL: Record<AreaKind, string> = {
  house: `SELECT category, house_id AS id, count() AS n FROM mentions WHERE ${RANGE} AND house_id != '' GROUP BY category, id`,
  street: `SELECT category, concat(district, '/', street) AS id, count() AS n FROM mentions WHERE ${RANGE} AND street != '' GROUP BY category, id`,
  cell: `SELECT category, concat(toString(toInt32(floor(lat / {cl:Float64}))), ':', toString(toInt32(floor(lon / {cn:Float64})))) AS id, count() AS n
         FROM mentions WHERE ${RANGE} AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY category, id`,
  district: `SELECT category, district AS id, count() AS n FROM mentions WHERE ${RANGE} AND district != '' GROUP BY category, id`,
};

export async function getHotspotHistory(store: Store, q: HistoryQuery): Promise<History> {
  const params = { fromMs: Math.floor(q.fromMs), toMs: Math.floor(q.toMs), cl: q.cellLat, cn: q.cellLon, off: Math.round(q.utcOffsetHours * 3600) };
  const areas: AreaCountRow[] = [];
  for (const kind of Object.keys(AREA_SQL) as AreaKind[]) {
    const rows = await store.query<{ category: string; id: string; n: string | number }>(AREA_SQL[kind], params);
    for (const r of rows) areas.push({ category: r.category, kind, id: r.id, n: Number(r.n) });
  }
  // Hour of the week with Monday 00:00 local = 0 (1970-01-01 was a Thursday: +72 h).
  const profile = await store.query<{ category: string; how: string | number; n: string | number }>(
    `SELECT category, (intDiv(toUnixTimestamp(ts) + {off:Int64}, 3600) + 72) % 168 AS how, count() AS n
     FROM mentions WHERE ${RANGE} GROUP BY category, how`,
    params,
  );
  const span = await store.query<{ lo: string | number; hi: string | number; n: string | number }>(
    `SELECT toUnixTimestamp64Milli(min(ts)) AS lo, toUnixTimestamp64Milli(max(ts)) AS hi, count() AS n FROM mentions WHERE ${RANGE}`,
    params,
  );
  const s = span[0];
  return {
    areas,
    profile: profile.map((r) => ({ category: r.category, how: Number(r.how), n: Number(r.n) })),
    spanMs: s && Number(s.n) > 0 ? [Number(s.lo), Number(s.hi)] : null,
  };
}
