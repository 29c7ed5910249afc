// Joins the portal's buildings to the registry's houses. A building that is a registry house
// (same street, same building by number) gives that house the portal's point and id; a building
// the registry lacks on a street it has becomes a house of its own, without a УК (the portal
// does not say who manages it). Everything else is counted as skipped, by reason.
import type { House } from '../../shared/types/registry.js';
import type { Resolver } from '../../analytics/address/resolver.js';
import { fold } from '../../analytics/address/normalise.js';
import { registryKind } from '../../analytics/address/vocabulary.js';
import { formatNumber, parseRegistryNumber, sameBuilding, secondNumber, type HouseNumber } from '../../analytics/address/house-number.js';
import { displayAddress, PORTAL_HOUSE_PREFIX } from '../../analytics/registry/format.js';
import { distanceM } from '../../analytics/geo/geo.js';
import { parsePortalAddress, portalStreetKeys, registryStreetKey, streetKinds, streetNamedIn, type PortalAddress, type PortalBuilding } from './portal-buildings.js';

export interface PortalLink {
  houseId: string;
  portalId: string;
  /** the registry's point before, null when it had none */
  from: [number, number] | null;
  to: [number, number];
  /** metres between the two points, null when the registry had none */
  movedM: number | null;
}

export interface PortalMerge {
  links: PortalLink[];
  /** houses the registry lacks, ids "portal:<building id>" */
  added: House[];
  skipped: Record<string, number>;
}

interface Pending {
  building: PortalBuilding;
  parsed: PortalAddress;
  street: House[];
}

/** A building farther than this from every house of a registry street in another district is on a namesake street. */
const NAMESAKE_M = 1500;

const DEFAULT_LOCALITY = 'Санкт-Петербург';

const key = (locality: string, type: string, name: string) => `${locality}|${type}|${name}`;

/** Pure apart from the resolver it is given; does not change `houses`. */
export function mergePortal(houses: readonly House[], buildings: readonly PortalBuilding[], resolver: Resolver, districtOf: (lat: number, lon: number) => string | null): PortalMerge {
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const index = indexStreets(houses);
  const numbers = new Map<House, HouseNumber | null>();
  const numberOf = (h: House) => {
    if (!numbers.has(h)) numbers.set(h, parseRegistryNumber(h.number));
    return numbers.get(h)!;
  };

  const pending: Pending[] = [];
  for (const b of buildings) {
    const parsed = parsePortalAddress(b.address);
    if (!parsed) {
      skip('no_street_or_number');
      continue;
    }
    const locality = parsed.locality === null ? undefined : index.localities.get(fold(parsed.locality));
    if (parsed.locality !== null && !locality) {
      skip('settlement_not_in_registry');
      continue;
    }
    const street = findStreet(index, resolver, parsed, locality);
    if (typeof street === 'string') {
      skip(street);
      continue;
    }
    // «муниципальный округ Горелово, …, Школьная улица» is not the city's Школьная улица of
    // Приморский район; a street along a district border is (its other houses stand close by)
    const district = districtOf(b.lat, b.lon);
    if (street.some((h) => h.district) && !street.some((h) => h.district === district) && !street.some((h) => dist(h, b) <= NAMESAKE_M)) skip('street_in_another_district');
    else pending.push({ building: b, parsed, street });
  }

  const links: PortalLink[] = [];
  const linked = new Set<string>();
  const link = (h: House, b: PortalBuilding) => {
    linked.add(h.id);
    const from: [number, number] | null = h.lat !== null && h.lon !== null ? [h.lat, h.lon] : null;
    links.push({ houseId: h.id, portalId: b.id, from, to: [b.lat, b.lon], movedM: from ? Math.round(distanceM(from[0], from[1], b.lat, b.lon)) : null });
  };
  const nearest = (list: House[], b: PortalBuilding) =>
    list.reduce((best, h) => (dist(h, b) < dist(best, b) ? h : best));

  // first every building spelled as a registry house, so that a looser match below cannot take its house
  const rest: Pending[] = [];
  for (const p of pending) {
    const same = p.street.filter((h) => !linked.has(h.id) && sameNumber(numberOf(h), p.parsed.number));
    if (same.length) link(nearest(same, p.building), p.building);
    else rest.push(p);
  }
  // how many of the portal's buildings share an address (all but the литера) on a street
  const perAddress = new Map<House[], Map<string, number>>();
  for (const p of pending) {
    const m = perAddress.get(p.street) ?? perAddress.set(p.street, new Map()).get(p.street)!;
    m.set(addressKey(p.parsed.number), (m.get(addressKey(p.parsed.number)) ?? 0) + 1);
  }
  const added: House[] = [];
  for (const p of rest) {
    // «44 к. 1 лит. А,Б,В» in the registry is one entry for the portal's «литера А», «литера Б» …
    const part = p.street.filter((h) => !linked.has(h.id) && containsBuilding(numberOf(h), p.parsed.number));
    // … and a registry «3 к. 2» without литеры is the portal's only building of that address,
    // «3 к. 2 лит. Д», when the main building's литера is not А (their points: median 12 m apart)
    const whole = p.street.filter((h) => !linked.has(h.id) && numberOf(h)?.litera === '' && sameAddress(numberOf(h), p.parsed.number));
    if (part.length) link(nearest(part, p.building), p.building);
    else if (p.street.some((h) => sameNumber(numberOf(h), p.parsed.number))) skip('house_linked_to_another_building');
    else if (whole.length === 1 && perAddress.get(p.street)!.get(addressKey(p.parsed.number)) === 1) link(whole[0], p.building);
    else added.push(portalHouse(p));
  }
  links.sort((a, b) => (a.houseId < b.houseId ? -1 : a.houseId > b.houseId ? 1 : 0));
  added.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { links, added, skipped };
}

