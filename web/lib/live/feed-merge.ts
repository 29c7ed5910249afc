// Pure helpers of the live feed: merging batches without duplicates, a bounded
// memory of seen ids, and the catch-up cursor.
import type { FeedItem } from '../../../shared/types/live-events.js';

/** Newest first by the time the resident wrote it; ties by id so the order is stable. */
export function compareFeed(a: FeedItem, b: FeedItem): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Merge incoming items into the list: duplicates (by id) are ignored, the result is
 * sorted newest first and cut to `max`. `added` lists the items that were new,
 * whether or not they survived the cut.
 */
export function mergeFeed(current: readonly FeedItem[], incoming: readonly FeedItem[], max: number): { items: FeedItem[]; added: FeedItem[] } {
  const ids = new Set(current.map((i) => i.id));
  const added: FeedItem[] = [];
  for (const item of incoming) {
    if (ids.has(item.id)) continue;
    ids.add(item.id);
    added.push(item);
  }
  if (added.length === 0) return { items: current as FeedItem[], added };
  const items = [...added, ...current].sort(compareFeed).slice(0, max);
  return { items, added };
}

/** A set that forgets the oldest entries past `cap` (ids seen long ago cannot come back in a batch). */
export class BoundedSet<T> {
  private readonly set = new Set<T>();
  constructor(private readonly cap: number) {}

  has(x: T): boolean {
    return this.set.has(x);
  }

  /** true when x was not there before */
  add(x: T): boolean {
    if (this.set.has(x)) return false;
    this.set.add(x);
    if (this.set.size > this.cap) {
      const oldest = this.set.values().next().value as T;
      this.set.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.set.size;
  }
}

/** The latest `ingestedAt` of the items, in epoch ms (0 when none). */
export function latestIngestedMs(items: readonly FeedItem[], start = 0): number {
  let max = start;
  for (const i of items) {
    const t = Date.parse(i.ingestedAt);
    if (Number.isFinite(t) && t > max) max = t;
  }
  return max;
}

export interface FeedFilter {
  category: string;
  district: string;
  complaintsOnly: boolean;
}

export function matchesFilter(item: FeedItem, f: FeedFilter): boolean {
  if (f.complaintsOnly && (!item.relevant || item.category === 'irrelevant')) return false;
  if (f.category && item.category !== f.category) return false;
  if (f.district && item.district !== f.district) return false;
  return true;
}
