// Heat layer: relevant mentions of the chosen layers per grid cell (cell size in degrees).
import type { Store } from '../../../shared/storage/store.js';
import type { MapLayer } from '../../../shared/types/taxonomy.js';
import { categoriesOf } from './layer-categories.js';

export interface HeatCell {
  /** south-west corner */
  lat: number;
  lon: number;
  count: number;
}

export async function getHeatGrid(store: Store, q: { layers: MapLayer[]; fromMs: number; toMs: number; cellLat: number; cellLon: number }): Promise<HeatCell[]> {
  const rows = await store.query<{ iy: number | string; ix: number | string; n: number | string }>(
    `SELECT toInt32(floor(lat / {cl:Float64})) AS iy, toInt32(floor(lon / {cn:Float64})) AS ix, count() AS n
     FROM mentions
     WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
       AND relevant = 1 AND lat IS NOT NULL AND lon IS NOT NULL AND category IN {cats:Array(String)}
     GROUP BY iy, ix`,
    { fromMs: Math.floor(q.fromMs), toMs: Math.floor(q.toMs), cats: categoriesOf(q.layers), cl: q.cellLat, cn: q.cellLon },
  );
  return rows.map((r) => ({ lat: Number(r.iy) * q.cellLat, lon: Number(r.ix) * q.cellLon, count: Number(r.n) }));
}
