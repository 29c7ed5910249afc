// What only the in-process bus decides by itself: its retention limit and dedupe window
// (on NATS those are stream settings, covered by the contract suite's defaults).
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryBus, type MemoryBus } from './memory-bus.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let bus: MemoryBus | undefined;
afterEach(async () => {
  await bus?.close();
});

describe('in-process bus limits', () => {
  it('never drops what a durable has not read; trims only what every durable passed, to maxMsgsPerStream', async () => {
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, error() {}, warn: (m: string) => void warnings.push(m), child: () => log };
    bus = createMemoryBus({ maxMsgsPerStream: 5, log });
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const slow: number[] = [];
    await bus.consume<{ i: number }>(
      'mentions.raw.*',
      'slow',
      async (m) => {
        await gate;
        slow.push(m.data.i);
      },
      { maxInFlight: 1 },
    );
    for (let i = 0; i < 8; i++) await bus.publish('mentions.raw.demo', { i });
    const late: number[] = [];
    await bus.consume<{ i: number }>('mentions.raw.*', 'late', (m) => void late.push(m.data.i));
    open();
    await sleep(50);
    // `slow` had taken message 0 and nothing else: 1..7 are kept for it, 0 could be trimmed.
    expect(late).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(slow).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(warnings.filter((w) => /retention/.test(w))).toHaveLength(0);
    // Once everyone has read everything, the log shrinks back to the limit.
    for (let i = 8; i < 20; i++) await bus.publish('mentions.raw.demo', { i });
    await sleep(20); // both durables read them all
    await bus.publish('mentions.raw.demo', { i: 20 }); // trimming happens on append
    const later: number[] = [];
    await bus.consume<{ i: number }>('mentions.raw.*', 'later', (m) => void later.push(m.data.i));
    await sleep(20);
    expect(later).toEqual([16, 17, 18, 19, 20]);
  });

  it('forgets a msgId after the dedupe window, and 0 turns de-duplication off', async () => {
    bus = createMemoryBus({ dedupeWindowMs: 60 });
    expect((await bus.publish('alerts.hotspot', {}, { msgId: 'a' })).duplicate).toBe(false);
    expect((await bus.publish('alerts.hotspot', {}, { msgId: 'a' })).duplicate).toBe(true);
    await sleep(100);
    expect((await bus.publish('alerts.hotspot', {}, { msgId: 'a' })).duplicate).toBe(false);
    await bus.close();
    bus = createMemoryBus({ dedupeWindowMs: 0 });
    expect((await bus.publish('alerts.hotspot', {}, { msgId: 'a' })).duplicate).toBe(false);
    expect((await bus.publish('alerts.hotspot', {}, { msgId: 'a' })).duplicate).toBe(false);
  });

  it('refuses a second consumer of the same durable on another subject', async () => {
    bus = createMemoryBus();
    await bus.consume('mentions.raw.*', 'worker', () => {});
    await expect(bus.consume('mentions.processed', 'worker', () => {})).rejects.toThrow(/already consumes/);
  });
});
