// Imports the packaged registry into the store (tables of migration 0010_registry).
// Idempotent: when the tables already hold this build, nothing is written.
import type { Store } from '../../shared/storage/store.js';
import { silentLogger, type Logger } from '../../shared/log/logger.js';
import type { Registry } from './load.js';

export interface ImportResult {
  houses: number;
  organisations: number;
  districts: number;
  /** reasons the build skipped registry rows, with counts; plus import-time skips */
  skipped: Record<string, number>;
  /** false when the store already held this build and nothing was written */
  written: boolean;
}

const BATCH = 10_000;
const TABLES = ['houses', 'organisations', 'districts'] as const;

async function insertBatched(store: Store, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += BATCH) await store.insert(table, rows.slice(i, i + BATCH));
}

async function holdsBuild(store: Store, table: string, build: string, expected: number): Promise<boolean> {
  const [r] = await store.query<{ n: string; stale: string }>(`SELECT count() AS n, countIf(build != {build:String}) AS stale FROM ${table} FINAL`, { build });
  return Number(r?.n ?? 0) === expected && Number(r?.stale ?? 0) === 0;
}

export async function importRegistry(store: Store, registry: Registry, log: Logger = silentLogger): Promise<ImportResult> {
  const build = registry.build;
  const skipped: Record<string, number> = { ...registry.skipped };
  const houseCount = new Map<string, number>();
  for (const h of registry.houses) if (h.district) houseCount.set(h.district, (houseCount.get(h.district) ?? 0) + 1);
  const counts = { houses: registry.houses.length, organisations: registry.orgs.length, districts: registry.districts.length };
  const expected = [counts.houses, counts.organisations, counts.districts];
  const same = await Promise.all(TABLES.map((t, i) => holdsBuild(store, t, build, expected[i])));
  if (same.every(Boolean)) {
    log.info('registry already imported', { build, ...counts });
    return { ...counts, skipped, written: false };
  }
  log.info('importing registry', { build, ...counts });
  await insertBatched(store, 'houses', registry.houses.map((h) => ({
    id: h.id, region: h.region, address: h.address, street: h.street, street_type: h.streetType, number: h.number,
    locality: h.locality, lat: h.lat, lon: h.lon, district: h.district, org_id: h.orgId, year: h.year, floors: h.floors,
    apartments: h.apartments, area: h.area, portal_id: h.portalId ?? null, build,
  })));
  await insertBatched(store, 'organisations', registry.orgs.map((o) => ({
    id: o.id, name: o.name, kind: o.kind, spellings: o.spellings, house_count: o.houseCount, district: o.district ?? null,
    source: o.source ?? 'registry', resource: o.resource ?? null, build,
  })));
  await insertBatched(store, 'districts', registry.districts.map((d) => ({ name: d.name, geometry: JSON.stringify(d.geometry), house_count: houseCount.get(d.name) ?? 0, build })));
  for (const t of TABLES) {
    // rows of an older build that this one no longer has
    await store.command(`ALTER TABLE ${t} DELETE WHERE build != {build:String} SETTINGS mutations_sync = 2`, { build });
    await store.command(`OPTIMIZE TABLE ${t} FINAL`);
  }
  return { ...counts, skipped, written: true };
}
