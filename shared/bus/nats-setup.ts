// Idempotent JetStream set-up: streams and durable pull consumers are created when
// missing and brought to the wanted settings when present, so any number of processes
// can start at once against the same server.
import { AckPolicy, DeliverPolicy, JetStreamApiError, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { StreamSpec } from './subjects-match.js';
import type { ResolvedConsumeOptions } from './handling.js';

const NOT_FOUND = new Set([10014, 10059]); // consumer not found, stream not found
const isNotFound = (e: unknown) => e instanceof JetStreamApiError && (NOT_FOUND.has(e.code) || e.status === 404);

export interface StreamLimits {
  dedupeWindowMs: number;
  maxAgeMs: number;
}

export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec, limits: StreamLimits): Promise<void> {
  // JetStream cannot turn de-duplication off (0 means its 2 min default); the bus then
  // simply publishes without message ids.
  const want = {
    subjects: spec.subjects,
    duplicate_window: nanos(limits.dedupeWindowMs > 0 ? limits.dedupeWindowMs : 120_000),
    max_age: nanos(limits.maxAgeMs),
  };
  const same = (c: { subjects?: string[]; duplicate_window?: number; max_age?: number }) =>
    JSON.stringify([...(c.subjects ?? [])].sort()) === JSON.stringify([...spec.subjects].sort()) &&
    c.duplicate_window === want.duplicate_window &&
    c.max_age === want.max_age;
  for (let attempt = 0; ; attempt++) {
    try {
      const info = await jsm.streams.info(spec.name);
      if (!same(info.config)) await jsm.streams.update(spec.name, want);
      return;
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    try {
      await jsm.streams.add({ name: spec.name, storage: StorageType.File, ...want });
      return;
    } catch (e) {
      // Another process created it between our info and add: go round and update it.
      if (attempt >= 2) throw e;
    }
  }
}

export function maxAckPending(o: ResolvedConsumeOptions): number {
  // Shared by every worker on the durable, so leave room for several of them.
  return Math.max(1000, o.maxInFlight * 4);
}

export async function ensureConsumer(jsm: JetStreamManager, stream: string, durable: string, filter: string, o: ResolvedConsumeOptions): Promise<void> {
  const update = {
    ack_wait: nanos(o.ackWaitMs),
    // One more than the handler budget: a message whose last try timed out comes back
    // once more so the bus can dead-letter it instead of leaving it silently stuck.
    max_deliver: o.maxDeliver + 1,
    max_ack_pending: maxAckPending(o),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const info = await jsm.consumers.info(stream, durable);
      const c = info.config;
      if (c.filter_subject !== filter) {
        throw new Error(`durable "${durable}" already consumes "${c.filter_subject}", not "${filter}"`);
      }
      if (c.ack_wait !== update.ack_wait || c.max_deliver !== update.max_deliver || c.max_ack_pending !== update.max_ack_pending) {
        await jsm.consumers.update(stream, durable, update);
      }
      return;
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    try {
      await jsm.consumers.add(stream, {
        durable_name: durable,
        filter_subject: filter,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ...update,
      });
      return;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
}
