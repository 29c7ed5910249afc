// The packaged registry as the system loads it at run time.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry, type Registry } from '../../analytics/registry/load.js';
import { groupOrganisations, organisationKey } from '../../analytics/registry/organisations.js';
import { geocodeJson } from '../../analytics/registry/cli.js';

let reg: Registry;
beforeAll(async () => {
  reg = await loadRegistry();
});

// Hand-verified: real spellings from the SPb registry and the company each one is.
const SAMPLE: [string, string][] = [
  ['ООО "ЖКС №2 Центрального района"', 'zks2-central'],
  ['ООО  " ЖКС №2 Центрального района "', 'zks2-central'],
  ['ООО "ЖКС №3 Центрального района"', 'zks3-central'],
  ['ООО "Жилкомсервис №3 Центрального района"', 'zks3-central'],
  ['"ЖКС №1 Адмиралтейского района"', 'zks1-admiralty'],
  ['ЖКС №1 Адмиралтейского района', 'zks1-admiralty'],
  ['ООО "Жилкомсервис №2 Адмиралтейского района"', 'zks2-admiralty'],
  ['ООО "ЖКС Адмиралтейского района"', 'zks-admiralty'],
  ['ЖКС №3 Калининского района', 'zks3-kalinin'],
  ['ООО "ЖКС№1 Невского района"', 'zks1-nevsky'],
  ['ООО «ЖКС №2 Невского района»', 'zks2-nevsky'],
  ['ООО ЖКС №2 Пушкинский район', 'zks2-pushkin'],
  ['ООО "ЖКС № 2 Приморского района"', 'zks2-primorsky'],
  ['ООО "ЖКС №1 Приморского района"', 'zks1-primorsky'],
  ['OOO "ЖКС № 2 Красногвардейского района"', 'zks2-krasnogv'],
  ['ООО "ЖКС №1 Красногвардейского района"', 'zks1-krasnogv'],
  ['ТСЖ "Каменный остров"', 'tsj-kamenny'],
  ['ТСЖ""Дача Шварца""', 'tsj-dacha'],
  ['ТСЖ «Радищева, 34»', 'tsj-radishcheva'],
  ['ООО "УК "МИР"', 'uk-mir'],
];

describe('packaged registry', () => {
  it('has both regions, 18 districts and organisations of every kind', () => {
    expect(reg.houses.filter((h) => h.region === 'spb').length).toBeGreaterThan(20_000);
    expect(reg.houses.filter((h) => h.region === 'lenoblast').length).toBeGreaterThan(15_000);
    expect(reg.districts).toHaveLength(18);
    const kinds = new Set(reg.orgs.map((o) => o.kind));
    for (const k of ['uk', 'hoa', 'district_admin', 'supplier']) expect(kinds).toContain(k);
    const suppliers = reg.orgs.filter((o) => o.kind === 'supplier');
    expect(suppliers.every((o) => o.source === 'configured')).toBe(true);
    expect(suppliers.map((o) => o.resource).sort()).toEqual(['electricity', 'gas', 'heat', 'water']);
  });

  it('normalises the hand-verified sample into the right number of organisations', () => {
    const groups = groupOrganisations(new Map(SAMPLE.map(([s]) => [s, 1])));
    expect(groups.size).toBe(new Set(SAMPLE.map(([, c]) => c)).size);
    for (const [a, ca] of SAMPLE) for (const [b, cb] of SAMPLE) expect(organisationKey(a) === organisationKey(b), `${a} vs ${b}`).toBe(ca === cb);
  });

  it('gives every spelling of «ЖКС №2 Центрального района» in the registry one organisation', () => {
    const orgs = reg.orgs.filter((o) => o.spellings.some((s) => /ЖКС\s*№\s*2\s+Центрального/i.test(s)));
    expect(orgs).toHaveLength(1);
    expect(reg.houses.filter((h) => h.orgId === orgs[0].id).length).toBe(orgs[0].houseCount);
  });

  it('reports distinct organisations well below distinct spellings, and keeps houses without a УК', () => {
    const registryOrgs = reg.orgs.filter((o) => o.source === 'registry');
    const spellings = registryOrgs.reduce((n, o) => n + o.spellings.length, 0);
    expect(registryOrgs.length).toBeLessThan(spellings);
    expect(registryOrgs.length).toBeGreaterThan(1_500);
    const noOrg = reg.houses.filter((h) => h.orgId === null).length;
    expect(noOrg / reg.houses.length).toBeGreaterThan(0.1);
    for (const h of reg.houses.slice(0, 2000)) if (h.orgId) expect(reg.org(h.orgId)).toBeDefined();
  });

  it('assigns districts by point in polygon, including the multi-part Красносельский', () => {
    expect(reg.districtOf(59.9343, 30.3351)).toBe('Центральный район'); // Невский пр.
    expect(reg.districtOf(59.7390, 30.0870)).toBe('Красносельский район'); // Красное Село
    expect(reg.districtOf(59.9900, 29.7700)).toBe('Кронштадт');
    expect(reg.districtOf(55.75, 37.62)).toBeNull();
    expect(reg.houses.filter((h) => h.district === 'Красносельский район').length).toBeGreaterThan(1000);
  });

  it('geocodes a text to a house with its organisation and district', () => {
    const out = JSON.parse(geocodeJson(reg, 'Косыгина д 31 к 3, мусор на лестнице'));
    expect(out.house.address).toBe('пр-кт. Косыгина, д. 31 к. 3');
    expect(out.district).toBe('Красногвардейский район');
    expect(out.districtAdministration.name).toContain('Красногвардейского района');
    expect(JSON.parse(geocodeJson(reg, '3 дня нет горячей воды')).house).toBeNull();
  });
});
