// Builds the packaged registry (assets/registry) from the shared data folder:
// houses of Saint Petersburg and Leningrad oblast, organisations, district polygons.
// Reproducible: sorted output, no timestamps, gzip without mtime. Usage: npm run build:registry
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { District, House, OrganisationRecord } from '../shared/types/registry.js';
import { createDistrictIndex } from '../analytics/geo/districts.js';
import { groupOrganisations, organisationKey } from '../analytics/registry/organisations.js';
import { HOUSE_COLUMNS, houseToTsv } from '../analytics/registry/format.js';
import { parseCsvObjects } from './registry/csv.js';
import { houseFromRow, type RawHouse } from './registry/houses.js';
import { configuredSuppliers, districtAdministration } from './registry/defaults.js';
import { commonStems } from './registry/common-stems.js';
import { choosePoints, findOutliers, type Relocation } from './registry/outliers.js';
import { findStreetOutliers, type StreetOutlier } from './registry/street-outliers.js';
import { portalBuildings } from './registry/portal-buildings.js';
import { mergePortal, type PortalLink } from './registry/portal-merge.js';
import { createResolver } from '../analytics/address/resolver.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared');
const outDir = path.join(root, 'assets/registry');

const SOURCES: { region: 'spb' | 'lenoblast'; file: string }[] = [
  { region: 'spb', file: 'data/registry/reformagkh_spb_20160308.csv' },
  { region: 'lenoblast', file: 'data/registry/reformagkh_lenoblast_20160920.csv' },
];
// the portal's petitions: their building ids, addresses and points, and the words residents use
const PETITIONS = 'data/train/spb_petitions_train.csv';

function bump(m: Record<string, number>, k: string, by = 1) {
  m[k] = (m[k] ?? 0) + by;
}

