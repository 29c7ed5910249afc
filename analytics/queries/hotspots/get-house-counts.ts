// Complaints per house for the map: relevant mentions of the chosen layers in a
// time range. The registry gives the coordinates; the query gives only counts.
// Plain count(), not uniqExact(id): a redelivered row not yet merged away may count
// twice for a moment, which a colour scale cannot show, and count() needs no hash set.
import type { Store } from '../../../shared/storage/store.js';
import type { MapLayer } from '../../../shared/types/taxonomy.js';
import { categoriesOf } from './layer-categories.js';

export interface HouseCountsQuery {
  layers: MapLayer[];
  fromMs: number;
  toMs: number;
}

export interface HouseCount {
  houseId: string;
  count: number;
}

export async function getHouseCounts(store: Store, q: HouseCountsQuery): Promise<HouseCount[]> {
  const rows = await store.query<{ house_id: string; n: string | number }>(
    `SELECT house_id, count() AS n
     FROM mentions
     WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
       AND relevant = 1 AND house_id != '' AND category IN {cats:Array(String)}
     GROUP BY house_id`,
    { fromMs: Math.floor(q.fromMs), toMs: Math.floor(q.toMs), cats: categoriesOf(q.layers) },
  );
  return rows.map((r) => ({ houseId: r.house_id, count: Number(r.n) }));
}
