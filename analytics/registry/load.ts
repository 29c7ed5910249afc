// Loads the packaged registry (assets/registry) at run time: houses, organisations,
// district polygons, the district index and the address resolver.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { District, House, OrganisationRecord } from '../../shared/types/registry.js';
import { createDistrictIndex } from '../geo/districts.js';
import { createResolver, type Resolver, type ResolverOptions } from '../address/resolver.js';
import { houseFromTsv } from './format.js';

export interface Registry {
  houses: House[];
  house(id: string): House | undefined;
  orgs: OrganisationRecord[];
  org(id: string): OrganisationRecord | undefined;
  districts: District[];
  districtOf(lat: number, lon: number): string | null;
  resolver: Resolver;
  /** content hash of the packaged files: the import uses it to skip an unchanged registry */
  build: string;
  /** what the build skipped and why (assets/registry/manifest.json): registry rows, and `portal:` buildings */
  skipped: Record<string, number>;
}

export const DEFAULT_REGISTRY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/registry');

const FILES = ['houses.tsv.gz', 'organisations.json.gz', 'districts.json.gz', 'common-stems.txt.gz'] as const;

export async function loadRegistry(dir: string = DEFAULT_REGISTRY_DIR, options: ResolverOptions = {}): Promise<Registry> {
  const [buffers, manifestText] = await Promise.all([Promise.all(FILES.map((f) => readFile(path.join(dir, f)))), readFile(path.join(dir, 'manifest.json'), 'utf8')]);
  const hash = createHash('sha1');
  for (const b of buffers) hash.update(b);
  const build = hash.digest('hex').slice(0, 16);
  const [housesTsv, orgsJson, districtsJson, commonTxt] = buffers.map((b) => gunzipSync(b).toString('utf8'));
  const manifest = JSON.parse(manifestText) as { skipped?: Record<string, number>; portal?: { skipped?: Record<string, number> } };
  // the registry's rows, and the portal's buildings that joined no street of it
  const skipped = { ...manifest.skipped, ...Object.fromEntries(Object.entries(manifest.portal?.skipped ?? {}).map(([k, v]) => [`portal:${k}`, v])) };
  const commonStems = commonTxt.split('\n').filter(Boolean);
  const lines = housesTsv.split('\n');
  const houses: House[] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i]) houses.push(houseFromTsv(lines[i]));
  const orgs = JSON.parse(orgsJson) as OrganisationRecord[];
  const districts = JSON.parse(districtsJson) as District[];
  const houseById = new Map(houses.map((h) => [h.id, h]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const index = createDistrictIndex(districts);
  return {
    houses,
    house: (id) => houseById.get(id),
    orgs,
    org: (id) => orgById.get(id),
    districts,
    districtOf: (lat, lon) => index.districtOf(lat, lon),
    resolver: createResolver(houses, { commonStems, ...options }),
    build,
    skipped,
  };
}
