// The bus contract, lifecycle and payloads: drain and restart, close, shared durables,
// bad JSON, raw consumers and pre-encoded JSON, live fan-out — on both buses (bus-harness.ts).
import { expect, it } from 'vitest';
import { JsonText, type Delivery } from '../../shared/bus/bus.js';
import { ACK_WAIT, RETRY, onBothBuses, sleep, waitFor } from './bus-harness.js';

onBothBuses((h) => {
  const { open, track, deadLetters, topic } = h;

  it('drain waits for in-flight handlers; after a restart acked messages stay acked and the rest arrive', async () => {
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
