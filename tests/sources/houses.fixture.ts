// Hand-made Saint Petersburg houses for the demo generator's tests: a dense block on
// Просвещения (room for a boiler-house accident) and streets in two other districts.
import type { House } from '../../shared/types/registry.js';

interface StreetSpec {
  street: string;
  streetType: string;
  district: string;
  lat: number;
  lon: number;
  /** direction of the street, degrees of lat/lon per house number */
  dLat: number;
  dLon: number;
  numbers: string[];
}

const STREETS: StreetSpec[] = [
  { street: 'Просвещения', streetType: 'пр-кт', district: 'Выборгский район', lat: 60.0515, lon: 30.3325, dLat: 0.00002, dLon: 0.0004, numbers: ['72', '74 к. 1', '76', '78', '80 к. 1', '80 к. 2', '82', '84 к. 1', '85', '87 к. 1', '87 к. 2', '89'] },
  { street: 'Энгельса', streetType: 'пр-кт', district: 'Выборгский район', lat: 60.0490, lon: 30.3380, dLat: 0.0003, dLon: 0.00001, numbers: ['111 к. 1', '113', '115 к. 2', '117'] },
  { street: 'Гражданский', streetType: 'пр-кт', district: 'Калининский район', lat: 60.0130, lon: 30.3960, dLat: 0.0005, dLon: 0.0001, numbers: ['5 к. 2', '7', '9 к. 1', '11', '13', '15 к. 3', '17', '19', '21', '23 к. 1', '25', '27'] },
  { street: 'Типанова', streetType: 'ул', district: 'Московский район', lat: 59.8530, lon: 30.3300, dLat: 0.00001, dLon: 0.0005, numbers: ['3', '5', '7', '9', '11', '13', '15', '17', '19', '21', '23', '25', '27', '29'] },
  { street: 'Садовая', streetType: 'ул', district: 'Адмиралтейский район', lat: 59.9260, lon: 30.3070, dLat: -0.0002, dLon: -0.0004, numbers: ['12', '14/2', '18', '22', '26 лит. А', '30', '32', '36', '38', '40', '42', '44', '48', '50', '52', '54', '56', '58', '60', '62'] },
  { street: 'Невский', streetType: 'пр-кт', district: 'Центральный район', lat: 59.9320, lon: 30.3550, dLat: -0.00005, dLon: 0.0004, numbers: ['100', '102', '104', '106', '108', '110', '112', '114', '116', '118', '120', '122', '124', '126', '128', '130', '132', '134', '136', '138', '140', '142'] },
  { street: 'Фонтанки', streetType: 'наб', district: 'Центральный район', lat: 59.9290, lon: 30.3440, dLat: -0.0003, dLon: -0.0002, numbers: ['20', '22', '24', '26'] },
  { street: '2-я Березовая', streetType: 'аллея', district: 'Петроградский район', lat: 59.9806, lon: 30.2890, dLat: 0.0002, dLon: 0.0002, numbers: ['13/15 лит. А'] },
];

export function fixtureHouses(): House[] {
  const out: House[] = [];
  let id = 9_000_000;
  for (const s of STREETS) {
    s.numbers.forEach((number, i) => {
      out.push({
        id: `spb:${id++}`,
        region: 'spb',
        address: `${s.streetType}. ${s.street}, д. ${number}`,
        street: s.street,
        streetType: s.streetType,
        number,
        locality: 'Санкт-Петербург',
        lat: s.lat + s.dLat * i,
        lon: s.lon + s.dLon * i,
        district: s.district,
        orgId: null,
        year: 1970,
        floors: 9,
        apartments: 100 + ((i * 37) % 150),
        area: null,
      });
    });
  }
  return out;
}
