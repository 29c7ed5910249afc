// History for the detector's baselines, aggregated in the engine: counts per
// category and area (house, street, cell) over weeks for the shares, and per
// category and hour for the city-wide level and rhythm over the last days, with
// the hours in which anything at all was stored (what was observed).
// The layer mapping (category → layers) is done by the caller, in JS.
import type { Store } from '../../../shared/storage/store.js';
import type { AreaKind } from '../../hotspots/types.js';

export interface HistoryQuery {
  /** start of the area counts (weeks back) */
  fromMs: number;
  /** start of the hourly counts (days back) */
  hoursFromMs: number;
  toMs: number;
  cellLat: number;
  cellLon: number;
}

export interface AreaCountRow {
  category: string;
  kind: AreaKind;
  id: string;
  n: number;
}

export interface HourRow {
  category: string;
  /** hour index: floor(epoch ms / 1 h) */
  hour: number;
  n: number;
}

export interface History {
  areas: AreaCountRow[];
  /** relevant mentions per category over the area counts' range */
  totals: { category: string; n: number }[];
  hours: HourRow[];
  /** hours (index) with any stored mention, relevant or not, and the first/last ts */
  seen: { hour: number; lo: number; hi: number }[];
}

const RANGE = `ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')`;
const HOURS = `ts >= fromUnixTimestamp64Milli({hoursFromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')`;

const AREA_SQL: Partial<Record<AreaKind, string>> = {
  house: `SELECT category, house_id AS id, count() AS n FROM mentions WHERE ${RANGE} AND relevant = 1 AND house_id != '' GROUP BY category, id`,
  street: `SELECT category, concat(district, '/', street) AS id, count() AS n FROM mentions WHERE ${RANGE} AND relevant = 1 AND street != '' GROUP BY category, id`,
  cell: `SELECT category, concat(toString(toInt32(floor(lat / {cl:Float64}))), ':', toString(toInt32(floor(lon / {cn:Float64})))) AS id, count() AS n
         FROM mentions WHERE ${RANGE} AND relevant = 1 AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY category, id`,
};

export async function getHotspotHistory(store: Store, q: HistoryQuery): Promise<History> {
  const params = { fromMs: Math.floor(q.fromMs), hoursFromMs: Math.floor(q.hoursFromMs), toMs: Math.floor(q.toMs), cl: q.cellLat, cn: q.cellLon };
  const areas: AreaCountRow[] = [];
  for (const [kind, sql] of Object.entries(AREA_SQL) as [AreaKind, string][]) {
    const rows = await store.query<{ category: string; id: string; n: string | number }>(sql, params);
    for (const r of rows) areas.push({ category: r.category, kind, id: r.id, n: Number(r.n) });
  }
  const totals = await store.query<{ category: string; n: string | number }>(
    `SELECT category, count() AS n FROM mentions WHERE ${RANGE} AND relevant = 1 GROUP BY category`,
    params,
  );
  const hours = await store.query<{ category: string; h: string | number; n: string | number }>(
    `SELECT category, intDiv(toUnixTimestamp(ts), 3600) AS h, count() AS n FROM mentions WHERE ${HOURS} AND relevant = 1 GROUP BY category, h`,
    params,
  );
  const seen = await store.query<{ h: string | number; lo: string | number; hi: string | number }>(
    `SELECT intDiv(toUnixTimestamp(ts), 3600) AS h, toUnixTimestamp64Milli(min(ts)) AS lo, toUnixTimestamp64Milli(max(ts)) AS hi
     FROM mentions WHERE ${HOURS} GROUP BY h ORDER BY h`,
    params,
  );
  return {
    areas,
    totals: totals.map((r) => ({ category: r.category, n: Number(r.n) })),
    hours: hours.map((r) => ({ category: r.category, hour: Number(r.h), n: Number(r.n) })),
    seen: seen.map((r) => ({ hour: Number(r.h), lo: Number(r.lo), hi: Number(r.hi) })),
  };
}
