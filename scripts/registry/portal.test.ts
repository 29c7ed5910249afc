// The portal's building list joined to the registry: which building is which house, which are
// new, and which namesakes and areas are left alone.
import { describe, expect, it } from 'vitest';
import type { House } from '../../shared/types/registry.js';
import { createResolver } from '../../analytics/address/resolver.js';
import { parsePortalAddress, portalBuildings, portalStreetKeys, registryStreetKey, streetKinds, streetNamedIn, type PortalBuilding } from './portal-buildings.js';
import { mergePortal } from './portal-merge.js';

let seq = 0;
function house(street: string, streetType: string, number: string, lat: number, lon: number, extra: Partial<House> = {}): House {
  return {
    id: `spb:${++seq}`, region: 'spb', address: `${streetType} ${street}, д. ${number}`, street, streetType, number, locality: 'Санкт-Петербург',
    lat, lon, district: 'Калининский район', orgId: 'org-1', year: 1970, floors: 9, apartments: 100, area: 5000, ...extra,
  };
}

describe('parsePortalAddress', () => {
  it('splits the settlement, the street part and the house', () => {
    const p = parsePortalAddress('г.Санкт-Петербург, Мебельная улица, дом 47, корпус 1, литера А')!;
    expect(p).toMatchObject({ locality: 'Санкт-Петербург', street: 'Мебельная улица', numberText: '47, корпус 1, литера А' });
    expect(p.number).toMatchObject({ base: 47, korpus: '1', litera: 'а' });
    const q = parsePortalAddress('посёлок Шушары, территория Пулковское, Переведенская улица, дом 4, корпус 2, строение 1')!;
    expect(q).toMatchObject({ locality: 'Шушары', street: 'Переведенская улица' });
    expect(q.number).toMatchObject({ base: 4, korpus: '2', stroenie: '1' });
    expect(parsePortalAddress('муниципальный округ Рыбацкое, территория Усть-Славянка, Советский проспект, дом 41')!.locality).toBeNull();
    expect(parsePortalAddress('г.Санкт-Петербург, Лесной проспект, дом 34-36, корпус 1')!.number).toMatchObject({ base: 34, dash: 36, korpus: '1' });
  });

  it('returns null without a street or a house', () => {
    expect(parsePortalAddress('г.Санкт-Петербург, Мебельная улица')).toBeNull();
    expect(parsePortalAddress('дом 5')).toBeNull();
    expect(parsePortalAddress('')).toBeNull();
  });
});

describe('street checks', () => {
  it('finds every word of the registry name in the portal street, ё and the qualifier aside', () => {
    expect(streetNamedIn('Королева', 'проспект Королёва')).toBe(true);
    expect(streetNamedIn('2-я Березовая', '2-я Берёзовая аллея')).toBe(true);
    expect(streetNamedIn('Березовая (Осиновая Роща)', 'Берёзовая аллея')).toBe(true);
    expect(streetNamedIn('Средняя Заречная', 'Заречная улица')).toBe(false);
  });

  it('keys the portal street and the registry street alike, one key per type word', () => {
    expect(portalStreetKeys('набережная Обводного канала')).toEqual(['наб|обводного канала', 'канал|набережная обводного']);
    expect(portalStreetKeys('набережная Обводного канала')).toContain(registryStreetKey('наб', 'Обводного канала'));
    expect(portalStreetKeys('Большой проспект П.С.')).toEqual([registryStreetKey('пр', 'Большой П.С.')]);
    expect(portalStreetKeys('2-я Берёзовая аллея')).toEqual([registryStreetKey('аллея', '2-я Березовая (Осиновая Роща)')]);
    expect(portalStreetKeys('Пулковское')).toEqual([]);
  });

  it('reads the type words of the portal street', () => {
    expect([...streetKinds('набережная Обводного канала')].sort()).toEqual(['канал', 'наб']);
    expect([...streetKinds('Кронверкский проспект')]).toEqual(['пр']);
    expect(streetKinds('Пулковское').size).toBe(0);
  });
});

describe('portalBuildings', () => {
  it('keeps one building per id with a point, in id order', () => {
    const rows = [
      { building_id: '20', full_address: 'г.Санкт-Петербург, улица А, дом 2', lat: '59.9', lon: '30.3' },
      { building_id: '3', full_address: 'г.Санкт-Петербург, улица Б, дом 1', lat: '59.8', lon: '30.2' },
      { building_id: '20', full_address: 'г.Санкт-Петербург, улица А, дом 2', lat: '59.9', lon: '30.3' },
      { building_id: '', full_address: '', lat: '59.9', lon: '30.3' },
      { building_id: '7', full_address: 'г.Санкт-Петербург, улица В, дом 1', lat: '', lon: '' },
    ];
    expect(portalBuildings(rows).map((b) => b.id)).toEqual(['3', '20']);
  });
});

