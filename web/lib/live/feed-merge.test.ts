import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../shared/types/live-events.js';
import { BoundedSet, latestIngestedMs, matchesFilter, mergeFeed } from './feed-merge.js';

const item = (id: string, ts: string, over: Partial<FeedItem> = {}): FeedItem =>
  ({ id, ts, ingestedAt: ts, category: 'heating', relevant: true, district: 'Приморский район', ...over }) as FeedItem;

describe('mergeFeed', () => {
  it('adds new items newest first and ignores ids already shown', () => {
    const current = [item('b', '2026-01-01T10:02:00Z'), item('a', '2026-01-01T10:01:00Z')];
    const { items, added } = mergeFeed(current, [item('c', '2026-01-01T10:03:00Z'), item('a', '2026-01-01T10:01:00Z')], 10);
    expect(items.map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(added.map((i) => i.id)).toEqual(['c']);
  });

  it('places a late item by its time and keeps the list bounded', () => {
    const current = [item('c', '2026-01-01T10:03:00Z'), item('a', '2026-01-01T10:01:00Z')];
    const { items } = mergeFeed(current, [item('b', '2026-01-01T10:02:00Z'), item('d', '2026-01-01T10:04:00Z')], 3);
    expect(items.map((i) => i.id)).toEqual(['d', 'c', 'b']);
  });

  it('returns the same array when nothing is new (no needless re-render)', () => {
    const current = [item('a', '2026-01-01T10:01:00Z')];
    expect(mergeFeed(current, [item('a', '2026-01-01T10:01:00Z')], 10).items).toBe(current);
  });

  it('de-duplicates within one incoming batch', () => {
    const { items, added } = mergeFeed([], [item('a', '2026-01-01T10:01:00Z'), item('a', '2026-01-01T10:01:00Z')], 10);
    expect(items).toHaveLength(1);
    expect(added).toHaveLength(1);
  });
});

describe('BoundedSet', () => {
  it('forgets the oldest ids past its capacity', () => {
    const s = new BoundedSet<string>(2);
    expect(s.add('a')).toBe(true);
    expect(s.add('a')).toBe(false);
    s.add('b');
    s.add('c');
    expect(s.has('a')).toBe(false);
    expect(s.has('c')).toBe(true);
    expect(s.size).toBe(2);
  });
});

describe('latestIngestedMs / matchesFilter', () => {
  it('finds the catch-up cursor', () => {
    expect(latestIngestedMs([item('a', '2026-01-01T10:01:00Z'), item('b', '2026-01-01T10:03:00Z')])).toBe(Date.parse('2026-01-01T10:03:00Z'));
    expect(latestIngestedMs([], 42)).toBe(42);
  });

  it('filters by category, district and complaints only', () => {
    const f = { category: '', district: '', complaintsOnly: true };
    expect(matchesFilter(item('a', 'x'), f)).toBe(true);
    expect(matchesFilter(item('a', 'x', { relevant: false, category: 'irrelevant' }), f)).toBe(false);
    expect(matchesFilter(item('a', 'x', { relevant: false, category: 'irrelevant' }), { ...f, complaintsOnly: false })).toBe(true);
    expect(matchesFilter(item('a', 'x'), { ...f, category: 'elevator' })).toBe(false);
    expect(matchesFilter(item('a', 'x'), { ...f, district: 'Московский район' })).toBe(false);
    expect(matchesFilter(item('a', 'x'), { ...f, district: 'Приморский район', category: 'heating' })).toBe(true);
  });
});
