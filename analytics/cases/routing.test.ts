import { describe, expect, it } from 'vitest';
import { routeCase, type DirectoryOrg, type RoutingDirectory, type RoutingTable } from './routing.js';
import { areaKey, findCaseToJoin, houseKey } from './matching.js';

const orgs: DirectoryOrg[] = [
  { id: 'org:uk1', name: 'ООО «ЖКС № 1 Приморского района»', kind: 'uk' },
  { id: 'org:adm', name: 'Администрация Приморского района', kind: 'district_admin' },
  { id: 'org:gas', name: 'АО «Петербурггаз»', kind: 'supplier' },
  { id: 'org:vk', name: 'ГУП «Водоканал Санкт-Петербурга»', kind: 'supplier' },
];
const dir: RoutingDirectory = { orgs, org: (id) => orgs.find((o) => o.id === id) };
const table: RoutingTable = {
  byCategory: { gas: 'supplier', roads: 'district_admin', cold_water: 'uk' },
  suppliers: { gas: 'Петербурггаз', cold_water: 'org:vk' },
  districtAdmins: {},
  overrides: [{ category: 'elevator', houseId: 'spb:9', orgId: 'org:vk', comment: 'лифты дома обслуживает подрядчик' }],
};
const input = { houseId: 'spb:1', district: 'Приморский район', houseOrgId: 'org:uk1' };

describe('routing', () => {
  it('sends house-level categories to the house\'s УК', () => {
    expect(routeCase({ ...input, category: 'heating' }, table, dir)).toMatchObject({ orgId: 'org:uk1', orgKind: 'uk' });
  });
  it('sends city territory to the district administration, matching declined names', () => {
    expect(routeCase({ ...input, category: 'roads' }, table, dir)).toMatchObject({ orgId: 'org:adm', orgKind: 'district_admin' });
  });
  it('sends supply outages to the supplier named in the table', () => {
    expect(routeCase({ ...input, category: 'gas' }, table, dir)).toMatchObject({ orgId: 'org:gas' });
  });
  it('honours a region\'s change of the table and house overrides', () => {
    const t2 = { ...table, byCategory: { ...table.byCategory, cold_water: 'supplier' as const } };
    expect(routeCase({ ...input, category: 'cold_water' }, t2, dir)).toMatchObject({ orgId: 'org:vk' });
    expect(routeCase({ ...input, houseId: 'spb:9', category: 'elevator' }, table, dir)).toMatchObject({ orgId: 'org:vk', reason: expect.stringContaining('подрядчик') });
  });
  it('returns no organisation, with a reason, when it cannot route', () => {
    expect(routeCase({ category: 'heating', houseId: null, district: null, houseOrgId: null }, table, dir)).toMatchObject({ orgId: null, reason: expect.stringContaining('дом не определён') });
    expect(routeCase({ ...input, district: 'Курортный район', category: 'roads' }, table, dir).orgId).toBeNull();
    expect(routeCase({ ...input, district: 'Курортный район', houseId: null, category: 'elevator' }, table, dir)).toMatchObject({ orgId: null, reason: expect.stringContaining('Курортный') });
  });
  it('falls back to the district administration when the house or its УК is unknown but the district is', () => {
    expect(routeCase({ ...input, houseId: null, houseOrgId: null, category: 'elevator' }, table, dir)).toMatchObject({ orgId: 'org:adm', reason: expect.stringContaining('дом не определён') });
    expect(routeCase({ ...input, houseOrgId: 'org:gone', category: 'heating' }, table, dir)).toMatchObject({ orgId: 'org:adm', reason: expect.stringContaining('нет управляющей') });
    expect(routeCase({ ...input, category: 'electricity' }, { ...table, byCategory: { electricity: 'supplier' } }, dir)).toMatchObject({ orgId: 'org:adm' });
  });
  it('finds the district of a street that lies in one district only', async () => {
    const { directoryFromRegistry } = await import('./registry-directory.js');
    const { withKnownDistrict } = await import('./intake.js');
    const houses = [
      ...Array(8).fill({ street: 'Савушкина', streetType: 'ул.', district: 'Приморский район', locality: 'Санкт-Петербург' }),
      { street: 'Савушкина', streetType: 'ул.', district: 'Выборгский район', locality: 'Санкт-Петербург' },
      ...Array(9).fill({ street: 'Савушкина', streetType: 'ул.', district: 'Всеволожский район', locality: 'Кудрово' }),
      { street: 'Садовая', streetType: 'ул.', district: 'Центральный район' },
      { street: 'Садовая', streetType: 'ул.', district: 'Адмиралтейский район' },
    ];
    const d = directoryFromRegistry({ orgs, org: dir.org, houses });
    expect(d.districtOfStreet!('ул. Савушкина')).toBe('Приморский район');
    expect(d.districtOfStreet!('савушкина')).toBe('Приморский район');
    expect(d.districtOfStreet!('ул. Садовая')).toBeNull();
    const m = { id: 'x', source: 'vk', channel: '', text: '', ts: '', url: '', address: 'ул. Савушкина, ', lat: null, lon: null, houseOrgId: null, category: 'roads', houseId: null, district: null, street: 'ул. Савушкина' };
    expect(withKnownDistrict(m, d).district).toBe('Приморский район');
    expect(routeCase({ ...withKnownDistrict(m, d), houseOrgId: null }, table, d)).toMatchObject({ orgId: 'org:adm' });
  });
});