function sortedObject(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

function roundCoords(c: unknown): unknown {
  return Array.isArray(c) ? c.map(roundCoords) : typeof c === 'number' ? Math.round(c * 1e5) / 1e5 : c;
}

function main() {
  const skipped: Record<string, number> = {};
  const notes: Record<string, number> = {};
  const rows: Record<string, number> = {};

  // districts: level-5 features only (the city outline is not a district)
  const geo = JSON.parse(readFileSync(path.join(shared, 'data/geo/spb_districts_fixed.geojson'), 'utf8'));
  const districts: District[] = geo.features
    .filter((f: { properties: { level: number } }) => f.properties.level === 5)
    .map((f: { properties: { name: string }; geometry: District['geometry'] }) => ({
      name: f.properties.name,
      geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) },
    }))
    .sort((a: District, b: District) => (a.name < b.name ? -1 : 1));
  const districtIndex = createDistrictIndex(districts);

  // houses, de-duplicated by normalised address (the registry lists «(дубль 1)» copies)
  const byAddress = new Map<string, RawHouse>();
  // every point the duplicates of an address have: the one agreeing with the neighbours is kept
  const pointsByAddress = new Map<string, [number, number][]>();
  for (const src of SOURCES) {
    const records = parseCsvObjects(readFileSync(path.join(shared, src.file), 'utf8'));
    rows[src.region] = records.length;
    for (const rec of records) {
      const r = houseFromRow(rec, src.region);
      if ('skip' in r) {
        bump(skipped, `${src.region}:${r.skip}`);
        continue;
      }
      if (r.ok.coordsDropped) bump(notes, `${src.region}:coords_out_of_bbox_set_null`);
      if (r.ok.house.lat !== null && r.ok.house.lon !== null) {
        const pts = pointsByAddress.get(r.ok.addressKey) ?? [];
        pts.push([r.ok.house.lat, r.ok.house.lon]);
        pointsByAddress.set(r.ok.addressKey, pts);
      }
      const prev = byAddress.get(r.ok.addressKey);
      if (prev) {
        bump(skipped, `${src.region}:duplicate_address`);
        const better = r.ok.richness > prev.richness || (r.ok.richness === prev.richness && Number(r.ok.house.id.split(':')[1]) < Number(prev.house.id.split(':')[1]));
        if (!better) continue;
      }
      byAddress.set(r.ok.addressKey, r.ok);
    }
  }
  const raw = [...byAddress.values()].sort((a, b) => (a.house.id < b.house.id ? -1 : a.house.id > b.house.id ? 1 : 0));
  const relocated = fixPoints(raw, pointsByAddress, notes);

  // organisations
  const spellingCounts = new Map<string, number>();
  for (const r of raw) if (r.orgSpelling) spellingCounts.set(r.orgSpelling, (spellingCounts.get(r.orgSpelling) ?? 0) + 1);
  const groups = groupOrganisations(spellingCounts);
  const houses: House[] = [];
  for (const r of raw) {
    const h = r.house;
    const key = r.orgSpelling ? organisationKey(r.orgSpelling) : null;
    h.orgId = key ? groups.get(key)!.id : null;
    if (!h.orgId) bump(notes, `${h.region}:no_management_company`);
    if (h.region === 'spb' && h.lat !== null && h.lon !== null) {
      h.district = districtIndex.districtOf(h.lat, h.lon);
      if (!h.district) bump(notes, 'spb:outside_districts');
    }
    houses.push(h);
  }
  const streetOutliers = fixStreetOutliers(houses, districtIndex.districtOf, notes);
  const petitions = readFileSync(path.join(shared, PETITIONS), 'utf8');
  // words frequent in residents' texts: a street named like one needs its type word to count
  const common = commonStems(petitions);
  const portal = joinPortal(houses, parseCsvObjects(petitions), common, districtIndex.districtOf);
  houses.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const orgs: OrganisationRecord[] = [...groups.values()].map((g) => ({
    id: g.id, name: g.name, kind: g.kind, spellings: g.spellings, houseCount: g.houseCount, district: null, source: 'registry', resource: null,
  }));
  const lenoDistricts = [...new Set(houses.filter((h) => h.region === 'lenoblast' && h.district).map((h) => h.district!))].sort();
  orgs.push(...districts.map((d) => districtAdministration(d.name, 'spb')), ...lenoDistricts.map((d) => districtAdministration(d, 'lenoblast')));
  orgs.push(...configuredSuppliers());
  orgs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (new Set(orgs.map((o) => o.id)).size !== orgs.length) throw new Error('organisation id collision');

  mkdirSync(outDir, { recursive: true });
  const gz = (name: string, text: string) => writeFileSync(path.join(outDir, name), gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
  gz('houses.tsv.gz', [HOUSE_COLUMNS.join('\t'), ...houses.map(houseToTsv)].join('\n') + '\n');
  gz('organisations.json.gz', JSON.stringify(orgs));
  gz('districts.json.gz', JSON.stringify(districts));
  gz('common-stems.txt.gz', common.join('\n') + '\n');
  const byKind: Record<string, number> = {};
  for (const o of orgs) bump(byKind, `${o.source}:${o.kind}`);
  const manifest = {
    sources: [...SOURCES.map((s) => s.file), PETITIONS],
    rows: sortedObject(rows),
    houses: houses.length,
    housesByRegion: sortedObject(Object.fromEntries(['spb', 'lenoblast'].map((r) => [r, houses.filter((h) => h.region === r).length]))),
    organisations: orgs.length,
    registryOrganisations: groups.size,
    registrySpellings: spellingCounts.size,
    organisationsByKind: sortedObject(byKind),
    districts: districts.length,
    commonStems: common.length,
    skipped: sortedObject(skipped),
    notes: sortedObject(notes),
    relocated,
    streetOutliers,
    portal,
  };
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * Points: among duplicates of an address, the one agreeing with the neighbouring numbers; then a
 * point far from every neighbouring number (a geocoding error) moves to the neighbours' median.
 * Before the districts are assigned, so that they follow the corrected point.
 */
function fixPoints(raw: RawHouse[], pointsByAddress: Map<string, [number, number][]>, notes: Record<string, number>): Relocation[] {
  const alternatives = new Map<string, [number, number][]>();
  for (const r of raw) {
    const pts = (pointsByAddress.get(r.addressKey) ?? []).filter(([la, lo]) => la !== r.house.lat || lo !== r.house.lon);
    if (pts.length) alternatives.set(r.house.id, pts);
  }
  const houses = raw.map((r) => r.house);
  const byId = new Map(houses.map((h) => [h.id, h]));
  for (const [id, [lat, lon]] of choosePoints(houses, alternatives)) {
    const h = byId.get(id)!;
    h.lat = lat;
    h.lon = lon;
    bump(notes, `${h.region}:duplicate_point_chosen_by_neighbours`);
  }
  const moves = findOutliers(houses);
  for (const m of moves) {
    const h = byId.get(m.id)!;
    [h.lat, h.lon] = m.to;
    bump(notes, `${h.region}:coords_far_from_neighbours_moved`);
  }
  return moves;
}

/**
 * A house kilometres away from the rest of its compact street: moved between the numbers around it,
 * or its point dropped, keeping the district the street shares. After the districts, which it
 * reads; a moved city house takes the district of its new point.
 */
function fixStreetOutliers(houses: House[], districtOf: (lat: number, lon: number) => string | null, notes: Record<string, number>): StreetOutlier[] {
  const changes = findStreetOutliers(houses);
  const byId = new Map(houses.map((h) => [h.id, h]));
  for (const c of changes) {
    const h = byId.get(c.id)!;
    if (c.to) {
      [h.lat, h.lon] = c.to;
      if (h.region === 'spb') h.district = districtOf(h.lat, h.lon);
      bump(notes, `${h.region}:coords_far_from_street_moved`);
    } else {
      h.lat = h.lon = null;
      if (h.region === 'spb') h.district = c.district;
      bump(notes, `${h.region}:coords_far_from_street_set_null`);
    }
  }
  return changes;
}

/**
 * The portal's buildings: a registry house the portal also lists takes the portal's point (the
 * building itself, not a geocoder's guess) and id; a building the registry lacks on one of its
 * streets is added without a УК. Last, so that it overrides the corrections above. Every move of
 * more than 1 km is listed in the manifest.
 */
function joinPortal(houses: House[], rows: Record<string, string>[], common: string[], districtOf: (lat: number, lon: number) => string | null) {
  const buildings = portalBuildings(rows);
  const merge = mergePortal(houses, buildings, createResolver(houses, { commonStems: common }), districtOf);
  const byId = new Map(houses.map((h) => [h.id, h]));
  for (const l of merge.links) {
    const h = byId.get(l.houseId)!;
    [h.lat, h.lon] = l.to;
    h.portalId = l.portalId;
    h.district = districtOf(h.lat, h.lon);
  }
  for (const h of merge.added) {
    h.district = districtOf(h.lat!, h.lon!);
    houses.push(h);
  }
  const moved = (m: number) => merge.links.filter((l) => l.movedM !== null && l.movedM > m).length;
  return {
    buildings: buildings.length,
    linked: merge.links.length,
    added: merge.added.length,
    skipped: sortedObject(merge.skipped),
    linkedWithoutPoint: merge.links.filter((l) => l.movedM === null).length,
    movedOver100m: moved(100),
    movedOver1km: moved(1000),
    movesOver1km: merge.links.filter((l): l is PortalLink & { movedM: number } => l.movedM !== null && l.movedM > 1000),
  };
}

main();
