// Mentions of a house or of an alert's houses (the click-through from the map).
import type { Store } from '../../../shared/storage/store.js';
import type { MapLayer } from '../../../shared/types/taxonomy.js';
import { categoriesOf } from './layer-categories.js';

export interface AreaMention {
  id: string;
  ts: string;
  text: string;
  category: string;
  source: string;
  houseId: string;
  street: string;
  houseNumber: string;
  url: string;
}

export async function getAreaMentions(
  store: Store,
  q: { houseIds: string[]; layers?: MapLayer[]; fromMs: number; toMs: number; limit?: number },
): Promise<AreaMention[]> {
  if (!q.houseIds.length) return [];
  const cats = q.layers?.length ? categoriesOf(q.layers) : null;
  const rows = await store.query<{ id: string; ts_ms: string; text: string; category: string; source: string; house_id: string; street: string; house_number: string; url: string }>(
    `SELECT id, toUnixTimestamp64Milli(ts) AS ts_ms, text, category, source, house_id, street, house_number, url
     FROM mentions FINAL
     WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
       AND house_id IN {houses:Array(String)} ${cats ? 'AND category IN {cats:Array(String)}' : ''}
     ORDER BY ts DESC
     LIMIT {limit:UInt32}`,
    { fromMs: Math.floor(q.fromMs), toMs: Math.floor(q.toMs), houses: q.houseIds, limit: Math.min(500, q.limit ?? 100), ...(cats ? { cats } : {}) },
  );
  return rows.map((r) => ({
    id: r.id,
    ts: new Date(Number(r.ts_ms)).toISOString(),
    text: r.text,
    category: r.category,
    source: r.source,
    houseId: r.house_id,
    street: r.street,
    houseNumber: r.house_number,
    url: r.url,
  }));
}