describe('matching', () => {
  const open = [
    { id: 'c-old', houseId: 'spb:1', category: 'heating', areaKey: 'area:Приморский район:савушкина:heating', openedAt: '2026-11-01T00:00:00Z' },
    { id: 'c-new', houseId: 'spb:1', category: 'heating', areaKey: '', openedAt: '2026-11-02T00:00:00Z' },
    { id: 'c-lift', houseId: 'spb:1', category: 'elevator', areaKey: '', openedAt: '2026-11-01T00:00:00Z' },
  ];
  it('joins the oldest open case of the same house and category', () => {
    expect(findCaseToJoin({ category: 'heating', houseId: 'spb:1', district: 'Приморский район', street: 'Савушкина' }, open)?.id).toBe('c-old');
    expect(findCaseToJoin({ category: 'elevator', houseId: 'spb:1', district: null, street: null }, open)?.id).toBe('c-lift');
    expect(findCaseToJoin({ category: 'roof', houseId: 'spb:1', district: null, street: null }, open)).toBeNull();
  });
  it('joins a neighbour\'s outage case of the same street, but not for house-only categories', () => {
    expect(findCaseToJoin({ category: 'heating', houseId: 'spb:2', district: 'Приморский район', street: 'Савушкина' }, open)?.id).toBe('c-old');
    expect(areaKey({ category: 'elevator', houseId: 'spb:2', district: 'Приморский район', street: 'Савушкина' })).toBeNull();
    expect(houseKey({ category: 'roof', houseId: null, district: null, street: null })).toBeNull();
  });
});

describe('routing against the packaged registry', () => {
  it('finds the city district administration (not the oblast\'s namesake) and the shipped suppliers', async () => {
    const { loadRegistry } = await import('../registry/load.js');
    const { directoryFromRegistry } = await import('./registry-directory.js');
    const { loadCasesConfig } = await import('./load-config.js');
    const reg = await loadRegistry();
    const d = directoryFromRegistry(reg);
    const t = loadCasesConfig().routing;
    for (const district of reg.districts.map((x) => x.name)) {
      const r = routeCase({ category: 'roads', houseId: null, district, houseOrgId: null }, t, d);
      expect(r.orgId, district).not.toBeNull();
      expect((r as { orgName: string }).orgName, district).toMatch(/Санкт-Петербург|Кронштадт/);
      // «Петроградский» must not land at «Петродворцового»: the stem of the district is in the name
      expect((r as { orgName: string }).orgName.toLowerCase(), district).toContain(district.toLowerCase().split(' ')[0].slice(0, -2));
    }
    const oblast = routeCase({ category: 'roads', houseId: null, district: 'Выборгский район Ленинградской области', houseOrgId: null }, t, d);
    expect((oblast as { orgName: string }).orgName).toBe('Администрация Выборгского муниципального района Ленинградской области');
    expect(routeCase({ category: 'gas', houseId: 'x', district: null, houseOrgId: null }, t, d)).toMatchObject({ orgKind: 'supplier', orgName: expect.stringContaining('Газпром') });
    const house = reg.houses.find((h) => h.orgId && h.district)!;
    expect(routeCase({ category: 'heating', houseId: house.id, district: house.district, houseOrgId: house.orgId }, t, d)).toMatchObject({ orgId: house.orgId });
  });
});
