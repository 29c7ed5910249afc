// Pure rules both adapters apply around a handler: how payloads cross the bus and what a
// handler's outcome means (ack, retry later, dead letter). Keeping them here is what makes
// the in-process bus and NATS behave the same.
import { JsonText, RetryableError, type ConsumeOptions } from './bus.js';
import type { DeadLetter } from '../types/subjects.js';

export const DEFAULTS = {
  maxInFlight: 256,
  maxDeliver: 5,
  retryDelayMs: 1000,
  ackWaitMs: 30_000,
  dedupeWindowMs: 2 * 60_000,
} as const;

export type ResolvedConsumeOptions = Required<ConsumeOptions>;

export function resolveConsumeOptions(o: ConsumeOptions = {}): ResolvedConsumeOptions {
  const int = (v: number | undefined, d: number, min: number) => (v === undefined || !Number.isFinite(v) ? d : Math.max(min, Math.floor(v)));
  return {
    maxInFlight: int(o.maxInFlight, DEFAULTS.maxInFlight, 1),
    maxDeliver: int(o.maxDeliver, DEFAULTS.maxDeliver, 1),
    retryDelayMs: int(o.retryDelayMs, DEFAULTS.retryDelayMs, 0),
    // NATS refuses an ack wait under a second's worth of sanity; keep both adapters equal.
    ackWaitMs: int(o.ackWaitMs, DEFAULTS.ackWaitMs, 1000),
    raw: o.raw === true,
  };
}

/** JSON text of a payload; throws like NATS would for what JSON cannot carry. */
export function encodePayload(data: unknown): string {
  if (data instanceof JsonText) return data.text;
  const text = JSON.stringify(data);
  if (text === undefined) throw new TypeError(`payload is not JSON-serialisable (${typeof data})`);
  return text;
}

export const MALFORMED_JSON = 'malformed JSON';

/** What a handler receives as `data`: the parsed payload, or its text for raw consumers. */
export function deliveryData(text: string, o: ResolvedConsumeOptions): { ok: true; data: unknown } | { ok: false } {
  return o.raw ? { ok: true, data: text } : decodePayload(text);
}

/** The parsed payload, or not ok for text that is not JSON. */
export function decodePayload(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export type Outcome = { kind: 'retry'; delayMs: number } | { kind: 'dead'; reason: string };

/** What to do with a message whose handler threw `err` on delivery number `deliveryCount`. */
export function failureOutcome(err: unknown, deliveryCount: number, o: ResolvedConsumeOptions): Outcome {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof RetryableError)) return { kind: 'dead', reason: message || 'handler failed' };
  if (deliveryCount >= o.maxDeliver) {
    return { kind: 'dead', reason: `${message} (gave up after ${deliveryCount} deliveries)` };
  }
  const delay = err.delayMs ?? o.retryDelayMs;
  return { kind: 'retry', delayMs: Number.isFinite(delay) && delay >= 0 ? delay : o.retryDelayMs };
}

/** Reason for a message that arrives after its last allowed delivery (never acked in time). */
export function exhaustedReason(deliveryCount: number): string {
  return `not acknowledged after ${deliveryCount - 1} deliveries (handler timed out, crashed or was shut down)`;
}

const MAX_DEAD_PAYLOAD = 64 * 1024;

export function deadLetter(subject: string, payloadText: string, reason: string, deliveries: number): DeadLetter {
  const payload = payloadText.length > MAX_DEAD_PAYLOAD ? `${payloadText.slice(0, MAX_DEAD_PAYLOAD)}…[truncated]` : payloadText;
  return { subject, payload, reason, deliveries, at: new Date().toISOString() };
}