describe('mergePortal', () => {
  // a street in Калининский район, houses every ~60 m
  const street = ['5', '7', '9 к. 1', '9 к. 2', '11', '13', '15'].map((n, i) => house('Тестовая', 'ул.', n, 60.0 + i * 0.0005, 30.4));
  // a namesake street of a suburb, 20 km away
  const suburb = ['1', '3', '5'].map((n, i) => house('Садовая', 'ул.', n, 59.72 + i * 0.0005, 30.41, { locality: 'Пушкин', district: 'Пушкинский район' }));
  const shushary = house('Пулковское', 'ш.', '31 лит. А', 59.786, 30.29, { locality: 'Шушары', district: 'Пушкинский район' });
  const houses = [...street, ...suburb, shushary];
  const resolver = createResolver(houses);
  const districtOf = (lat: number) => (lat > 59.9 ? 'Калининский район' : lat > 59.8 ? 'Приморский район' : 'Пушкинский район');
  const b = (id: string, address: string, lat: number, lon: number): PortalBuilding => ({ id, address, lat, lon });

  it('gives a registry house the portal point and id when they spell one building', () => {
    const m = mergePortal(houses, [
      b('101', 'г.Санкт-Петербург, Тестовая улица, дом 5, литера А', 60.0001, 30.4002),
      b('102', 'г.Санкт-Петербург, Тестовая улица, дом 9, корпус 2, литера А', 60.0016, 30.4001),
    ], resolver, districtOf);
    expect(m.links.map((l) => [l.houseId, l.portalId])).toEqual([[street[0].id, '101'], [street[3].id, '102']]);
    expect(m.links[0].to).toEqual([60.0001, 30.4002]);
    expect(m.links[0].movedM).toBeGreaterThan(5);
    expect(m.added).toEqual([]);
  });

  it('adds a building the registry lacks on its street, without a УК, and not another литера to the main house', () => {
    const m = mergePortal(houses, [
      b('201', 'г.Санкт-Петербург, Тестовая улица, дом 17, литера А', 60.0035, 30.4),
      b('202', 'г.Санкт-Петербург, Тестовая улица, дом 11, литера Б', 60.0021, 30.4003),
      b('203', 'г.Санкт-Петербург, Тестовая улица, дом 11, литера А', 60.002, 30.4),
    ], resolver, districtOf);
    expect(m.links.map((l) => [l.houseId, l.portalId])).toEqual([[street[4].id, '203']]);
    expect(m.added.map((h) => [h.id, h.number, h.street, h.locality, h.orgId, h.portalId])).toEqual([
      ['portal:201', '17 лит. А', 'Тестовая', 'Санкт-Петербург', null, '201'],
      ['portal:202', '11 лит. Б', 'Тестовая', 'Санкт-Петербург', null, '202'],
    ]);
  });

  it('joins a registry number without литеры to the only portal building of that address, whatever its литера', () => {
    const m = mergePortal(houses, [b('211', 'г.Санкт-Петербург, Тестовая улица, дом 9, корпус 2, литера Д', 60.0016, 30.4008)], resolver, districtOf);
    expect(m.links.map((l) => [l.houseId, l.portalId])).toEqual([[street[3].id, '211']]);
    expect(m.added).toEqual([]);
    // the registry names литера А: the portal's литера Б is another building
    const lettered = [house('Литерная', 'ул.', '4 лит. А', 60.01, 30.41)];
    const n = mergePortal(lettered, [b('212', 'г.Санкт-Петербург, Литерная улица, дом 4, литера Б', 60.0102, 30.4101)], createResolver(lettered), districtOf);
    expect(n.links).toEqual([]);
    expect(n.added.map((h) => h.number)).toEqual(['4 лит. Б']);
  });

  it('leaves areas, other settlements and namesake streets of other districts alone', () => {
    const m = mergePortal(houses, [
      // the area Пулковское of Шушары, not its Пулковское шоссе
      b('301', 'посёлок Шушары, Пулковское, дом 31, литера А', 59.76, 30.36),
      // the suburb's street named under the city's okrug, 20 km from it
      b('302', 'муниципальный округ Тестовый, территория Тестовая, Садовая улица, дом 3', 59.85, 30.2),
      // a settlement the registry does not know
      b('303', 'посёлок Неизвестный, Тестовая улица, дом 5', 60.0, 30.4),
      b('304', 'г.Санкт-Петербург, Тестовая улица', 60.0, 30.4),
    ], resolver, districtOf);
    expect(m.links).toEqual([]);
    expect(m.added).toEqual([]);
    expect(m.skipped).toEqual({ street_type_differs: 1, street_in_another_district: 1, settlement_not_in_registry: 1, no_street_or_number: 1 });
  });

  it('links one building once: a second portal id of the same house is skipped, not added twice', () => {
    const m = mergePortal(houses, [
      b('401', 'г.Санкт-Петербург, Тестовая улица, дом 13', 60.0025, 30.4),
      b('402', 'г.Санкт-Петербург, Тестовая улица, дом 13, литера А', 60.0026, 30.4),
    ], resolver, districtOf);
    expect(m.links.map((l) => l.portalId)).toEqual(['401']);
    expect(m.added).toEqual([]);
    expect(m.skipped).toEqual({ house_linked_to_another_building: 1 });
  });

  it("finds the city's street by its spelling when the city lacks the number and a suburb has it", () => {
    const city = [house('Ленина', 'ул.', '40', 59.96, 30.31), house('Ленина', 'ул.', '44', 59.9605, 30.311)];
    const far = house('Ленина', 'ул.', '50', 59.72, 30.42, { locality: 'Пушкин', district: 'Пушкинский район' });
    const all = [...city, far];
    const m = mergePortal(all, [b('601', 'г.Санкт-Петербург, улица Ленина, дом 50, литера А', 59.961, 30.312)], createResolver(all), () => 'Калининский район');
    expect(m.links).toEqual([]);
    expect(m.added.map((h) => [h.id, h.locality, h.number])).toEqual([['portal:601', 'Санкт-Петербург', '50 лит. А']]);
  });

  it('does not change the houses it is given', () => {
    const before = JSON.stringify(houses);
    mergePortal(houses, [b('501', 'г.Санкт-Петербург, Тестовая улица, дом 7', 60.0006, 30.4004)], resolver, districtOf);
    expect(JSON.stringify(houses)).toBe(before);
  });
});
