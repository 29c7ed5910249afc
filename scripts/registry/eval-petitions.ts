// Held-out check of the resolver's precision on the portal's training petitions (no overlap with
// the dev set): most of these texts do not carry their address (the portal has a form field for
// it), but when the resolver returns a house it should be the petition's building. Only rows with
// a building address count (the others carry a point on a street or in a yard). Prints the
// share of texts given a house, and how many of those houses are within 100 m of the petition's
// point; `--misses` lists the far ones, `--kind approximate` only one resolution kind.
//   npx tsx scripts/registry/eval-petitions.ts [--misses]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry, type Registry } from '../../analytics/registry/load.js';
import { distanceM } from '../../analytics/geo/geo.js';
import { parseCsvObjects } from './csv.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared');
const showMisses = process.argv.includes('--misses');

export interface PetitionFigures {
  texts: number;
  returned: number;
  within: number;
  approximate: { returned: number; within: number };
  /** the portal's own address of each distinct building («г.Санкт-Петербург, Моховая улица, дом 47, литера А») */
  addresses: { n: number; returned: number; within: number; approximate: { returned: number; within: number } };
  /** petitions about a place (a yard, a road): their point is where the problem is, near the house a text names */
  places: { n: number; returned: number; within150: number; over1km: number };
  /** texts (of both kinds) whose `address` names a street but no house */
  streetOnly: number;
}

export async function evalPetitions(print = showMisses, registry?: Registry): Promise<PetitionFigures> {
  const reg = registry ?? (await loadRegistry());
  const rows = parseCsvObjects(readFileSync(path.join(shared, 'data/train/spb_petitions_train.csv'), 'utf8'));
  const f: PetitionFigures = { texts: 0, returned: 0, within: 0, approximate: { returned: 0, within: 0 }, addresses: { n: 0, returned: 0, within: 0, approximate: { returned: 0, within: 0 } }, places: { n: 0, returned: 0, within150: 0, over1km: 0 }, streetOnly: 0 };
  const seen = new Set<string>();
  for (const row of rows) {
    const lat = Number(row.lat);
    const lon = Number(row.lon);
    if (!row.text || !Number.isFinite(lat) || !Number.isFinite(lon) || !lat) continue;
    // rows without a building address carry a point on a street or in a yard, not a house
    if (!row.full_address) {
      const rp = reg.resolver.resolve(row.text);
      const h = rp.house;
      f.places.n++;
      if (!h && rp.address) f.streetOnly++;
      if (!h) continue;
      const d = h.lat !== null && h.lon !== null ? distanceM(h.lat, h.lon, lat, lon) : Infinity;
      f.places.returned++;
      if (d <= 150) f.places.within150++;
      if (d > 1000) f.places.over1km++;
      continue;
    }
    if (!seen.has(row.full_address)) {
      seen.add(row.full_address);
      const a = f.addresses;
      a.n++;
      const ra = reg.resolver.resolve(row.full_address);
      const h = ra.house;
      if (h) {
        const ok = h.lat !== null && h.lon !== null && distanceM(h.lat, h.lon, lat, lon) <= 100;
        a.returned++;
        if (ok) a.within++;
        if (ra.approximate) {
          a.approximate.returned++;
          if (ok) a.approximate.within++;
        }
      }
    }
    f.texts++;
    const r = reg.resolver.resolve(row.text);
    const h = r.house;
    if (!h && r.address) f.streetOnly++;
    if (!h) continue;
    const d = h.lat !== null && h.lon !== null ? distanceM(h.lat, h.lon, lat, lon) : Infinity;
    f.returned++;
    if (d <= 100) f.within++;
    if (r.approximate) {
      f.approximate.returned++;
      if (d <= 100) f.approximate.within++;
    }
    if (print && d > 100) console.log(JSON.stringify({ id: row.id, d: Math.round(d), got: `${h.locality}, ${h.address}`, approx: r.approximate ?? false, raw: r.address?.raw, gold: row.full_address, text: row.text.replace(/\s+/g, ' ').slice(0, 160) }));
  }
  return f;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await evalPetitions();
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');
  console.log(`petitions: ${f.texts} texts, given a house ${pct(f.returned, f.texts)} (${f.returned}); within 100 m of the petition's building ${pct(f.within, f.returned)} (${f.within}/${f.returned})`);
  console.log(`  approximate (neighbour-number) houses: ${f.approximate.returned}, within 100 m ${pct(f.approximate.within, f.approximate.returned)}`);
  const a = f.addresses;
  console.log(`the portal's addresses of ${a.n} distinct buildings: given a house ${pct(a.returned, a.n)}, within 100 m ${pct(a.within, a.returned)}; approximate ${a.approximate.returned}, within 100 m ${pct(a.approximate.within, a.approximate.returned)}`);
  const pl = f.places;
  console.log(`petitions about a place (${pl.n}): given a house ${pl.returned}, within 150 m of the point ${pct(pl.within150, pl.returned)}, over 1 km away ${pl.over1km}`);
  console.log(`texts given a street without a house: ${f.streetOnly}`);
}
