// The registry seen as a routing directory. Tolerates organisations given as an
// array or a Map, so routing does not depend on how the registry stores them.
// Streets are indexed by name (with and without their type) to the districts
// their houses lie in, so a complaint that names only a street still reaches
// its district.
import type { OrgKind } from '../../shared/types/taxonomy.js';
import type { DirectoryOrg, RoutingDirectory } from './routing.js';

interface RegistryLike {
  org(id: string): { id: string; name: string; kind: OrgKind } | undefined | null;
  orgs: Iterable<{ id: string; name: string; kind: OrgKind }> | Map<string, { id: string; name: string; kind: OrgKind }>;
  houses?: readonly { street: string; streetType: string; district: string | null; locality?: string }[];
}

const CITY = 'Санкт-Петербург';
const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/**
 * street (normalised, with and without type) → its district: the one its houses
 * lie in, or the one with at least 80 % of them (a long street that only touches
 * a neighbour); null when the street is split between districts or towns.
 * Streets of the city proper win over their namesakes elsewhere.
 */
export function streetDistricts(houses: RegistryLike['houses'] = []): Map<string, string | null> {
  const counts = new Map<string, Map<string, number>>();
  const add = (key: string, district: string) => {
    if (!key) return;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = new Map()));
    c.set(district, (c.get(district) ?? 0) + 1);
  };
  // A street of the city proper is meant over its namesakes in the oblast's towns
  // (residents of «Мой Кировский» write «Краснопутиловская», not the town's one).
  const cityKeys = new Set<string>();
  for (const h of houses) if (h.locality === CITY && h.district && h.street) cityKeys.add(norm(h.street));
  for (const h of houses) {
    if (!h.district || !h.street) continue;
    if (h.locality !== CITY && cityKeys.has(norm(h.street))) continue;
    add(norm(`${h.streetType} ${h.street}`), h.district);
    add(norm(h.street), h.district);
  }
  const out = new Map<string, string | null>();
  for (const [key, c] of counts) {
    let total = 0;
    let best: [string, number] = ['', 0];
    for (const [d, n] of c) {
      total += n;
      if (n > best[1]) best = [d, n];
    }
    out.set(key, best[1] >= 0.8 * total ? best[0] : null);
  }
  return out;
}

export function directoryFromRegistry(reg: RegistryLike): RoutingDirectory {
  const list: DirectoryOrg[] = (reg.orgs instanceof Map ? [...reg.orgs.values()] : [...reg.orgs]).map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  let streets: Map<string, string | null> | null = null;
  return {
    orgs: list,
    org: (id) => {
      const o = reg.org(id);
      return o ? { id: o.id, name: o.name, kind: o.kind } : undefined;
    },
    districtOfStreet(street) {
      streets ??= streetDistricts(reg.houses);
      return streets.get(norm(street)) ?? null;
    },
  };
}
