// Importing the packaged registry into real chDB twice changes nothing the second time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../helpers/temp-store.js';
import { loadRegistry, type Registry } from '../../analytics/registry/load.js';
import { importRegistry } from '../../analytics/registry/import.js';

let ts: TempStore;
let reg: Registry;

beforeAll(async () => {
  ts = await tempStore();
  reg = await loadRegistry();
});
afterAll(async () => ts?.cleanup());

const snapshot = async () => {
  const [h] = await ts.store.query<Record<string, string>>(
    'SELECT count() AS n, countIf(org_id IS NULL) AS no_org, sum(cityHash64(id, address, ifNull(org_id, \'\'), ifNull(district, \'\'))) AS hash FROM houses',
  );
  const [o] = await ts.store.query<Record<string, string>>('SELECT count() AS n, sum(cityHash64(id, name, kind)) AS hash FROM organisations');
  const [d] = await ts.store.query<Record<string, string>>('SELECT count() AS n, sum(house_count) AS houses FROM districts');
  return { h, o, d };
};

describe('importRegistry on chDB', () => {
  it('imports houses, organisations and districts with nulls for missing values', async () => {
    const res = await importRegistry(ts.store, reg);
    expect(res.written).toBe(true);
    expect(res.houses).toBe(reg.houses.length);
    expect(Object.keys(res.skipped).length).toBeGreaterThan(0);
    // the report names the portal's buildings that joined no registry street, by reason
    expect(Object.keys(res.skipped).filter((k) => k.startsWith('portal:'))).toContain('portal:street_not_found');
    const s = await snapshot();
    expect(Number(s.h.n)).toBe(reg.houses.length);
    expect(Number(s.o.n)).toBe(reg.orgs.length);
    expect(Number(s.d.n)).toBe(18);
    // houses without a management company stay visibly without one
    expect(Number(s.h.no_org)).toBe(reg.houses.filter((h) => h.orgId === null).length);
    const [bad] = await ts.store.query<{ n: string }>("SELECT count() AS n FROM houses WHERE positionCaseInsensitive(number, 'заполнено') > 0 OR positionCaseInsensitive(address, 'заполнено') > 0");
    expect(Number(bad.n)).toBe(0);
    // the portal's building ids: on registry houses it also lists, and on its own houses, which have no УК
    const [p] = await ts.store.query<Record<string, string>>(
      "SELECT countIf(portal_id IS NOT NULL) AS linked, countIf(startsWith(id, 'portal:')) AS own, countIf(startsWith(id, 'portal:') AND (org_id IS NOT NULL OR portal_id IS NULL)) AS bad FROM houses",
    );
    expect(Number(p.linked)).toBe(reg.houses.filter((h) => h.portalId).length);
    expect(Number(p.own)).toBeGreaterThan(0);
    expect(Number(p.bad)).toBe(0);
    const [k] = await ts.store.query<{ n: string }>("SELECT count() AS n FROM organisations WHERE kind = 'district_admin'");
    expect(Number(k.n)).toBeGreaterThanOrEqual(18);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    const res = await importRegistry(ts.store, reg);
    expect(res.written).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('replaces an older build without duplicating or keeping stale rows', async () => {
    const before = await snapshot();
    await ts.store.insert('houses', [{ id: 'spb:stale', region: 'spb', address: 'x', street: 'x', street_type: 'ул.', number: '1', locality: 'x', lat: null, lon: null, district: null, org_id: null, year: null, floors: null, apartments: null, area: null, build: 'old' }]);
    const res = await importRegistry(ts.store, reg);
    expect(res.written).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});
