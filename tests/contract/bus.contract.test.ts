// One contract for the bus port, run against the in-process bus and NATS JetStream:
// the same handlers must see the same behaviour on both.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { JsonText, PermanentError, RetryableError, type Bus, type Delivery, type Subscription } from '../../shared/bus/bus.js';
import { createMemoryBus, type MemoryBus } from '../../shared/bus/memory-bus.js';
import { createNatsBus } from '../../shared/bus/nats-bus.js';
import type { DeadLetter } from '../../shared/types/subjects.js';
import { startNatsServer, type NatsServerHandle } from '../helpers/nats-server.js';

interface Adapter {
  open(): Promise<Bus>;
  /** a bus sharing durable state with `bus`: another connection on NATS, the same object in memory */
  peer(bus: Bus): Promise<Bus>;
  /** shut down as a process does and come back: NATS closes the connection and opens a new one */
  restart(bus: Bus, sub: Subscription): Promise<Bus>;
  /** store bytes that are not JSON, as a foreign publisher could */
  publishRaw(bus: Bus, subject: string, text: string): Promise<void>;
}

const ACK_WAIT = 2000;
const RETRY = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const uid = () => `${process.pid}x${Date.now().toString(36)}x${++n}`;

async function waitFor(cond: () => boolean, what: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function busContract(name: string, makeAdapter: () => Promise<Adapter | null>) {
  describe(`bus contract: ${name}`, () => {
    let adapter: Adapter | null = null;
    const opened: Bus[] = [];
    const open = async () => {
      const b = await adapter!.open();
      opened.push(b);
      return b;
    };
    const track = <B extends Bus>(b: B) => (opened.push(b), b);

    beforeAll(async () => {
      adapter = await makeAdapter();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((b) => b.close().catch(() => undefined)));
    });

    /** Dead letters about `subject`, read through a durable of their own. */
    async function deadLetters(bus: Bus, subject: string) {
      const items: DeadLetter[] = [];
      await bus.consume<DeadLetter>('deadletter', `dl-${uid()}`, (m) => {
        if (m.data.subject === subject) items.push(m.data);
      });
      return items;
    }

    const topic = () => ({ subject: `mentions.contract.${uid()}`, durable: `contract-${uid()}` });

    it('publishes with a msgId once: the second publish is a duplicate and the handler sees one', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const first = await bus.publish(subject, { n: 1 }, { msgId: 'same' });
      const second = await bus.publish(subject, { n: 1 }, { msgId: 'same' });
      const other = await bus.publish(subject, { n: 2 }, { msgId: 'other' });
      expect([first.duplicate, second.duplicate, other.duplicate]).toEqual([false, true, false]);
      const seen: Delivery<{ n: number }>[] = [];
      await bus.consume<{ n: number }>(subject, durable, (m) => void seen.push(m), { retryDelayMs: RETRY, ackWaitMs: ACK_WAIT });
      await waitFor(() => seen.length >= 2, 'two deliveries');
      await sleep(300);
      expect(seen.map((m) => [m.data.n, m.msgId])).toEqual([
        [1, 'same'],
        [2, 'other'],
      ]);
    });

    it('gives every durable every message, including those published before it existed', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject } = topic();
      const payload = { text: 'нет отопления', tags: ['a'] };
      await bus.publish(subject, payload);
      payload.tags.push('mutated after publish');
      const a: unknown[] = [];
      const b: unknown[] = [];
      await bus.consume<{ tags: string[] }>(subject, `a-${uid()}`, (m) => {
        m.data.tags.push('handler A was here');
        a.push(m.data);
      });
      await bus.consume(subject, `b-${uid()}`, (m) => void b.push(m.data));
      await waitFor(() => a.length === 1 && b.length === 1, 'both durables');
      // Payloads are copies: neither the publisher nor another handler can change what B sees.
      expect(b[0]).toEqual({ text: 'нет отопления', tags: ['a'] });
      await expect(bus.publish(subject, { big: 1n })).rejects.toThrow();
      await expect(bus.publish('nowhere.to.go', {})).rejects.toThrow(/stream/);
    });

    it('delivers to a wildcard durable only the subjects it matches', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject: base, durable } = topic();
      const seen: string[] = [];
      await bus.consume(`${base}.*`, durable, (m) => void seen.push(m.subject));
      for (const s of [`${base}.vk`, `${base}.vk.comments`, base, `${base}.tg`]) await bus.publish(s, {});
      await waitFor(() => seen.length >= 2, 'two matching subjects');
      await sleep(200);
      expect(seen).toEqual([`${base}.vk`, `${base}.tg`]);
    });

    it('acks a message whose handler returns: it is not delivered again', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const seen: Delivery[] = [];
      await bus.consume(subject, durable, (m) => void seen.push(m), { retryDelayMs: RETRY, ackWaitMs: 1000 });
      for (let i = 0; i < 3; i++) await bus.publish(subject, { i });
      await waitFor(() => seen.length >= 3, 'three deliveries');
      await sleep(1500); // past the retry delay and the ack wait
      expect(seen.map((m) => [m.data, m.deliveryCount])).toEqual([
        [{ i: 0 }, 1],
        [{ i: 1 }, 1],
        [{ i: 2 }, 1],
      ]);
    });

    it('redelivers after a RetryableError, after about the delay, with a growing deliveryCount', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const seen: { id: string; count: number; at: number }[] = [];
      await bus.consume<{ id: string; delayMs?: number }>(
        subject,
        durable,
        (m) => {
          seen.push({ id: m.data.id, count: m.deliveryCount, at: Date.now() });
          if (m.deliveryCount === 1) throw new RetryableError('store unavailable', m.data.delayMs);
        },
        { retryDelayMs: RETRY, ackWaitMs: ACK_WAIT },
      );
      await bus.publish(subject, { id: 'default' });
      await bus.publish(subject, { id: 'own', delayMs: 600 });
      await waitFor(() => seen.length >= 4, 'two redeliveries');
      await sleep(400);
      const of = (id: string) => seen.filter((s) => s.id === id);
      for (const id of ['default', 'own']) expect(of(id).map((s) => s.count)).toEqual([1, 2]);
      const gap = (id: string) => of(id)[1]!.at - of(id)[0]!.at;
      expect(gap('default')).toBeGreaterThanOrEqual(RETRY - 20);
      expect(gap('default')).toBeLessThan(ACK_WAIT);
      expect(gap('own')).toBeGreaterThanOrEqual(580);
    });

    it('dead-letters on a permanent error at once, with the reason and the original payload', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const dead = await deadLetters(bus, subject);
      const calls: string[] = [];
      await bus.consume<{ id: string }>(
        subject,
        durable,
        (m) => {
          calls.push(m.data.id);
          if (m.data.id === 'p') throw new PermanentError('no text in mention');
          if (m.data.id === 'e') throw new TypeError('cannot read text of undefined');
        },
        { retryDelayMs: RETRY, ackWaitMs: 1000 },
      );
      await bus.publish(subject, { id: 'p', text: 'Ёлка' });
      await bus.publish(subject, { id: 'e' });
      await bus.publish(subject, { id: 'ok' });
      await waitFor(() => dead.length >= 2, 'two dead letters');
      await sleep(1500);
      expect(calls.sort()).toEqual(['e', 'ok', 'p']);
      expect(dead.length).toBe(2);
      const p = dead.find((d) => JSON.parse(d.payload).id === 'p')!;
      expect(p).toMatchObject({ subject, reason: expect.stringContaining('no text in mention'), deliveries: 1 });
      expect(JSON.parse(p.payload)).toEqual({ id: 'p', text: 'Ёлка' });
      expect(Number.isNaN(Date.parse(p.at))).toBe(false);
      expect(dead.find((d) => JSON.parse(d.payload).id === 'e')!.reason).toMatch(/cannot read text/);
    });

    it('dead-letters a message that keeps failing after maxDeliver deliveries', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const dead = await deadLetters(bus, subject);
      const counts: number[] = [];
      await bus.consume(
        subject,
        durable,
        (m) => {
          counts.push(m.deliveryCount);
          throw new RetryableError('still down');
        },
        { maxDeliver: 3, retryDelayMs: 100, ackWaitMs: 1000 },
      );
      await bus.publish(subject, { id: 'doomed' });
      await waitFor(() => dead.length >= 1, 'dead letter');
      await sleep(1500);
      expect(counts).toEqual([1, 2, 3]);
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ subject, deliveries: 3, reason: expect.stringContaining('still down') });
      expect(JSON.parse(dead[0]!.payload)).toEqual({ id: 'doomed' });
    });

    it('keeps a handler that runs longer than the ack wait from being redelivered', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const counts: number[] = [];
      let finished = 0;
      await bus.consume(
        subject,
        durable,
        async (m) => {
          counts.push(m.deliveryCount);
          await sleep(2600);
          finished++;
        },
        { ackWaitMs: 1000, retryDelayMs: RETRY },
      );
      await bus.publish(subject, { slow: true });
      await waitFor(() => finished === 1, 'the slow handler');
      await sleep(1200);
      expect(counts).toEqual([1]);
    });

    it('never runs more than maxInFlight handlers at once', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      let now = 0;
      let max = 0;
      const done = new Set<number>();
      await Promise.all(Array.from({ length: 40 }, (_, i) => bus.publish(subject, { i })));
      await bus.consume<{ i: number }>(
        subject,
        durable,
        async (m) => {
          max = Math.max(max, ++now);
          await sleep(30);
          now--;
          done.add(m.data.i);
        },
        { maxInFlight: 4, ackWaitMs: ACK_WAIT },
      );
      await waitFor(() => done.size === 40, 'forty handled');
      expect(max).toBe(4);
    });

    it('drain waits for in-flight handlers; after a restart acked messages stay acked and the rest arrive', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      for (let i = 0; i < 6; i++) await bus.publish(subject, { id: `m${i}` });
      const started = new Set<string>();
      const finished = new Set<string>();
      const sub = await bus.consume<{ id: string }>(
        subject,
        durable,
        async (m) => {
          started.add(m.data.id);
          await sleep(300);
          finished.add(m.data.id);
        },
        { maxInFlight: 2, retryDelayMs: RETRY, ackWaitMs: ACK_WAIT },
      );
      await waitFor(() => started.size >= 2, 'two handlers running');
      const bus2 = track(await adapter.restart(bus, sub));
      // Everything that started has finished by the time drain/close resolves.
      expect([...finished].sort()).toEqual([...started].sort());
      expect(finished.size).toBeGreaterThanOrEqual(2);
      expect(finished.size).toBeLessThan(6);
      const again: string[] = [];
      await bus2.consume<{ id: string }>(subject, durable, (m) => void again.push(m.data.id), { retryDelayMs: RETRY, ackWaitMs: ACK_WAIT });
      const rest = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'].filter((id) => !finished.has(id));
      await waitFor(() => rest.every((id) => again.includes(id)), 'the unhandled messages after restart');
      await sleep(500);
      expect(again.filter((id) => finished.has(id))).toEqual([]);
    });

    it('close waits for in-flight handlers to complete', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      let started = 0;
      let finished = 0;
      await bus.consume(
        subject,
        durable,
        async () => {
          started++;
          await sleep(250);
          finished++;
        },
        { maxInFlight: 3, ackWaitMs: ACK_WAIT },
      );
      for (let i = 0; i < 3; i++) await bus.publish(subject, { i });
      await waitFor(() => started >= 1, 'a running handler');
      await bus.close();
      expect(finished).toBe(started);
      await expect(bus.publish(subject, {})).rejects.toThrow(/closed/);
    });

    it('shares a durable between consumers: each message handled once in total', async () => {
      if (!adapter) return;
      const bus = await open();
      const other = track(await adapter.peer(bus));
      const { subject, durable } = topic();
      const byConsumer: Record<string, string[]> = { a: [], b: [] };
      const handler = (who: 'a' | 'b') => async (m: Delivery<{ id: string }>) => {
        await sleep(10);
        byConsumer[who]!.push(m.data.id);
      };
      await bus.consume(subject, durable, handler('a'), { maxInFlight: 4, ackWaitMs: ACK_WAIT });
      await other.consume(subject, durable, handler('b'), { maxInFlight: 4, ackWaitMs: ACK_WAIT });
      await Promise.all(Array.from({ length: 60 }, (_, i) => bus.publish(subject, { id: `x${i}` })));
      await waitFor(() => byConsumer.a!.length + byConsumer.b!.length >= 60, 'sixty handled');
      await sleep(500);
      const all = [...byConsumer.a!, ...byConsumer.b!];
      expect(all).toHaveLength(60);
      expect(new Set(all).size).toBe(60);
      expect(byConsumer.a!.length).toBeGreaterThan(0);
      expect(byConsumer.b!.length).toBeGreaterThan(0);
    });

    it('dead-letters a payload that is not JSON and keeps consuming', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const dead = await deadLetters(bus, subject);
      const seen: unknown[] = [];
      await bus.consume(subject, durable, (m) => void seen.push(m.data), { retryDelayMs: RETRY, ackWaitMs: ACK_WAIT });
      await adapter.publishRaw(bus, subject, '{"id": "broken');
      await bus.publish(subject, { id: 'fine' });
      await waitFor(() => dead.length >= 1 && seen.length >= 1, 'dead letter and the next message');
      expect(seen).toEqual([{ id: 'fine' }]);
      expect(dead[0]).toMatchObject({ subject, reason: 'malformed JSON', payload: '{"id": "broken' });
    });

    it('hands raw consumers the payload text, and sends pre-encoded JSON as it is', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject, durable } = topic();
      const raw: unknown[] = [];
      const decoded: unknown[] = [];
      await bus.consume(subject, durable, (m) => void raw.push(m.data), { raw: true, ackWaitMs: ACK_WAIT });
      await bus.consume(subject, `${durable}-decoded`, (m) => void decoded.push(m.data), { ackWaitMs: ACK_WAIT, retryDelayMs: RETRY });
      await adapter.publishRaw(bus, subject, '{"id": "broken');
      await bus.publish(subject, new JsonText('{"id":"pre","n":[1,2]}'));
      await bus.publish(subject, { id: 'obj' });
      await waitFor(() => raw.length >= 3 && decoded.length >= 2, 'raw and decoded deliveries');
      await sleep(100);
      expect([...raw].sort()).toEqual(['{"id": "broken', '{"id":"obj"}', '{"id":"pre","n":[1,2]}']);
      expect(decoded).toEqual([{ id: 'pre', n: [1, 2] }, { id: 'obj' }]);
    });

    it('fans out to live subscribers without persistence', async () => {
      if (!adapter) return;
      const bus = await open();
      const { subject } = topic();
      const got: [unknown, string][] = [];
      const unsubscribe = bus.subscribe('mentions.contract.>', (data, s) => {
        if (s === subject) got.push([data, s]);
      });
      await sleep(50); // a core subscription reaches the server asynchronously
      await bus.publish(subject, { live: 1 });
      await waitFor(() => got.length >= 1, 'live message');
      unsubscribe();
      await sleep(50);
      await bus.publish(subject, { live: 2 });
      await sleep(200);
      expect(got).toEqual([[{ live: 1 }, subject]]);
    });
  });
}

busContract('in-process', async () => ({
  open: async () => createMemoryBus({ dedupeWindowMs: 60_000 }),
  peer: async (bus) => bus,
  restart: async (bus, sub) => {
    // The in-process bus lives as long as the process: a restart of its consumer is a drain.
    await sub.drain();
    return bus;
  },
  publishRaw: async (bus, subject, text) => (bus as MemoryBus).publishRaw(subject, text),
}));

let nats: NatsServerHandle | null = null;
afterAll(async () => {
  await nats?.stop();
});

busContract('NATS JetStream', async () => {
  nats = await startNatsServer();
  if (!nats) {
    console.warn('SKIP: nats-server is not installed (apt-get install -y nats-server); NATS bus contract not run');
    return null;
  }
  const url = nats.url;
  const open = () => createNatsBus({ url, dedupeWindowMs: 60_000 });
  return {
    open,
    peer: () => open(),
    restart: async (bus) => {
      await bus.close();
      return open();
    },
    publishRaw: async (_bus, subject, text) => {
      const nc = await connect({ servers: url });
      try {
        nc.publish(subject, new TextEncoder().encode(text));
        await nc.flush();
      } finally {
        await nc.close();
      }
    },
  };
});
