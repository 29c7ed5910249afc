// The bus contract, delivery: de-duplication, durables, acks, retries, dead letters,
// bounded in-flight — the same on the in-process bus and NATS JetStream (bus-harness.ts).
import { expect, it } from 'vitest';
import { PermanentError, RetryableError, type Delivery } from '../../shared/bus/bus.js';
import { ACK_WAIT, RETRY, onBothBuses, sleep, uid, waitFor } from './bus-harness.js';

onBothBuses((h) => {
  const { open, deadLetters, topic } = h;

  it('publishes with a msgId once: the second publish is a duplicate and the handler sees one', async () => {
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
    const adapter = h.adapter();
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
});
