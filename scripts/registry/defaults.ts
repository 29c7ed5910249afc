// Organisations the registry does not list but routing needs: district administrations
// (one per district, so a city-territory complaint always has a target) and the city's
// resource suppliers. These are configured defaults, marked source: 'configured'.
import type { OrganisationRecord } from '../../shared/types/registry.js';
import { organisationId } from '../../analytics/registry/organisations.js';

/** «Приморский район» → «Приморского района»; «Кронштадт» → «Кронштадтского района». */
export function districtGenitive(district: string): string {
  const base = district === 'Кронштадт' ? 'Кронштадтский район' : district;
  return base
    .split(' ')
    .map((w) => (w === 'район' ? 'района' : w.replace(/(ий|ый|ой)$/, 'ого')))
    .join(' ');
}

export function districtAdministration(district: string, region: 'spb' | 'lenoblast'): OrganisationRecord {
  const gen = districtGenitive(district.replace(/ Ленинградской области$/, ''));
  const name = region === 'spb' ? `Администрация ${gen} Санкт-Петербурга` : `Администрация ${gen.replace(/ района$/, ' муниципального района')} Ленинградской области`;
  return {
    id: organisationId(`администрация ${region} ${district}`.toLowerCase()),
    name,
    kind: 'district_admin',
    spellings: [name],
    houseCount: 0,
    district,
    source: 'configured',
    resource: null,
  };
}

const SUPPLIERS: { name: string; resource: 'heat' | 'water' | 'electricity' | 'gas' }[] = [
  { name: 'ГУП «ТЭК СПб»', resource: 'heat' },
  { name: 'ГУП «Водоканал Санкт-Петербурга»', resource: 'water' },
  { name: 'ПАО «Россети Ленэнерго»', resource: 'electricity' },
  { name: 'АО «Газпром газораспределение Санкт-Петербург»', resource: 'gas' },
];

export function configuredSuppliers(): OrganisationRecord[] {
  return SUPPLIERS.map((s) => ({
    id: organisationId(`supplier ${s.resource} ${s.name}`.toLowerCase()),
    name: s.name,
    kind: 'supplier',
    spellings: [s.name],
    houseCount: 0,
    district: null,
    source: 'configured',
    resource: s.resource,
  }));
}
