// The JetStream publisher against a real nats-server: stored once per message id, and
// every way of not being stored (no stream, a JetStream error, silence) is a rejection
// with a reason, never a hang and never a silent success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamPublisher, readPubAck } from '../../shared/bus/nats-publish.js';
import { startNatsServer, type NatsServerHandle } from '../helpers/nats-server.js';

const enc = (s: string) => new TextEncoder().encode(s);
const reply = (body: string, code?: number) => ({
  data: enc(body),
  headers: code === undefined ? undefined : ({ code } as never),
  string: () => body,
});

describe('readPubAck', () => {
  it('reads a stored and a duplicate acknowledgement', () => {
    expect(readPubAck('a', reply('{"stream":"S","seq":7}'))).toEqual({ stream: 'S', seq: 7, duplicate: false });
    expect(readPubAck('a', reply('{"stream":"S","seq":7,"duplicate":true}'))).toEqual({ stream: 'S', seq: 7, duplicate: true });
  });

  it('turns every other answer into an error that says why', () => {
    expect(String(readPubAck('a.b', reply('', 503)))).toMatch(/no JetStream stream answered for "a.b"/);
    expect(String(readPubAck('a', reply('{"error":{"code":503,"err_code":10077,"description":"maximum messages exceeded"}}')))).toMatch(
      /did not store.*maximum messages exceeded \(503\/10077\)/,
    );
    expect(String(readPubAck('a', reply('not json')))).toMatch(/unreadable/);
    expect(String(readPubAck('a', reply('{"seq":1}')))).toMatch(/invalid/);
  });
});

let server: NatsServerHandle | null = null;
let nc: NatsConnection;

beforeAll(async () => {
  server = await startNatsServer();
  if (!server) {
    console.warn('SKIP: nats-server is not installed (apt-get install -y nats-server); JetStream publisher not run');
    return;
  }
  nc = await connect({ servers: server.url });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: 'PUBTEST', subjects: ['pubtest.>'], duplicate_window: 60_000_000_000 });
  await jsm.streams.add({ name: 'TINY', subjects: ['tiny.>'], max_msgs: 1, discard: 'new' as never });
});

afterAll(async () => {
  await nc?.close();
  await server?.stop();
});

describe('jetstreamPublisher on nats-server', () => {
  it('is acknowledged once stored, and a repeated id is reported as a duplicate, not stored again', async (ctx) => {
    if (!server) return ctx.skip();
    const p = jetstreamPublisher(nc);
    const first = await p.publish('pubtest.a', enc('{"n":1}'), 'id-1');
    const again = await p.publish('pubtest.a', '{"n":1}', 'id-1');
    const other = await p.publish('pubtest.a', '{"n":2}', 'id-2');
    expect(first).toMatchObject({ stream: 'PUBTEST', duplicate: false });
    expect(again).toMatchObject({ stream: 'PUBTEST', seq: first.seq, duplicate: true });
    expect(other.seq).toBe(first.seq + 1);
    const info = await (await jetstreamManager(nc)).streams.info('PUBTEST');
    expect(info.state.messages).toBe(2);
    p.close();
  });

  it('settles many concurrent publishes, each with its own acknowledgement', async (ctx) => {
    if (!server) return ctx.skip();
    const p = jetstreamPublisher(nc);
    const acks = await Promise.all(Array.from({ length: 500 }, (_, i) => p.publish('pubtest.many', `{"i":${i}}`, `many-${i}`)));
    expect(new Set(acks.map((a) => a.seq)).size).toBe(500);
    p.close();
  });

  it('rejects when no stream holds the subject, when the stream refuses, and when nothing answers', async (ctx) => {
    if (!server) return ctx.skip();
    const p = jetstreamPublisher(nc, 300);
    // each error names the subject that was published to, not the reply inbox
    await expect(p.publish('nostream.x', '{}')).rejects.toThrow(/no JetStream stream answered for "nostream.x"/);
    await p.publish('tiny.a', '{}');
    await expect(p.publish('tiny.a', '{}')).rejects.toThrow(/did not store the message on "tiny.a"/);
    // a plain subscriber that never replies: only the timeout can end the wait
    const silent = nc.subscribe('silent.x');
    const t0 = Date.now();
    await expect(p.publish('silent.x', '{}')).rejects.toThrow(/no JetStream acknowledgement for "silent.x" within 300 ms/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    silent.unsubscribe();
    p.close();
  });

  it('rejects what is still waiting when closed', async (ctx) => {
    if (!server) return ctx.skip();
    const p = jetstreamPublisher(nc, 60_000);
    const silent = nc.subscribe('silent.y');
    const waiting = p.publish('silent.y', '{}');
    p.close();
    await expect(waiting).rejects.toThrow(/closed before JetStream acknowledged/);
    silent.unsubscribe();
  });
});
