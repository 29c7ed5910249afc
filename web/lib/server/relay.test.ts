import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../shared/log/logger.js';
import { SUBJECTS } from '../../../shared/types/subjects.js';
import type { FeedItem } from '../../../shared/types/live-events.js';
import { processedMention } from '../../../tests/helpers/mention-factory.js';
import { route, startRelay, type Emit } from './relay.js';
import { LIVE_ROUTES } from './live-routes.js';

/** A bus with only the fan-out half, enough for the relay. */
function fakeBus() {
  const handlers = new Map<string, Set<(d: unknown, s: string) => void>>();
  return {
    subscribe<T>(subject: string, h: (d: T, s: string) => void) {
      const set = handlers.get(subject) ?? new Set();
      handlers.set(subject, set);
      set.add(h as (d: unknown, s: string) => void);
      return () => set.delete(h as (d: unknown, s: string) => void);
    },
    publish(subject: string, data: unknown) {
      for (const h of handlers.get(subject) ?? []) h(data, subject);
    },
    count: (subject: string) => handlers.get(subject)?.size ?? 0,
  };
}

describe('live relay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('batches processed mentions into one `mentions` event per interval', () => {
    const bus = fakeBus();
    const emit = vi.fn<Emit>();
    const relay = startRelay({ bus, emit, log: silentLogger, routes: LIVE_ROUTES });
    bus.publish(SUBJECTS.processed, processedMention({ id: 'vk:1', organisation: null }));
    bus.publish(SUBJECTS.processed, processedMention({ id: 'vk:2', organisation: null }));
    expect(emit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(emit).toHaveBeenCalledTimes(1);
    const [rooms, event, items] = emit.mock.calls[0];
    expect(rooms).toEqual(['all']);
    expect(event).toBe('mentions');
    expect((items as FeedItem[]).map((i) => i.id)).toEqual(['vk:1', 'vk:2']);
    // nothing buffered → nothing emitted
    vi.advanceTimersByTime(1000);
    expect(emit).toHaveBeenCalledTimes(1);
    relay.stop();
  });

  it('sends each item once per distinct room set (organisation rooms beside the city feed)', () => {
    const bus = fakeBus();
    const emit = vi.fn<Emit>();
    startRelay({ bus, emit, log: silentLogger, routes: LIVE_ROUTES });
    bus.publish(SUBJECTS.processed, processedMention({ id: 'a', organisation: { id: '7', name: 'УК 7' } }));
    bus.publish(SUBJECTS.processed, processedMention({ id: 'b', organisation: null }));
    bus.publish(SUBJECTS.processed, processedMention({ id: 'c', organisation: { id: '7', name: 'УК 7' } }));
    vi.advanceTimersByTime(250);
    const calls = emit.mock.calls.map(([rooms, , items]) => [rooms, (items as FeedItem[]).map((i) => i.id)]);
    expect(calls).toEqual([
      [['all', 'org:7'], ['a', 'c']],
      [['all'], ['b']],
    ]);
  });

  it('keeps only the newest items when a batch overflows, and counts the rest', () => {
    const bus = fakeBus();
    const emit = vi.fn<Emit>();
    const relay = startRelay({
      bus,
      emit,
      log: silentLogger,
      routes: [
        route({ subject: 's', event: 'mentions', toItem: (d) => d as FeedItem, batch: { ms: 100, max: 3 } }),
      ],
    });
    for (let i = 0; i < 5; i++) bus.publish('s', { id: String(i) });
    vi.advanceTimersByTime(100);
    expect((emit.mock.calls[0][2] as FeedItem[]).map((i) => i.id)).toEqual(['2', '3', '4']);
    expect(relay.dropped).toBe(2);
  });

  it('skips payloads that are not mentions, and unsubscribes and flushes on stop', () => {
    const bus = fakeBus();
    const emit = vi.fn<Emit>();
    const relay = startRelay({ bus, emit, log: silentLogger, routes: LIVE_ROUTES });
    bus.publish(SUBJECTS.processed, { nonsense: true });
    bus.publish(SUBJECTS.processed, null);
    bus.publish(SUBJECTS.processed, processedMention({ id: 'x' }));
    expect(bus.count(SUBJECTS.processed)).toBe(1);
    relay.stop();
    expect(bus.count(SUBJECTS.processed)).toBe(0);
    expect(emit).toHaveBeenCalledTimes(1);
    expect((emit.mock.calls[0][2] as FeedItem[]).map((i) => i.id)).toEqual(['x']);
  });

  it('emits unbatched routes immediately', () => {
    const bus = fakeBus();
    const emit = vi.fn<Emit>();
    startRelay({
      bus,
      emit,
      log: silentLogger,
      routes: [route({ subject: 'alerts.hotspot', event: 'mentions', toItem: (d) => d as FeedItem, rooms: () => ['district:X'] })],
    });
    bus.publish('alerts.hotspot', { id: 'h1' });
    expect(emit).toHaveBeenCalledWith(['district:X'], 'mentions', { id: 'h1' });
  });
});
