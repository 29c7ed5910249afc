// The in-process bus (embedded mode). It keeps JetStream's promises so that handlers
// and tests behave the same as on NATS: streams with retention, de-duplication by id,
// durable consumers that start from the retained log and share work, redelivery with
// delay, dead letters, bounded in-flight. Payloads cross it as JSON text, exactly as
// on the wire, so nobody can share mutable objects through it.
import type { Bus, ConsumeOptions, Delivery, Handler, PublishOptions, PublishResult, Subscription } from './bus.js';
import { DEAD_LETTER_SUBJECT } from './bus.js';
import type { Logger } from '../log/logger.js';
import { silentLogger } from '../log/logger.js';
import { DEFAULT_STREAMS, assertFilterSubject, assertPublishSubject, covers, matcher, streamFor, type StreamSpec } from './subjects-match.js';
import { MemoryStream, type DurableCursor, type Pending } from './memory-stream.js';
import {
  DEFAULTS,
  MALFORMED_JSON,
  deadLetter,
  decodePayload,
  deliveryData,
  encodePayload,
  failureOutcome,
  resolveConsumeOptions,
  type ResolvedConsumeOptions,
} from './handling.js';

export interface MemoryBusOptions {
  /** 0 turns de-duplication off */
  dedupeWindowMs?: number;
  /** messages retained per stream (oldest dropped first) */
  maxMsgsPerStream?: number;
  streams?: readonly StreamSpec[];
  log?: Logger;
}

export interface MemoryBus extends Bus {
  readonly kind: 'memory';
  /** Test hook: store raw text as a payload, as a foreign publisher could on NATS. */
  publishRaw(subject: string, text: string): void;
}

interface Worker {
  handler: Handler<unknown>;
  opts: ResolvedConsumeOptions;
  inFlight: number;
  draining: boolean;
  idle: Array<() => void>;
}

interface DurableGroup {
  name: string;
  cursor: DurableCursor;
  workers: Worker[];
  rr: number;
}

