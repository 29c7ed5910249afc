// Loads the packaged registry (assets/registry) at run time: houses, organisations,
// district polygons, the district index and the address resolver.
import { readFile } from 'node:fs/promises';
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
}

export const DEFAULT_REGISTRY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/registry');

async function gunzipText(file: string): Promise<string> {
  return gunzipSync(await readFile(file)).toString('utf8');
}

export async function loadRegistry(dir: string = DEFAULT_REGISTRY_DIR, options: ResolverOptions = {}): Promise<Registry> {
  const [housesTsv, orgsJson, districtsJson, commonTxt] = await Promise.all([
    gunzipText(path.join(dir, 'houses.tsv.gz')),
    gunzipText(path.join(dir, 'organisations.json.gz')),
    gunzipText(path.join(dir, 'districts.json.gz')),
    gunzipText(path.join(dir, 'common-stems.txt.gz')),
  ]);
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
  };
}
