// Measures the address resolver on the development set (texts with their house address and
// gold coordinates) and on the project's own set of texts without a house address.
// Prints: recall@100 m, precision@100 m, false houses on no-address texts, and a check
// on the portal's training petitions (scripts/registry/eval-petitions.ts). Usage:
//   npx tsx scripts/eval-address.ts [--verbose] [--neighbours=off|'{"maxSpanM":150,"maxNumberGap":6}']
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../analytics/registry/load.js';
import { distanceM } from '../analytics/geo/geo.js';
import { parseCsvObjects } from './registry/csv.js';
import { evalPetitions } from './registry/eval-petitions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared');
const verbose = process.argv.includes('--verbose');
// --neighbours=off, or JSON NeighbourOptions: to measure the fallback against the resolver without it
const nbArg = process.argv.find((a) => a.startsWith('--neighbours='))?.slice('--neighbours='.length);
const options = nbArg === undefined ? {} : { neighbours: nbArg === 'off' ? null : JSON.parse(nbArg) };

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');

async function main(): Promise<void> {
  const t0 = performance.now();
  const reg = await loadRegistry(undefined, options);
  const loadMs = performance.now() - t0;
  const rows = parseCsvObjects(readFileSync(path.join(shared, 'data/train/spb_address_dev.csv'), 'utf8'));
  let returned = 0;
  let within = 0;
  let approxReturned = 0;
  let approxWithin = 0;
  let ambiguous = 0;
  // the dev set repeats some houses many times (one house has 26 rows): also count per distinct gold address
  const perAddress = new Map<string, { n: number; hit: number; returned: number }>();
  // rows whose building the packaged registry has from the portal's list, and the rest: the rest
  // is how the resolver does on buildings the portal list does not cover
  const portalIds = new Set(reg.houses.map((h) => h.portalId).filter(Boolean));
  const split = { listed: { n: 0, returned: 0, within: 0 }, other: { n: 0, returned: 0, within: 0 } };
  for (const row of rows) {
    const r = reg.resolver.resolve(row.text);
    if (r.ambiguous && !r.house) ambiguous++;
    const h = r.house;
    const d = h && h.lat !== null && h.lon !== null ? distanceM(h.lat, h.lon, Number(row.lat), Number(row.lon)) : Infinity;
    if (h) returned++;
    if (d <= 100) within++;
    const part = split[portalIds.has(row.building_id) ? 'listed' : 'other'];
    part.n++;
    if (h) part.returned++;
    if (d <= 100) part.within++;
    if (h && r.approximate) {
      approxReturned++;
      if (d <= 100) approxWithin++;
    }
    const a = perAddress.get(row.gold_address) ?? { n: 0, hit: 0, returned: 0 };
    a.n++;
    if (d <= 100) a.hit++;
    if (h) a.returned++;
    perAddress.set(row.gold_address, a);
    if (verbose && d > 100) console.log(JSON.stringify({ id: row.id, text: row.text.slice(0, 160), gold: row.gold_address, got: h?.address ?? null, loc: h?.locality, d: Math.round(d), conf: r.confidence, amb: r.ambiguous, street: r.street }));
  }
  const negFile = path.join(root, 'tests/registry/fixtures/no-address.txt');
  const negatives = readFileSync(negFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let falseHouses = 0;
  for (const t of negatives) {
    const r = reg.resolver.resolve(t);
    if (r.house) {
      falseHouses++;
      if (verbose) console.log('FALSE HOUSE', JSON.stringify({ t, got: r.house.address, raw: r.address?.raw }));
    }
  }
  console.log(`registry loaded in ${loadMs.toFixed(0)} ms (${reg.houses.length} houses)`);
  console.log(`dev set: ${rows.length} texts`);
  console.log(`recall@100m (house within 100 m of gold, share of all rows): ${pct(within, rows.length)} (${within}/${rows.length})`);
  console.log(`precision@100m (returned houses within 100 m): ${pct(within, returned)} (${within}/${returned})`);
  // each distinct address weighs 1, split by the share of its rows
  const addr = [...perAddress.values()];
  const mRecall = addr.reduce((s, a) => s + a.hit / a.n, 0);
  const mReturned = addr.reduce((s, a) => s + a.returned / a.n, 0);
  console.log(`per distinct gold address (${addr.length}): recall@100m ${pct(mRecall, addr.length)}, precision@100m ${pct(mRecall, mReturned)}`);
  for (const [name, label] of [['listed', 'on the portal building list of the registry'], ['other', 'not on it']] as const) {
    const x = split[name];
    console.log(`  rows whose building is ${label} (${x.n}): recall@100m ${pct(x.within, x.n)}, precision@100m ${pct(x.within, x.returned)}`);
  }
  console.log(`  of which approximate (neighbour number): ${approxReturned}, within 100 m ${pct(approxWithin, approxReturned)}`);
  console.log(`ambiguous without a house: ${ambiguous}`);
  console.log(`no-address texts: ${negatives.length}, given a house: ${pct(falseHouses, negatives.length)} (${falseHouses})`);
  const p = await evalPetitions(false, reg);
  const wrong = p.returned - p.within;
  console.log(`training petitions with a building address (${p.texts}; most texts do not repeat it): given a house ${pct(p.returned, p.texts)} (${p.returned}), the petition's building (within 100 m) ${pct(p.within, p.returned)}; a wrong house for ${pct(wrong, p.texts)} of texts (${wrong})`);
  console.log(`  approximate: ${p.approximate.returned}, within 100 m ${pct(p.approximate.within, p.approximate.returned)}`);
  const a = p.addresses;
  const pl = p.places;
  console.log(`training petitions about a place (${pl.n}; the point is where the problem is): given a house ${pl.returned}, within 150 m of the point ${pct(pl.within150, pl.returned)}, over 1 km away ${pl.over1km}`);
  console.log(`training petitions (${p.texts + pl.n}) given a street without a house: ${p.streetOnly}`);
  console.log(`not held out (the registry takes these buildings' points): the portal's own addresses of ${a.n} distinct buildings of those petitions: given a house ${pct(a.returned, a.n)}, within 100 m ${pct(a.within, a.returned)}; approximate ${a.approximate.returned}, within 100 m ${pct(a.approximate.within, a.approximate.returned)}`);
}

main();