interface StreetIndex {
  /** the city's streets (its suburbs included) by settlement, registry type and name */
  streets: Map<string, House[]>;
  /** the same by settlement, type kind and folded name; null when two streets fold to one key */
  byName: Map<string, House[] | null>;
  /** folded settlement name → the registry's spelling */
  localities: Map<string, string>;
}

/** The portal is the city's: only the city's houses take part. */
function indexStreets(houses: readonly House[]): StreetIndex {
  const streets = new Map<string, House[]>();
  const byName = new Map<string, House[] | null>();
  const localities = new Map<string, string>();
  for (const h of houses) {
    if (h.region !== 'spb') continue;
    localities.set(fold(h.locality), h.locality);
    const k = key(h.locality, h.streetType, h.street);
    const list = streets.get(k);
    if (list) {
      list.push(h);
      continue;
    }
    const street = [h];
    streets.set(k, street);
    const kind = registryKind(h.streetType);
    if (!kind) continue;
    const nk = `${h.locality}|${registryStreetKey(kind, h.street)}`;
    byName.set(nk, byName.has(nk) ? null : street);
  }
  return { streets, byName, localities };
}

/**
 * The street the portal spells, in its settlement (the city for its okrugs): by its name as
 * written; else the resolver's reading of it, when the name, the type and the settlement agree.
 * A string is the reason it was not found.
 */
function findStreet(index: StreetIndex, resolver: Resolver, parsed: PortalAddress, locality: string | undefined): House[] | string {
  for (const k of portalStreetKeys(parsed.street)) {
    const street = index.byName.get(`${locality ?? DEFAULT_LOCALITY}|${k}`);
    if (street) return street;
  }
  const r = resolver.resolve(`${parsed.street}, дом ${parsed.numberText}`, locality ? { locality } : undefined);
  if (!r.street) return 'street_not_found';
  if (!streetNamedIn(r.street.name, parsed.street)) return 'street_name_differs';
  // «посёлок Шушары, Пулковское, дом 31» is the area Пулковское, not Пулковское шоссе
  const kind = registryKind(r.street.type);
  if (!kind || !streetKinds(parsed.street).has(kind)) return 'street_type_differs';
  if (locality && r.street.locality !== locality) return 'street_in_another_settlement';
  return index.streets.get(key(r.street.locality, r.street.type, r.street.name)) ?? 'street_outside_city';
}

function sameNumber(reg: HouseNumber | null, portal: HouseNumber): boolean {
  return reg !== null && sameBuilding(reg, portal);
}

/** One address: the same building but for the литера. */
function sameAddress(reg: HouseNumber | null, portal: HouseNumber): boolean {
  return reg !== null && sameBuilding({ ...reg, litera: '' }, { ...portal, litera: '' });
}

function addressKey(n: HouseNumber): string {
  return [n.base, n.letter, secondNumber(n), n.stroenie].join('|');
}

function containsBuilding(reg: HouseNumber | null, portal: HouseNumber): boolean {
  return reg !== null && reg.litera.length > 1 && reg.litera.includes(portal.litera || 'а') && sameAddress(reg, portal);
}

function dist(h: House, b: PortalBuilding): number {
  return h.lat === null || h.lon === null ? Infinity : distanceM(h.lat, h.lon, b.lat, b.lon);
}

function portalHouse(p: Pending): House {
  const s = p.street[0];
  const number = formatNumber(p.parsed.number);
  return {
    id: PORTAL_HOUSE_PREFIX + p.building.id,
    region: 'spb',
    address: displayAddress(s.streetType, s.street, number, s.locality),
    street: s.street,
    streetType: s.streetType,
    number,
    locality: s.locality,
    lat: p.building.lat,
    lon: p.building.lon,
    district: null,
    orgId: null,
    year: null,
    floors: null,
    apartments: null,
    area: null,
    portalId: p.building.id,
  };
}
