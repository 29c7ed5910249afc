// One registry CSV row → a house of the packaged registry (or the reason it was skipped).
import type { House } from '../../shared/types/registry.js';
import { formatNumber, parseRegistryNumber } from '../../analytics/address/house-number.js';
import { isMissing } from '../../analytics/registry/organisations.js';
import { parseRegistryAddress } from './reformagkh-address.js';
import { displayAddress } from '../../analytics/registry/format.js';

/** Saint Petersburg and Leningrad oblast with a margin; geocoding errors (SPb longitudes up to 85°E) fall outside. */
export const REGION_BBOX = { minLat: 58.4, maxLat: 61.8, minLon: 27.5, maxLon: 35.8 };

export interface RawHouse {
  house: House;
  /** registry spelling of the УК, null when missing */
  orgSpelling: string | null;
  /** key of the normalised address, for de-duplication */
  addressKey: string;
  /** how many attributes are filled: the richer of duplicates wins */
  richness: number;
  coordsDropped: boolean;
}

export type RowResult = { ok: RawHouse } | { skip: string };

function num(v: string | undefined, min: number, max: number): number | null {
  if (isMissing(v)) return null;
  const x = Number(String(v).replace(',', '.'));
  return Number.isFinite(x) && x >= min && x <= max ? x : null;
}

export function houseFromRow(row: Record<string, string>, region: 'spb' | 'lenoblast'): RowResult {
  const defaultLocality = region === 'spb' ? 'Санкт-Петербург' : '';
  const addr = parseRegistryAddress(row.ADDRESS ?? '', defaultLocality);
  if (!addr) return { skip: 'no_house_number' };
  if (!addr.locality) return { skip: 'no_locality' };
  const hn = parseRegistryNumber(addr.numberRaw);
  if (!hn) return { skip: 'unparsed_house_number' };
  if (hn.base > 1500 || hn.base === 0) return { skip: 'implausible_house_number' };
  const orgRaw = row.MGMT_COMPANY ?? '';
  if (/тестов/i.test(orgRaw)) return { skip: 'test_record' };
  let lat = num(row.LAT, -90, 90);
  let lon = num(row.LON, -180, 180);
  let coordsDropped = false;
  if (lat === null || lon === null || lat < REGION_BBOX.minLat || lat > REGION_BBOX.maxLat || lon < REGION_BBOX.minLon || lon > REGION_BBOX.maxLon) {
    coordsDropped = lat !== null || lon !== null;
    lat = null;
    lon = null;
  }
  const number = formatNumber(hn);
  const streetType = addr.streetType ? addr.streetType + '.' : '';
  const street = addr.street;
  const address = displayAddress(streetType, street, number, addr.locality);
  const house: House = {
    id: `${region}:${row.HOUSE_ID}`,
    region,
    address,
    street,
    streetType,
    number,
    locality: addr.locality,
    lat: lat === null ? null : Math.round(lat * 1e6) / 1e6,
    lon: lon === null ? null : Math.round(lon * 1e6) / 1e6,
    district: region === 'lenoblast' && addr.rayon ? `${addr.rayon} район Ленинградской области` : null,
    orgId: null,
    year: num(row.YEAR, 1700, 2030),
    floors: num(row.LEVELS_MAX, 1, 100),
    apartments: num(row.ROOM_COUNT_LIVE, 0, 5000) ?? num(row.ROOM_COUNT, 0, 5000),
    area: num(row.AREA, 1, 1_000_000),
  };
  const orgSpelling = isMissing(orgRaw) ? null : orgRaw;
  const richness = [house.year, house.floors, house.apartments, house.area, orgSpelling, house.lat].filter((v) => v !== null).length;
  const addressKey = [region, addr.locality, streetType, street.toLowerCase(), number.toLowerCase()].join('|');
  return { ok: { house, orgSpelling, addressKey, richness, coordsDropped } };
}
