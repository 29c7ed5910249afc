// The packaged houses file: one TSV line per house; empty cell = null.
import type { House } from '../../shared/types/registry.js';

export const HOUSE_COLUMNS = ['id', 'region', 'locality', 'streetType', 'street', 'number', 'lat', 'lon', 'district', 'orgId', 'year', 'floors', 'apartments', 'area', 'portalId'] as const;

/** Id prefix of a house that only the portal's building list has (no УК, no attributes). */
export const PORTAL_HOUSE_PREFIX = 'portal:';

export const isPortalOnly = (h: Pick<House, 'id'>): boolean => h.id.startsWith(PORTAL_HOUSE_PREFIX);

const clean = (s: string) => s.replace(/[\t\n\r]/g, ' ');

export function houseToTsv(h: House): string {
  return HOUSE_COLUMNS.map((c) => {
    const v = h[c];
    return v === null || v === undefined ? '' : clean(String(v));
  }).join('\t');
}

export function displayAddress(streetType: string, street: string, number: string, locality: string): string {
  return street ? `${streetType} ${street}, д. ${number}` : `${locality}, д. ${number}`;
}

const numOrNull = (s: string) => (s === '' ? null : Number(s));

export function houseFromTsv(line: string): House {
  const f = line.split('\t');
  const [id, region, locality, streetType, street, number] = f;
  return {
    id,
    region: region as House['region'],
    address: displayAddress(streetType, street, number, locality),
    street,
    streetType,
    number,
    locality,
    lat: numOrNull(f[6]),
    lon: numOrNull(f[7]),
    district: f[8] || null,
    orgId: f[9] || null,
    year: numOrNull(f[10]),
    floors: numOrNull(f[11]),
    apartments: numOrNull(f[12]),
    area: numOrNull(f[13]),
    portalId: f[14] || null,
  };
}
