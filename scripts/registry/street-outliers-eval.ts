// Held-out check of the street-outlier rule (`street-outliers.ts`) on the portal's own building
// points (the distinct buildings of the training petitions, not the dev set): each building whose
// portal address resolves to a house the rule changes tells whether its old point was right and
// whether the new one is. Run on the packaged registry with the manifest's `streetOutliers` put
// back to their old points (the houses as the rule sees them in the build). Options override the
// defaults:
//   npx tsx scripts/registry/street-outliers-eval.ts [--linkM=1000] [--minOffM=3000] [--list]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_REGISTRY_DIR, loadRegistry } from '../../analytics/registry/load.js';
import { distanceM } from '../../analytics/geo/geo.js';
import { parseCsvObjects } from './csv.js';
import { DEFAULT_STREET_OUTLIER_OPTIONS, findStreetOutliers, type StreetOutlierOptions } from './street-outliers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared');
const opts: StreetOutlierOptions = { ...DEFAULT_STREET_OUTLIER_OPTIONS };
for (const a of process.argv.slice(2)) {
  const m = /^--(\w+)=([\d.]+)$/.exec(a);
  if (m && m[1] in opts) (opts as unknown as Record<string, number>)[m[1]] = Number(m[2]);
}
const list = process.argv.includes('--list');

const reg = await loadRegistry();
const manifest = JSON.parse(readFileSync(path.join(DEFAULT_REGISTRY_DIR, 'manifest.json'), 'utf8')) as { streetOutliers?: { id: string; from: [number, number] }[] };
for (const c of manifest.streetOutliers ?? []) {
  const h = reg.house(c.id)!;
  [h.lat, h.lon] = c.from;
  if (h.region === 'spb') h.district = reg.districtOf(h.lat, h.lon);
}
const changes = findStreetOutliers(reg.houses, opts);
const byId = new Map(changes.map((c) => [c.id, c]));
const moved = changes.filter((c) => c.to).length;
console.log(`options ${JSON.stringify(opts)}`);
console.log(`changed houses: ${changes.length} (moved ${moved}, point dropped ${changes.length - moved}; spb ${changes.filter((c) => c.id.startsWith('spb:')).length})`);

const rows = parseCsvObjects(readFileSync(path.join(shared, 'data/train/spb_petitions_train.csv'), 'utf8'));
const seen = new Set<string>();
const f = { checked: 0, movedCloser: 0, movedFarther: 0, movedWithin100Before: 0, movedWithin100After: 0, droppedRight: 0, droppedWrongPoint: 0, districtRight: 0, districtRightBefore: 0 };
const checkedIds = new Set<string>();
for (const row of rows) {
  const lat = Number(row.lat);
  const lon = Number(row.lon);
  if (!row.full_address || seen.has(row.full_address) || !Number.isFinite(lat) || !lat) continue;
  seen.add(row.full_address);
  const h = reg.resolver.resolve(row.full_address).house;
  const c = h && byId.get(h.id);
  if (!c) continue;
  f.checked++;
  checkedIds.add(c.id);
  const before = distanceM(c.from[0], c.from[1], lat, lon);
  if (c.to) {
    const after = distanceM(c.to[0], c.to[1], lat, lon);
    if (after < before) f.movedCloser++;
    else f.movedFarther++;
    if (before <= 100) f.movedWithin100Before++;
    if (after <= 100) f.movedWithin100After++;
  } else if (before <= 300) f.droppedRight++;
  else f.droppedWrongPoint++;
  // the district the house gets: the street's for a dropped point, the new point's for a moved one
  const district = c.to ? reg.districtOf(c.to[0], c.to[1]) : c.district;
  const same = (d: string | null) => !!d && !!row.district && d.startsWith(row.district.split(' ')[0]);
  if (same(district)) f.districtRight++;
  if (same(reg.districtOf(c.from[0], c.from[1]))) f.districtRightBefore++;
  if (list) console.log(JSON.stringify({ id: c.id, address: c.address, portal: row.full_address, district, portalDistrict: row.district, before: Math.round(before), after: c.to ? Math.round(distanceM(c.to[0], c.to[1], lat, lon)) : null }));
}
console.log(`portal buildings resolving to a changed house: ${f.checked} (${checkedIds.size} houses)`);
console.log(`  moved: ${f.movedCloser} closer, ${f.movedFarther} farther; within 100 m before ${f.movedWithin100Before}, after ${f.movedWithin100After}`);
console.log(`  the house's district after the change is the portal's: ${f.districtRight} of ${f.checked} (before: ${f.districtRightBefore})`);
console.log(`  dropped: old point was over 300 m off ${f.droppedWrongPoint}, within 300 m (a right point lost) ${f.droppedRight}`);
if (list) for (const c of changes) console.log(JSON.stringify({ ...c, checked: checkedIds.has(c.id) }));
