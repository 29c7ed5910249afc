// Development aid: every dev-set row the resolver misses, with what the registry has near the
// gold point, grouped by a rough category. Usage: npx tsx scripts/registry/analyse-misses.ts [category]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../../analytics/registry/load.js';
import { distanceM } from '../../analytics/geo/geo.js';
import type { House } from '../../shared/types/registry.js';
import { parseCsvObjects } from './csv.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared');
const only = process.argv[2];

const reg = await loadRegistry();
const rows = parseCsvObjects(readFileSync(path.join(shared, 'data/train/spb_address_dev.csv'), 'utf8'));
// grid of houses for the nearest-house look-up
const cell = (lat: number, lon: number) => `${Math.floor(lat * 200)}|${Math.floor(lon * 100)}`;
const grid = new Map<string, House[]>();
for (const h of reg.houses) if (h.lat !== null && h.lon !== null) {
  const k = cell(h.lat, h.lon);
  grid.set(k, [...(grid.get(k) ?? []), h]);
}
function nearby(lat: number, lon: number, m: number): { h: House; d: number }[] {
  const out: { h: House; d: number }[] = [];
  const a = Math.floor(lat * 200), b = Math.floor(lon * 100);
  for (let i = a - 1; i <= a + 1; i++) for (let j = b - 1; j <= b + 1; j++)
    for (const h of grid.get(`${i}|${j}`) ?? []) {
      const d = distanceM(lat, lon, h.lat!, h.lon!);
      if (d <= m) out.push({ h, d });
    }
  return out.sort((x, y) => x.d - y.d);
}
const counts: Record<string, number> = {};
for (const row of rows) {
  const lat = Number(row.lat), lon = Number(row.lon);
  const r = reg.resolver.resolve(row.text);
  const h = r.house;
  const d = h && h.lat !== null ? distanceM(h.lat, h.lon!, lat, lon) : Infinity;
  const near = nearby(lat, lon, 100);
  let cat: string;
  if (d <= 100) cat = 'hit';
  else if (h) cat = near.length ? 'wrong_house_reachable' : 'wrong_house_unreachable';
  else if (!near.length) cat = 'miss_unreachable';
  else if (!r.street) cat = 'miss_no_street';
  else if (near.some((n) => n.h.street === r.street!.name)) cat = r.ambiguous ? 'miss_ambiguous' : 'miss_number';
  else cat = 'miss_other_street';
  counts[cat] = (counts[cat] ?? 0) + 1;
  if (cat === 'hit' || (only && cat !== only)) continue;
  console.log(`--- ${cat} ${row.id}\n  text: ${row.text.replace(/\s+/g, ' ').slice(0, 200)}\n  gold: ${row.gold_address}`);
  console.log(`  got:  ${h ? `${h.locality}, ${h.address} (${Math.round(d)} m)` : 'none'} street=${r.street?.type} ${r.street?.name} num=${r.address?.house ?? ''} conf=${r.confidence} amb=${r.ambiguous} raw=${JSON.stringify(r.address?.raw ?? '')}`);
  console.log(`  near: ${near.slice(0, 4).map((n) => `${n.h.address} ${Math.round(n.d)}m`).join('; ')}`);
}
console.log(counts);
