// Recent mentions of one (layer, area), oldest first, kept for the longest
// window only. Counting a window is a binary search; distinct houses and authors
// are only counted when the count alone already looks like a burst (rare).

export interface Entry {
  ts: number;
  id: string;
  houseId: string | null;
  author: string;
  lat: number | null;
  lon: number | null;
  district: string | null;
  street: string | null;
}

export class RecentWindow {
  private items: Entry[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  /** Append keeping ts order (late arrivals are inserted in place). */
  push(e: Entry): void {
    const items = this.items;
    if (items.length === this.head || items[items.length - 1].ts <= e.ts) {
      items.push(e);
      return;
    }
    let i = items.length;
    while (i > this.head && items[i - 1].ts > e.ts) i--;
    items.splice(i, 0, e);
  }

  /** Forget entries older than `minTs`. */
  prune(minTs: number): void {
    const items = this.items;
    while (this.head < items.length && items[this.head].ts < minTs) this.head++;
    if (this.head > 64 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the first entry with ts ≥ fromTs. */
  private lowerBound(fromTs: number): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid].ts < fromTs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  count(fromTs: number, toTs = Infinity): number {
    const a = this.lowerBound(fromTs);
    if (toTs === Infinity) return this.items.length - a;
    return this.lowerBound(toTs) - a;
  }

  *since(fromTs: number): Iterable<Entry> {
    for (let i = this.lowerBound(fromTs); i < this.items.length; i++) yield this.items[i];
  }
}

/** A resident writing again adds little evidence: at most this many mentions per author are counted. */
export const MAX_PER_AUTHOR = 2;

/**
 * Distinct houses and authors among entries, and the count with each author capped
 * at MAX_PER_AUTHOR. An empty author (phone, portal) counts as its own person.
 */
export interface Distinct {
  houses: Set<string>;
  authors: number;
  count: number;
}

export function distinct(entries: Iterable<Entry>): Distinct {
  const houses = new Set<string>();
  const perAuthor = new Map<string, number>();
  let count = 0;
  for (const e of entries) {
    if (e.houseId) houses.add(e.houseId);
    const a = e.author || `#${e.id}`;
    const n = (perAuthor.get(a) ?? 0) + 1;
    perAuthor.set(a, n);
    if (n <= MAX_PER_AUTHOR) count++;
  }
  return { houses, authors: perAuthor.size, count };
}
