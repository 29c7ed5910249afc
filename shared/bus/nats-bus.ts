// The bus on NATS JetStream (scaled-out mode): durable pull consumers shared by any
// number of workers, publish with message ids for de-duplication, core NATS for live
// fan-out. Handlers see exactly what they see on the in-process bus.
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { Bus, ConsumeOptions, Handler, PublishOptions, PublishResult, Subscription } from './bus.js';
import type { Logger } from '../log/logger.js';
import { silentLogger } from '../log/logger.js';
import { DEFAULT_STREAMS, assertFilterSubject, assertPublishSubject, streamFor, type StreamSpec } from './subjects-match.js';
import { DEFAULTS, decodePayload, encodePayload, resolveConsumeOptions } from './handling.js';
import { ensureConsumer, ensureStream } from './nats-setup.js';
import { startConsumer } from './nats-consumer.js';
import { jetstreamPublisher } from './nats-publish.js';

export interface NatsBusOptions {
  url: string;
  streams?: readonly StreamSpec[];
  log?: Logger;
  /** 0 = publish without message ids (no de-duplication) */
  dedupeWindowMs?: number;
  /** how long streams keep messages (default 7 days) */
  maxAgeMs?: number;
  /** connection name shown by the server's monitoring */
  name?: string;
}

export async function createNatsBus(opts: NatsBusOptions): Promise<Bus & { readonly kind: 'nats' }> {
  const log = opts.log ?? silentLogger;
  const specs = opts.streams ?? DEFAULT_STREAMS;
  const dedupeWindowMs = opts.dedupeWindowMs ?? DEFAULTS.dedupeWindowMs;
  // noAsyncTraces: the client would otherwise build Error objects (stack capture) for every
  // request it makes (pulls, stream and consumer management) for richer timeout traces.
  // Publishes do not go through its requests at all (nats-publish.ts).
  const nc = await connect({ servers: opts.url, name: opts.name ?? 'domovoy', maxReconnectAttempts: -1, noAsyncTraces: true });
  try {
    const jsm = await jetstreamManager(nc);
    for (const spec of specs) await ensureStream(jsm, spec, { dedupeWindowMs, maxAgeMs: opts.maxAgeMs ?? 7 * 24 * 3600_000 });
  } catch (err) {
    await nc.close();
    throw err;
  }
  const js = jetstream(nc);
  const publisher = jetstreamPublisher(nc);
  const subs = new Set<Subscription>();
  let closing: Promise<void> | undefined;
  let closed = false; // publishing stays open while consumers drain: handlers may still publish

  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect') log.warn(`nats ${s.type}`, { server: s.server });
    }
  })().catch(() => undefined);

  const streamOf = (subject: string): StreamSpec => {
    const spec = streamFor(specs, subject);
    if (!spec) throw new Error(`no stream holds subject "${subject}" (streams: ${specs.map((s) => s.subjects.join(',')).join('; ')})`);
    return spec;
  };

  return {
    kind: 'nats',

    async publish(subject: string, data: unknown, o: PublishOptions = {}): Promise<PublishResult> {
      if (closed) throw new Error('bus is closed');
      assertPublishSubject(subject);
      streamOf(subject);
      const ack = await publisher.publish(subject, encodePayload(data), dedupeWindowMs > 0 ? o.msgId : undefined);
      return { duplicate: ack.duplicate };
    },

    async consume<T>(subject: string, durable: string, handler: Handler<T>, co?: ConsumeOptions): Promise<Subscription> {
      if (closing) throw new Error('bus is closed');
      assertFilterSubject(subject);
      const stream = streamOf(subject).name;
      const o = resolveConsumeOptions(co);
      const jsm = await jetstreamManager(nc);
      await ensureConsumer(jsm, stream, durable, subject, o);
      const consumer = await js.consumers.get(stream, durable);
      const sub = await startConsumer({ nc, publisher, log }, consumer, durable, handler as Handler<unknown>, o);
      subs.add(sub);
      return {
        async drain() {
          await sub.drain();
          subs.delete(sub);
        },
      };
    },

    subscribe<T>(subject: string, fn: (data: T, subject: string) => void): () => void {
      assertFilterSubject(subject);
      const sub = nc.subscribe(subject, {
        callback: (err, msg) => {
          if (err) return log.warn('live subscription error', { subject, err });
          const decoded = decodePayload(msg.string());
          if (!decoded.ok) return;
          try {
            fn(decoded.data as T, msg.subject);
          } catch (e) {
            log.warn('live subscriber failed', { subject: msg.subject, err: e });
          }
        },
      });
      return () => {
        if (!nc.isClosed()) sub.unsubscribe();
      };
    },

    close() {
      closing ??= (async () => {
        await Promise.all([...subs].map((s) => s.drain()));
        subs.clear();
        closed = true;
        // acknowledgements still on their way arrive while the connection drains
        if (!nc.isClosed()) await nc.drain();
        publisher.close();
      })();
      return closing;
    },
  };
}
