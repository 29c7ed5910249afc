import { describe, expect, it } from 'vitest';
import { Open311Error, open311Services, parseCreateRequest, parseListFilter, toOpen311Request, withOffset } from './open311.js';
import { loadCasesConfig } from './load-config.js';

const known = (c: string) => c === 'heating' || c === 'roof';
const err = (fn: () => unknown): Open311Error => {
  try {
    fn();
  } catch (e) {
    return e as Open311Error;
  }
  throw new Error('expected an Open311Error');
};

describe('Open311 GeoReport v2 (pure parts)', () => {
  it('lists every category as a service with its deadline', () => {
    const s = open311Services(loadCasesConfig().deadlines);
    expect(s.find((x) => x.service_code === 'roof')?.description).toContain('1 сутки');
  });

  it('validates a new request with the standard\'s status codes', () => {
    expect(err(() => parseCreateRequest({ lat: '1', long: '2' }, known)).status).toBe(400);
    expect(err(() => parseCreateRequest({ service_code: 'x', lat: '1', long: '2' }, known)).status).toBe(404);
    expect(err(() => parseCreateRequest({ service_code: 'heating' }, known)).status).toBe(400);
    expect(err(() => parseCreateRequest({ service_code: 'heating', lat: '91', long: '2' }, known)).status).toBe(400);
    expect(err(() => parseCreateRequest({ service_code: 'heating', lat: '59' }, known)).status).toBe(400);
    expect(err(() => parseCreateRequest({ service_code: 'heating', address_id: 'h', description: 'я'.repeat(4001) }, known)).body()).toEqual([
      { code: 400, description: expect.stringContaining('4000') },
    ]);
    expect(parseCreateRequest({ service_code: 'heating', address_string: 'Невский 1', email: 'a@b.c' }, known)).toMatchObject({ serviceCode: 'heating', addressString: 'Невский 1', lat: null, contact: 'a@b.c' });
  });

  it('writes date-times with the region\'s offset and maps our states onto open/closed', () => {
    expect(withOffset('2026-11-10T21:30:00.000Z', 180)).toBe('2026-11-11T00:30:00+03:00');
    const base = { requestId: 'r1', category: 'heating', description: 'холодно', orgName: 'УК', requestedAt: '2026-11-10T08:00:00Z', updatedAt: '2026-11-10T09:00:00Z', resolutionDue: '2026-11-11T00:00:00Z', address: 'ул. А, д. 1', houseId: 'spb:1', lat: 1, lon: 2, mediaUrl: '', note: '', unroutable: false };
    expect(toOpen311Request({ ...base, state: 'accepted' }, 180)).toMatchObject({ status: 'open', status_notes: 'Статус: в работе', agency_responsible: 'УК', expected_datetime: '2026-11-11T03:00:00+03:00', service_request_id: 'r1' });
    expect(toOpen311Request({ ...base, state: 'resolved', note: 'Починили' }, 180)).toMatchObject({ status: 'closed', status_notes: 'Статус: решено, ждёт подтверждения. Починили' });
  });

  it('limits list queries to 90 days and checks status and paging', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const f = parseListFilter(new URLSearchParams(''), now);
    expect((f.end.getTime() - f.start.getTime()) / 86_400_000).toBe(90);
    expect(err(() => parseListFilter(new URLSearchParams('start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z'), now)).status).toBe(400);
    expect(err(() => parseListFilter(new URLSearchParams('status=pending'), now)).status).toBe(400);
    expect(err(() => parseListFilter(new URLSearchParams('page_size=0'), now)).status).toBe(400);
    expect(parseListFilter(new URLSearchParams('service_request_id=r1,r2&page=2&page_size=10'), now)).toMatchObject({ ids: ['r1', 'r2'], page: 2, pageSize: 10 });
  });
});