export function createMemoryBus(opts: MemoryBusOptions = {}): MemoryBus {
  const log = opts.log ?? silentLogger;
  const specs = opts.streams ?? DEFAULT_STREAMS;
  const streams = new Map(
    specs.map((s) => [s.name, new MemoryStream(s, opts.maxMsgsPerStream ?? 100_000, opts.dedupeWindowMs ?? DEFAULTS.dedupeWindowMs)]),
  );
  const groups = new Map<string, DurableGroup>(); // `${stream}/${durable}`
  const listeners = new Set<{ matches: (subject: string) => boolean; fn: (data: unknown, subject: string) => void }>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const streamOf = (subject: string): MemoryStream => {
    const spec = streamFor(specs, subject);
    if (!spec) throw new Error(`no stream holds subject "${subject}" (streams: ${specs.map((s) => s.subjects.join(',')).join('; ')})`);
    return streams.get(spec.name)!;
  };
  // Publishing is the hot path and a bus sees few distinct subjects: check each once.
  const published = new Map<string, MemoryStream>();
  const publishStream = (subject: string): MemoryStream => {
    let stream = published.get(subject);
    if (!stream) {
      assertPublishSubject(subject);
      stream = streamOf(subject);
      if (published.size >= 10_000) published.clear();
      published.set(subject, stream);
    }
    return stream;
  };

  function store(subject: string, text: string, msgId?: string): boolean {
    if (closed) throw new Error('bus is closed');
    const stream = publishStream(subject);
    const msg = stream.append(subject, text, msgId, Date.now());
    if (!msg) return false;
    for (const l of listeners) {
      if (!l.matches(subject)) continue;
      queueMicrotask(() => {
        const decoded = decodePayload(text);
        if (!decoded.ok) return;
        try {
          l.fn(decoded.data, subject);
        } catch (err) {
          log.warn('live subscriber failed', { subject, err });
        }
      });
    }
    for (const g of groups.values()) if (g.cursor.matches(subject)) pump(g);
    return true;
  }

  function pump(g: DurableGroup) {
    for (;;) {
      const w = pickWorker(g);
      if (!w) return;
      const before = g.cursor.skipped;
      const p = g.cursor.next();
      if (g.cursor.skipped !== before) {
        log.warn('durable fell behind the retention limit; oldest messages dropped', { durable: g.name, skipped: g.cursor.skipped - before });
      }
      if (!p) return;
      void run(g, w, p);
    }
  }

  function pickWorker(g: DurableGroup): Worker | undefined {
    const n = g.workers.length;
    for (let i = 0; i < n; i++) {
      const w = g.workers[(g.rr + i) % n]!;
      if (!w.draining && w.inFlight < w.opts.maxInFlight) {
        g.rr = (g.rr + i + 1) % n;
        return w;
      }
    }
    return undefined;
  }

  async function run(g: DurableGroup, w: Worker, p: Pending) {
    w.inFlight++;
    p.deliveries++;
    const { msg } = p;
    try {
      // Never run a handler inside the publisher's call stack.
      await undefined;
      const decoded = deliveryData(msg.text, w.opts);
      if (!decoded.ok) return toDeadLetter(g, p, MALFORMED_JSON);
      const delivery: Delivery<unknown> = { subject: msg.subject, data: decoded.data, deliveryCount: p.deliveries, msgId: msg.msgId };
      try {
        await w.handler(delivery); // ack: nothing more to keep
      } catch (err) {
        const outcome = failureOutcome(err, p.deliveries, w.opts);
        if (outcome.kind === 'dead') return toDeadLetter(g, p, outcome.reason);
        if (closed) return;
        const t = setTimeout(() => {
          timers.delete(t);
          g.cursor.redeliver(p);
          pump(g);
        }, outcome.delayMs);
        timers.add(t);
      }
    } finally {
      w.inFlight--;
      if (w.inFlight === 0) for (const done of w.idle.splice(0)) done();
      if (!closed) pump(g);
    }
  }

  function toDeadLetter(g: DurableGroup, p: Pending, reason: string) {
    const { msg } = p;
    if (covers(DEAD_LETTER_SUBJECT, msg.subject)) {
      // Dead-lettering a dead letter would loop; say it loudly and drop it.
      log.error('dead letter could not be handled; dropped', { durable: g.name, reason });
      return;
    }
    log.warn('message dead-lettered', { subject: msg.subject, durable: g.name, reason, deliveries: p.deliveries });
    try {
      store(DEAD_LETTER_SUBJECT, JSON.stringify(deadLetter(msg.subject, msg.text, reason, p.deliveries)));
    } catch (err) {
      log.error('dead letter could not be stored; dropped', { subject: msg.subject, reason, err });
    }
  }

  const bus: MemoryBus = {
    kind: 'memory',

    async publish(subject: string, data: unknown, o: PublishOptions = {}): Promise<PublishResult> {
      const stored = store(subject, encodePayload(data), o.msgId);
      return { duplicate: !stored };
    },

    publishRaw(subject: string, text: string) {
      store(subject, text);
    },

    async consume<T>(subject: string, durable: string, handler: Handler<T>, o?: ConsumeOptions): Promise<Subscription> {
      if (closed) throw new Error('bus is closed');
      assertFilterSubject(subject);
      const stream = streamOf(subject);
      const key = `${stream.spec.name}/${durable}`;
      let g = groups.get(key);
      if (!g) {
        g = { name: durable, cursor: stream.durable(durable, subject), workers: [], rr: 0 };
        groups.set(key, g);
      } else if (g.cursor.filter !== subject) {
        throw new Error(`durable "${durable}" already consumes "${g.cursor.filter}", not "${subject}"`);
      }
      const w: Worker = { handler: handler as Handler<unknown>, opts: resolveConsumeOptions(o), inFlight: 0, draining: false, idle: [] };
      g.workers.push(w);
      const group = g;
      queueMicrotask(() => pump(group));
      return {
        drain: () => {
          w.draining = true;
          group.workers = group.workers.filter((x) => x !== w);
          if (w.inFlight === 0) return Promise.resolve();
          return new Promise<void>((resolve) => w.idle.push(resolve));
        },
      };
    },

    subscribe<T>(subject: string, fn: (data: T, subject: string) => void): () => void {
      assertFilterSubject(subject);
      const l = { matches: matcher(subject), fn: fn as (data: unknown, subject: string) => void };
      listeners.add(l);
      return () => void listeners.delete(l);
    },

    async close() {
      if (closed) return;
      const waits: Promise<void>[] = [];
      for (const g of groups.values()) {
        for (const w of g.workers) {
          w.draining = true;
          if (w.inFlight > 0) waits.push(new Promise<void>((resolve) => w.idle.push(resolve)));
        }
        g.workers = [];
      }
      await Promise.all(waits);
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      listeners.clear();
    },
  };
  return bus;
}
