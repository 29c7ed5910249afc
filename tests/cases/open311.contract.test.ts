// Open311 GeoReport v2 contract against our own server (connectors.md §5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCasesHarness, type CasesHarness } from './cases-harness.js';

let h: CasesHarness;
beforeAll(async () => {
  h = await startCasesHarness();
});
afterAll(async () => h?.stop());

const KEY = 'demo-dispatch-key';
const post = (fields: Record<string, string>) =>
  fetch(`${h.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
  });

describe('Open311 GeoReport v2', () => {
  it('lists services as a top-level array with string codes', async () => {
    const res = await fetch(`${h.url}/open311/v2/services.json`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { service_code: string; service_name: string; type: string }[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.find((s) => s.service_code === 'heating')).toMatchObject({ service_name: 'Отопление', type: 'realtime' });
  });

  it('accepts a request with a registry address, answers the id at once, and GET returns it routed with the deadline', async () => {
    const house = h.house(3);
    const res = await post({ api_key: KEY, service_code: 'cold_water', address_string: `${house.streetType} ${house.street}, д. ${house.number}`, address_id: house.id, description: 'Нет холодной воды во всём стояке' });
    expect(res.status).toBe(200);
    const [created] = (await res.json()) as { service_request_id: string; service_notice: string }[];
    expect(created.service_request_id).toMatch(/^r[0-9a-f]+$/);
    const one = await fetch(`${h.url}/open311/v2/requests/${created.service_request_id}.json`);
    expect(one.status).toBe(200);
    const [r] = (await one.json()) as Record<string, unknown>[];
    expect(r.service_request_id).toBe(created.service_request_id);
    expect(r.status).toBe('open');
    expect(r.agency_responsible).toBe(h.registry.org(house.orgId!)!.name);
    expect(r.address_id).toBe(house.id);
    expect(String(r.requested_datetime)).toMatch(/\+03:00$/);
    // cold water: 4 h to resolution
    expect(Date.parse(String(r.expected_datetime)) - Date.parse(String(r.requested_datetime))).toBe(4 * 3_600_000);
    expect(String(r.status_notes)).toContain('направлено');
    // the list finds it too, by id and by filters
    const list = (await (await fetch(`${h.url}/open311/v2/requests.json?service_code=cold_water&status=open`)).json()) as { service_request_id: string }[];
    expect(list.map((x) => x.service_request_id)).toContain(created.service_request_id);
    const closedOnly = (await (await fetch(`${h.url}/open311/v2/requests.json?status=closed`)).json()) as unknown[];
    expect(closedOnly).toEqual([]);
  });

  it('routes a request given by coordinates only to the nearest registry house', async () => {
    const house = h.house(5);
    const res = await post({ api_key: KEY, service_code: 'elevator', lat: String(house.lat), long: String(house.lon) });
    const [created] = (await res.json()) as { service_request_id: string }[];
    const [r] = (await (await fetch(`${h.url}/open311/v2/requests.json?service_request_id=${created.service_request_id}`)).json()) as Record<string, unknown>[];
    expect(r.address_id).toBeTruthy();
    expect(r.agency_responsible).toBeTruthy();
  });

  it('answers malformed requests with the standard\'s errors', async () => {
    const expectError = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { code: number; description: string }[];
      expect(Array.isArray(body)).toBe(true);
      expect(body[0].code).toBe(status);
      expect(body[0].description.length).toBeGreaterThan(5);
    };
    await expectError(await post({ api_key: 'wrong', service_code: 'heating', lat: '59.9', long: '30.3' }), 403);
    await expectError(await post({ service_code: 'heating', lat: '59.9', long: '30.3' }), 403);
    await expectError(await post({ api_key: KEY, service_code: 'no_such_service', lat: '59.9', long: '30.3' }), 404);
    await expectError(await post({ api_key: KEY, service_code: 'heating' }), 400);
    await expectError(await post({ api_key: KEY, service_code: 'heating', lat: 'abc', long: '30' }), 400);
    await expectError(await post({ api_key: KEY, service_code: 'heating', lat: '59.9', long: '30.3', description: 'x'.repeat(4001) }), 400);
    await expectError(await fetch(`${h.url}/open311/v2/requests/r000000.json`), 404);
    await expectError(await fetch(`${h.url}/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`), 400);
    await expectError(await fetch(`${h.url}/open311/v2/services.json?jurisdiction_id=elsewhere`), 404);
  });
});
