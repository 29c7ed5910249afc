// The registry seen as a routing directory. Tolerates organisations given as an
// array or a Map, so routing does not depend on how the registry stores them.
import type { OrgKind } from '../../shared/types/taxonomy.js';
import type { DirectoryOrg, RoutingDirectory } from './routing.js';

interface RegistryLike {
  org(id: string): { id: string; name: string; kind: OrgKind } | undefined | null;
  orgs: Iterable<{ id: string; name: string; kind: OrgKind }> | Map<string, { id: string; name: string; kind: OrgKind }>;
}

export function directoryFromRegistry(reg: RegistryLike): RoutingDirectory {
  const list: DirectoryOrg[] = (reg.orgs instanceof Map ? [...reg.orgs.values()] : [...reg.orgs]).map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  return {
    orgs: list,
    org: (id) => {
      const o = reg.org(id);
      return o ? { id: o.id, name: o.name, kind: o.kind } : undefined;
    },
  };
}
