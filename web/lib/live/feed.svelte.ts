// The live feed's state: the first snapshot from the server, then Socket.IO batches,
// and a catch-up from the database after every (re)connect.
import type { CategoryBucket, FeedItem } from '../../../shared/types/live-events.js';
import { BoundedSet, latestIngestedMs, matchesFilter, mergeFeed, type FeedFilter } from './feed-merge.js';
import { CategoryWindow } from './category-window.js';
import { connectLive, type LiveSocket } from './socket.js';

export interface FeedSnapshot {
  items: FeedItem[];
  buckets: CategoryBucket[];
  windowMs: number;
  bucketMs: number;
  /** set when the database could not be read; the page still goes live */
  error: string | null;
}

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

export const MAX_ITEMS = 200;
/** overlap with the previous cursor: rows of one batch insert may carry slightly older ingest times */
const CATCH_UP_OVERLAP_MS = 5_000;
const ANNOUNCE_EVERY_MS = 10_000;

export class FeedState {
  items = $state.raw<FeedItem[]>([]);
  counts = $state.raw<Record<string, number>>({});
  status = $state<ConnectionStatus>('connecting');
  filter = $state<FeedFilter>({ category: '', district: '', complaintsOnly: true });
  /** polite screen-reader summary of what arrived (throttled) */
  announcement = $state('');
  error = $state<string | null>(null);

  visible = $derived(this.items.filter((i) => matchesFilter(i, this.filter)));
  districts = $derived([...new Set(this.items.map((i) => i.district).filter((d): d is string => !!d))].sort((a, b) => a.localeCompare(b, 'ru')));

  /** ids that arrived live: their rows get a short highlight (not reactive on purpose) */
  readonly fresh = new Set<string>();

  private seen = new BoundedSet<string>(5_000);
  private window: CategoryWindow;
  private cursorMs = 0;
  private socket: LiveSocket | undefined;
  private tick: ReturnType<typeof setInterval> | undefined;
  private pendingAnnounce = 0;
  private lastAnnounceAt = 0;

  constructor(snapshot: FeedSnapshot) {
    this.window = new CategoryWindow(snapshot.windowMs, snapshot.bucketMs);
    this.window.reset(snapshot.buckets);
    this.items = mergeFeed([], snapshot.items, MAX_ITEMS).items;
    for (const i of snapshot.items) this.seen.add(i.id);
    this.cursorMs = latestIngestedMs(snapshot.items);
    this.counts = this.window.totals();
    this.error = snapshot.error;
  }

  connect(): void {
    if (this.socket) return;
    const socket = connectLive();
    this.socket = socket;
    socket.on('connect', () => {
      this.status = 'online';
      void this.catchUp();
    });
    socket.on('disconnect', (reason) => {
      this.status = 'reconnecting';
      // the client does not retry by itself after a server-side disconnect
      if (reason === 'io server disconnect') setTimeout(() => this.socket?.connect(), 1_000);
    });
    socket.io.on('reconnect_attempt', () => (this.status = 'reconnecting'));
    socket.on('mentions', (batch) => this.receive(batch));
    // let expired minutes fall out of the hour window
    this.tick = setInterval(() => (this.counts = this.window.totals()), 15_000);
  }

  disconnect(): void {
    clearInterval(this.tick);
    this.socket?.disconnect();
    this.socket = undefined;
  }

  /** A live batch: new items go to the list, the counters and the announcement. */
  receive(batch: FeedItem[]): void {
    const fresh = batch.filter((i) => this.seen.add(i.id));
    if (fresh.length === 0) return;
    const now = Date.now();
    for (const i of fresh) {
      this.fresh.add(i.id);
      this.window.add(i.category, Date.parse(i.ts), now);
    }
    this.cursorMs = latestIngestedMs(fresh, this.cursorMs);
    this.items = mergeFeed(this.items, fresh, MAX_ITEMS).items;
    this.counts = this.window.totals(now);
    this.announce(fresh.filter((i) => matchesFilter(i, this.filter)).length, now);
    if (this.fresh.size > MAX_ITEMS * 2) this.pruneFresh();
  }

  /** Fetch what was stored while we were away; the server's counts replace ours. */
  async catchUp(): Promise<void> {
    const since = Math.max(0, this.cursorMs - CATCH_UP_OVERLAP_MS);
    try {
      const [mentions, counts] = await Promise.all([
        fetchJson<{ items: FeedItem[] }>(`/api/mentions?since=${since}&limit=500`),
        fetchJson<{ buckets: CategoryBucket[] }>(`/api/counts?windowMs=${this.window.windowMs}&bucketMs=${this.window.bucketMs}`),
      ]);
      const missed = mentions.items.filter((i) => this.seen.add(i.id));
      for (const i of missed) this.fresh.add(i.id);
      this.cursorMs = latestIngestedMs(mentions.items, this.cursorMs);
      this.items = mergeFeed(this.items, missed, MAX_ITEMS).items;
      this.window.reset(counts.buckets);
      this.counts = this.window.totals();
      this.error = null;
      if (missed.length) this.announce(missed.filter((i) => matchesFilter(i, this.filter)).length, Date.now());
    } catch {
      this.error = 'Не удалось догрузить пропущенные сообщения. Повторим при следующем подключении.';
    }
  }

  private announce(n: number, now: number) {
    this.pendingAnnounce += n;
    if (this.pendingAnnounce === 0 || now - this.lastAnnounceAt < ANNOUNCE_EVERY_MS) return;
    this.announcement = `Новых сообщений в ленте: ${this.pendingAnnounce}`;
    this.pendingAnnounce = 0;
    this.lastAnnounceAt = now;
  }

  private pruneFresh() {
    const keep = new Set(this.items.map((i) => i.id));
    for (const id of this.fresh) if (!keep.has(id)) this.fresh.delete(id);
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
