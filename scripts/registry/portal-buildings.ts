// The «Наш Санкт-Петербург» portal's buildings: its own id, address and point for every building
// a petition was filed about. The portal places a building on the building itself and writes
// today's address, where the 2016 registry has a geocoder's guess and lacks newer houses.
// "г.Санкт-Петербург, Мебельная улица, дом 47, корпус 1, литера А"
// "посёлок Шушары, территория Пулковское, Переведенская улица, дом 6, литера Б"
import { fold } from '../../analytics/address/normalise.js';
import { parseRegistryNumber, type HouseNumber } from '../../analytics/address/house-number.js';
import { TEXT_TYPES, type StreetKind } from '../../analytics/address/vocabulary.js';

export interface PortalBuilding {
  /** the portal's building id */
  id: string;
  address: string;
  lat: number;
  lon: number;
}

export interface PortalAddress {
  /** the settlement the address names first, null for the city's municipal okrugs */
  locality: string | null;
  /** the part naming the street, as written: "Мебельная улица" */
  street: string;
  /** the house part as written after «дом»: "47, корпус 1, литера А" */
  numberText: string;
  number: HouseNumber;
}

/** Distinct buildings of the portal's petitions (`building_id, full_address, lat, lon`), by id. */
export function portalBuildings(rows: Iterable<Record<string, string>>): PortalBuilding[] {
  const byId = new Map<string, PortalBuilding>();
  for (const r of rows) {
    const id = (r.building_id ?? '').trim();
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (!/^\d+$/.test(id) || byId.has(id) || !r.lat || !r.lon || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    byId.set(id, { id, address: (r.full_address ?? '').trim(), lat, lon });
  }
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

const words = (s: string) => fold(s).split(/[^а-яa-z0-9]+/).filter(Boolean);
/** A registry name's words without its own qualifier («Березовая (Осиновая Роща)»). */
const nameWords = (name: string) => words(name.replace(/\(.*?\)/g, ' '));
const kindOf = (w: string): StreetKind | undefined => (w === 'остров' ? 'остров' : TEXT_TYPES.get(w));

const SETTLEMENT = /^(?:город|посёлок|поселок|г\.)\s*(.+)$/i;

/** Splits a portal address; null when it has no «дом N» or no street before it. */
export function parsePortalAddress(address: string): PortalAddress | null {
  const at = address.search(/,\s*дом\s+\d/);
  if (at < 0) return null;
  const head = address.slice(0, at).split(',').map((p) => p.trim()).filter(Boolean);
  const numberText = address.slice(at).replace(/^,\s*дом\s+/, '');
  if (head.length < 2) return null;
  const number = parseRegistryNumber(numberText.replace(/строение/g, 'стр.'));
  if (!number) return null;
  const settlement = SETTLEMENT.exec(head[0]);
  return { locality: settlement ? settlement[1].trim() : null, street: head[head.length - 1], numberText, number };
}

/** Every word of a registry street name starts a word of the portal's street part («Королева» in «проспект Королёва»). */
export function streetNamedIn(name: string, portalStreet: string): boolean {
  const portal = words(portalStreet);
  return nameWords(name).every((w) => portal.some((p) => p.startsWith(w)));
}

/** The street types the portal's street part names («набережная Обводного канала»: наб, канал). */
export function streetKinds(portalStreet: string): Set<StreetKind> {
  const kinds = new Set<StreetKind>();
  for (const w of fold(portalStreet).split(/[^а-я0-9-]+/)) {
    const k = kindOf(w);
    if (k) kinds.add(k);
  }
  return kinds;
}

/**
 * Keys of a portal street part, one per type word it has: the type and the other words, folded.
 * «набережная Обводного канала» → «наб|обводного канала», «канал|набережная обводного».
 */
export function portalStreetKeys(portalStreet: string): string[] {
  const ws = words(portalStreet);
  return [...streetKinds(portalStreet)].map((k) => `${k}|${ws.filter((w) => kindOf(w) !== k).join(' ')}`);
}

/** The same key of a registry street: its type and its name, folded, without the registry's own qualifier. */
export function registryStreetKey(kind: StreetKind, name: string): string {
  return `${kind}|${nameWords(name).join(' ')}`;
}
