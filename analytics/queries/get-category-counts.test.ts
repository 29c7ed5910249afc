import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../tests/helpers/temp-store.js';
import { processedMention } from '../../tests/helpers/mention-factory.js';
import { toMentionRow } from '../rows/mention-row.js';
import { getCategoryCounts, totalsByCategory } from './get-category-counts.js';

const NOW = Date.parse('2026-01-15T12:00:30.000Z');
const at = (minAgo: number) => new Date(NOW - minAgo * 60_000).toISOString();
const HOUR = 3_600_000;

let t: TempStore;

beforeAll(async () => {
  t = await tempStore();
  const rows = [
    processedMention({ id: 'vk:1', ts: at(59), category: 'heating' }),
    processedMention({ id: 'vk:2', ts: at(58.9), category: 'heating' }),
    processedMention({ id: 'vk:3', ts: at(1), category: 'heating' }),
    processedMention({ id: 'vk:4', ts: at(1), category: 'elevator' }),
    processedMention({ id: 'vk:5', ts: at(2), category: 'irrelevant', relevant: false }),
    processedMention({ id: 'vk:6', ts: at(61), category: 'heating' }), // outside the hour
  ];
  await t.store.insert('mentions', rows.map(toMentionRow));
  // redelivered: counted once
  await t.store.insert('mentions', [toMentionRow(processedMention({ id: 'vk:3', ts: at(1), category: 'heating' }))]);
});

afterAll(async () => {
  await t?.cleanup();
});

describe('getCategoryCounts', () => {
  it('counts each mention once per category over the window', async () => {
    const rows = await getCategoryCounts(t.store, { sinceMs: NOW - HOUR });
    expect(totalsByCategory(rows)).toEqual({ heating: 3, elevator: 1, irrelevant: 1 });
    expect(rows[0]).toEqual({ category: 'heating', bucketStartMs: NOW - HOUR, count: 3 });
  });

  it('splits into buckets aligned to the bucket width', async () => {
    const rows = await getCategoryCounts(t.store, { sinceMs: NOW - HOUR, bucketMs: 60_000 });
    const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000) * 60_000;
    expect(rows).toContainEqual({ category: 'heating', bucketStartMs: minute(at(59)), count: 2 });
    expect(rows).toContainEqual({ category: 'heating', bucketStartMs: minute(at(1)), count: 1 });
    expect(rows).toContainEqual({ category: 'elevator', bucketStartMs: minute(at(1)), count: 1 });
    expect(totalsByCategory(rows)).toEqual({ heating: 3, elevator: 1, irrelevant: 1 });
    // ordered by bucket
    const starts = rows.map((r) => r.bucketStartMs);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('moves with the window start', async () => {
    const rows = await getCategoryCounts(t.store, { sinceMs: NOW - 2 * 60_000 - 1 });
    expect(totalsByCategory(rows)).toEqual({ heating: 1, elevator: 1, irrelevant: 1 });
  });
});
