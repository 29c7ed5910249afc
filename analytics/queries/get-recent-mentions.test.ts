import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../tests/helpers/temp-store.js';
import { processedMention } from '../../tests/helpers/mention-factory.js';
import { toMentionRow } from '../rows/mention-row.js';
import { getRecentMentions } from './get-recent-mentions.js';

const NOW = Date.parse('2026-01-15T12:00:00.000Z');
const at = (minAgo: number) => new Date(NOW - minAgo * 60_000).toISOString();

let t: TempStore;

beforeAll(async () => {
  t = await tempStore();
  const rows = [
    processedMention({ id: 'vk:1', ts: at(50), ingestedAt: at(49), category: 'heating', district: 'Приморский район' }),
    processedMention({ id: 'vk:2', ts: at(30), ingestedAt: at(29), category: 'elevator', district: 'Московский район' }),
    processedMention({ id: 'vk:3', ts: at(10), ingestedAt: at(9), category: 'heating', district: 'Московский район', organisation: null, houseId: null, address: null, lat: null, lon: null }),
    processedMention({ id: 'vk:4', ts: at(3 * 24 * 60), ingestedAt: at(3 * 24 * 60), category: 'roof' }),
    processedMention({ id: 'tg:5', ts: at(5), ingestedAt: at(1), category: 'irrelevant', relevant: false, district: null }),
  ];
  await t.store.insert('mentions', rows.map(toMentionRow));
  // a redelivery of vk:2, processed again later: must not show twice
  await t.store.insert('mentions', [toMentionRow(processedMention({ id: 'vk:2', ts: at(30), ingestedAt: at(8), category: 'elevator', district: 'Московский район' }))]);
});

afterAll(async () => {
  await t?.cleanup();
});

describe('getRecentMentions', () => {
  it('returns the newest first, each id once, with the fields the feed shows', async () => {
    const items = await getRecentMentions(t.store, { limit: 10, nowMs: NOW });
    expect(items.map((i) => i.id)).toEqual(['tg:5', 'vk:3', 'vk:2', 'vk:1', 'vk:4']);
    const vk1 = items.find((i) => i.id === 'vk:1')!;
    expect(vk1).toMatchObject({
      source: 'demo',
      category: 'heating',
      relevant: true,
      street: 'ул. Типанова',
      houseNumber: '5',
      addressRaw: 'Типанова 5',
      houseId: 'spb:1',
      orgId: 'org:1',
      orgName: 'ООО «Жилкомсервис № 1»',
      district: 'Приморский район',
      ts: at(50),
      ingestedAt: at(49),
    });
    expect(vk1.lat).toBeCloseTo(59.85);
    const vk3 = items.find((i) => i.id === 'vk:3')!;
    expect(vk3).toMatchObject({ orgId: null, orgName: null, houseId: null, lat: null, street: '' });
    expect(items.find((i) => i.id === 'tg:5')).toMatchObject({ relevant: false, district: null });
  });

  it('keeps the newest processing of a redelivered mention', async () => {
    const items = await getRecentMentions(t.store, { limit: 10, nowMs: NOW });
    expect(items.filter((i) => i.id === 'vk:2')).toHaveLength(1);
    expect(items.find((i) => i.id === 'vk:2')!.ingestedAt).toBe(at(8));
  });

  it('honours the limit, and looks past the recent span when it is not enough', async () => {
    expect((await getRecentMentions(t.store, { limit: 2, nowMs: NOW })).map((i) => i.id)).toEqual(['tg:5', 'vk:3']);
    // only 4 rows in the last day: the 3-day-old one comes from the fallback read
    const all = await getRecentMentions(t.store, { limit: 5, nowMs: NOW, lookbackMs: 86_400_000 });
    expect(all.map((i) => i.id)).toContain('vk:4');
  });

  it('filters by storage time for the catch-up (strictly after the cursor)', async () => {
    const items = await getRecentMentions(t.store, { limit: 10, since: Date.parse(at(9)) });
    expect(items.map((i) => i.id).sort()).toEqual(['tg:5', 'vk:2']);
    const fromDate = await getRecentMentions(t.store, { limit: 10, since: new Date(Date.parse(at(9)) - 1) });
    expect(fromDate.map((i) => i.id).sort()).toEqual(['tg:5', 'vk:2', 'vk:3']);
  });

  it('filters by category and district', async () => {
    const heating = await getRecentMentions(t.store, { limit: 10, category: 'heating', nowMs: NOW });
    expect(heating.map((i) => i.id)).toEqual(['vk:3', 'vk:1']);
    const moscow = await getRecentMentions(t.store, { limit: 10, district: 'Московский район', nowMs: NOW });
    expect(moscow.map((i) => i.id)).toEqual(['vk:3', 'vk:2', 'vk:4']);
    expect(await getRecentMentions(t.store, { limit: 10, category: "heating' OR 1=1 --", nowMs: NOW })).toEqual([]);
  });
});
