// Live relay: bus subjects → Socket.IO events. One table of routes; each route says
// which subject it listens to, which typed event it emits, how to turn a payload
// into an item and which rooms the item goes to. Batched routes buffer items and
// emit arrays at most every `batchMs` (perf-limits §1.6: never one event per mention).
import type { Bus } from '../../../shared/bus/bus.js';
import type { Logger } from '../../../shared/log/logger.js';
import { ROOMS, type LiveEventName } from '../../../shared/types/live-events.js';
import type { RelayRoute } from './relay-route.js';

export { route, type RelayRoute } from './relay-route.js';

/** Where the relay sends events: Socket.IO in production, a spy in tests. */
export type Emit = (rooms: string[], event: LiveEventName, payload: unknown) => void;

export interface Relay {
  /** items dropped because a batch overflowed `max` (browsers only show the latest ones) */
  readonly dropped: number;
  /** emit whatever is buffered now */
  flush(): void;
  /** unsubscribe from the bus and flush the buffers */
  stop(): void;
}

export function startRelay(opts: { bus: Pick<Bus, 'subscribe'>; emit: Emit; log: Logger; routes: readonly RelayRoute[] }): Relay {
  const { bus, emit, log } = opts;
  const routes = opts.routes;
  const batchers = new Map<RelayRoute, Batcher>();
  let dropped = 0;
  let lastWarnAt = 0;

  const unsubscribes = routes.map((r) => {
    const rooms = (item: unknown) => (r.rooms ? r.rooms(item as never) : [ROOMS.all]);
    let batcher: Batcher | undefined;
    if (r.batch) {
      batcher = new Batcher(r.batch.ms, r.batch.max, (items, lost) => {
        dropped += lost;
        if (lost && Date.now() - lastWarnAt > 10_000) {
          lastWarnAt = Date.now();
          // Expected in bursts and during the demo's backfill: browsers show the newest items
          // and read the rest from the database, so this is information, not a fault.
          log.info('live batch full: older items left to the database', { event: r.event, lost, droppedTotal: dropped });
        }
        emitGrouped(emit, r.event, items, rooms);
      });
      batchers.set(r, batcher);
    }
    return bus.subscribe(r.subject, (data) => {
      let item: unknown;
      try {
        item = r.toItem(data);
      } catch (err) {
        log.warn('live relay could not map a payload', { subject: r.subject, err });
        return;
      }
      if (item == null) return;
      if (batcher) batcher.push(item);
      else emit(rooms(item), r.event, item);
    });
  });

  return {
    get dropped() {
      return dropped;
    },
    flush() {
      for (const b of batchers.values()) b.flush();
    },
    stop() {
      for (const u of unsubscribes) u();
      for (const b of batchers.values()) b.flush();
    },
  };
}

/**
 * One emit per distinct room set, so a socket that sits in several rooms of the
 * same set gets each item once (Socket.IO de-duplicates sockets within one emit).
 */
function emitGrouped(emit: Emit, event: LiveEventName, items: unknown[], rooms: (item: unknown) => string[]) {
  const groups = new Map<string, { rooms: string[]; items: unknown[] }>();
  for (const item of items) {
    const rs = [...new Set(rooms(item))].sort();
    const key = rs.join('\u0000');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rooms: rs, items: [] }));
    g.items.push(item);
  }
  for (const g of groups.values()) emit(g.rooms, event, g.items);
}

/** Buffers items; the first item arms a timer, the timer emits everything buffered. */
class Batcher {
  private buf: unknown[] = [];
  private lost = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ms: number,
    private readonly max: number,
    private readonly out: (items: unknown[], lost: number) => void,
  ) {}

  push(item: unknown) {
    this.buf.push(item);
    if (this.buf.length > this.max) {
      // keep the newest: the feed shows only the latest items anyway
      this.buf.shift();
      this.lost++;
    }
    this.timer ??= setTimeout(() => this.flush(), this.ms);
  }

  flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buf.length === 0) return;
    const items = this.buf;
    const lost = this.lost;
    this.buf = [];
    this.lost = 0;
    this.out(items, lost);
  }
}
