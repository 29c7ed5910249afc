// Routing: who must act on a case. A table a region edits (config/routing.json):
// category → organisation kind, then overrides per district and per house.
// The house's УК (or ТСЖ) for house-level categories, the district
// administration for city territory, the resource supplier for supply outages.
// When the house or its УК is unknown, a case whose district is known goes to
// the district administration (it oversees the УК of its territory and can
// find the house), not to «не распределено»; only a complaint with no place at
// all stays there. Pure: the registry is reached through a small directory interface.
import { LABELS, type OrgKind } from '../../shared/types/taxonomy.js';

export interface RoutingOverride {
  category: string; // '*' = every category
  district?: string;
  houseId?: string;
  orgId: string;
  comment?: string;
}

export interface RoutingTable {
  /** category → organisation kind; missing categories use the taxonomy default */
  byCategory: Record<string, OrgKind>;
  /** category → supplier organisation id (ресурсоснабжающая организация) */
  suppliers: Record<string, string>;
  /** district name → district administration organisation id (when names do not match) */
  districtAdmins: Record<string, string>;
  /** city-wide organisation id for kind "city" */
  cityOrgId?: string;
  overrides: RoutingOverride[];
}

export interface DirectoryOrg {
  id: string;
  name: string;
  kind: OrgKind;
}

export interface RoutingDirectory {
  org(id: string): DirectoryOrg | undefined;
  orgs: readonly DirectoryOrg[];
  /** the one district a street (as «ул. Варшавская» or «Варшавская») lies in; null when unknown or in several */
  districtOfStreet?(street: string): string | null;
}

export interface RouteInput {
  category: string;
  houseId: string | null;
  district: string | null;
  /** the house's management organisation from the registry (the mention carries it) */
  houseOrgId: string | null;
}

export interface RouteDecision {
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  /** why, in Russian, for the timeline */
  reason: string;
}

export interface NoRoute {
  orgId: null;
  reason: string;
}

/** An organisation by registry id ("org:…") or by a part of its name (config files are edited by people). */
export function resolveOrgRef(dir: RoutingDirectory, ref: string, kind?: OrgKind): DirectoryOrg | undefined {
  const byId = dir.org(ref);
  if (byId) return byId;
  const needle = ref.toLowerCase().replace(/ё/g, 'е');
  return dir.orgs.find((o) => (!kind || o.kind === kind) && o.name.toLowerCase().replace(/ё/g, 'е').includes(needle));
}

export function kindFor(table: RoutingTable, category: string): OrgKind {
  return table.byCategory[category] ?? (LABELS as Record<string, { routeTo: OrgKind }>)[category]?.routeTo ?? 'district_admin';
}

/**
 * The first word of a district name without its adjective ending, declension-proof
 * and long enough to tell «Петроградский» from «Петродворцовый»:
 * «Приморский район» ~ «Администрация Приморского района».
 */
function districtStem(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').split(/\s+/)[0].replace(/(ий|ый|ой|ая|ое)$/, '');
}

export function findDistrictAdmin(table: RoutingTable, dir: RoutingDirectory, district: string): DirectoryOrg | undefined {
  const configured = table.districtAdmins[district];
  if (configured) return resolveOrgRef(dir, configured);
  const stem = districtStem(district);
  if (stem.length < 4) return undefined;
  const norm = (n: string) => n.toLowerCase().replace(/ё/g, 'е');
  const candidates = dir.orgs.filter((o) => o.kind === 'district_admin' && norm(o.name).includes(stem));
  // «Выборгский район» of the city is not «Выборгский муниципальный район» of the
  // oblast; the district name says which («… Ленинградской области»)
  const municipal = new RegExp(`${stem}\\S*\\s+муниципальн`);
  const oblast = /област/.test(norm(district)) || /муниципальн/.test(norm(district));
  return candidates.find((o) => municipal.test(norm(o.name)) === oblast) ?? candidates[0];
}

export function routeCase(input: RouteInput, table: RoutingTable, dir: RoutingDirectory): RouteDecision | NoRoute {
  const found = (o: DirectoryOrg | undefined, reason: string): RouteDecision | null =>
    o ? { orgId: o.id, orgName: o.name, orgKind: o.kind, reason } : null;

  // Most specific first: a house override beats a district override beats the table.
  const matches = (o: RoutingOverride) => o.category === '*' || o.category === input.category;
  const byHouse = input.houseId ? table.overrides.find((o) => o.houseId === input.houseId && matches(o)) : undefined;
  const byDistrict = input.district ? table.overrides.find((o) => !o.houseId && o.district === input.district && matches(o)) : undefined;
  for (const [o, where] of [[byHouse, 'для дома'], [byDistrict, 'для района']] as const) {
    if (!o) continue;
    const r = found(resolveOrgRef(dir, o.orgId), `правило маршрутизации ${where}${o.comment ? `: ${o.comment}` : ''}`);
    if (r) return r;
  }

  const kind = kindFor(table, input.category);
  const toDistrict = (why: string): RouteDecision | NoRoute => {
    if (!input.district) return { orgId: null, reason: `${why}; район тоже не определён — нужен адрес` };
    const r = found(findDistrictAdmin(table, dir, input.district), `${why} — направлено в администрацию района для уточнения`);
    return r ?? { orgId: null, reason: `${why}; нет администрации для района «${input.district}» в реестре` };
  };
  if (kind === 'uk' || kind === 'hoa') {
    if (!input.houseId) return toDistrict('дом не определён — нельзя найти управляющую организацию');
    const r = found(input.houseOrgId ? dir.org(input.houseOrgId) : undefined, 'управляющая организация дома по реестру');
    return r ?? toDistrict('в реестре у дома нет управляющей организации');
  }
  if (kind === 'supplier') {
    const id = table.suppliers[input.category];
    const r = found(id ? resolveOrgRef(dir, id, 'supplier') ?? resolveOrgRef(dir, id) : undefined, 'ресурсоснабжающая организация по категории');
    return r ?? toDistrict('в таблице маршрутизации нет поставщика для этой категории');
  }
  if (kind === 'city') {
    const r = found(table.cityOrgId ? resolveOrgRef(dir, table.cityOrgId) : undefined, 'городская служба');
    return r ?? toDistrict('городская служба не задана в таблице маршрутизации');
  }
  if (!input.district) return { orgId: null, reason: 'район не определён — нельзя найти администрацию района' };
  const r = found(findDistrictAdmin(table, dir, input.district), 'администрация района (городская территория)');
  return r ?? { orgId: null, reason: `нет администрации для района «${input.district}» в реестре` };
}
