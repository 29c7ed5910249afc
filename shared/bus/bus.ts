// The bus port. Semantics copy JetStream so that handlers behave the same
// on the in-process bus and on NATS:
//   handler returns            → ack
//   throws RetryableError      → nak, redelivered after `delayMs`
//   throws anything else       → term + dead letter with the reason
//   more than maxDeliver tries → dead letter with the reason
export interface PublishOptions {
  /** de-duplication id: a second publish with the same id within the window is dropped */
  msgId?: string;
}

export interface PublishResult {
  duplicate: boolean;
}

export interface Delivery<T = unknown> {
  subject: string;
  data: T;
  /** 1 on the first delivery */
  deliveryCount: number;
  msgId?: string;
}

export type Handler<T = unknown> = (msg: Delivery<T>) => Promise<void> | void;

export interface ConsumeOptions {
  /** at most this many deliveries handed to the handler and not yet acked */
  maxInFlight?: number;
  /** deliveries before a message goes to dead letters (default 5) */
  maxDeliver?: number;
  /** wait before redelivery after a retryable error (default 1000 ms) */
  retryDelayMs?: number;
  /** how long a handler may hold a message before the bus redelivers it (NATS ack_wait) */
  ackWaitMs?: number;
  /**
   * Hand the handler the payload's JSON text undecoded (`data` is a string). For hot
   * consumers that parse elsewhere (a worker thread); they must reject text that is
   * not JSON themselves, with a PermanentError, as the bus does for everyone else.
   */
  raw?: boolean;
}

export interface Subscription {
  /** stop taking new messages, wait for in-flight handlers to finish */
  drain(): Promise<void>;
}

/**
 * A payload that is already JSON text (e.g. serialised in a worker thread): publish sends
 * it as is instead of encoding it again. The producer vouches that `text` is JSON.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

export interface Bus {
  readonly kind: 'memory' | 'nats';
  publish(subject: string, data: unknown, opts?: PublishOptions): Promise<PublishResult>;
  /**
   * Durable, at-least-once consumption. Consumers with the same durable name share
   * the work (scaled-out workers); different names each get every message.
   */
  consume<T = unknown>(subject: string, durable: string, handler: Handler<T>, opts?: ConsumeOptions): Promise<Subscription>;
  /** Fire-and-forget fan-out with no persistence (live UI updates). */
  subscribe<T = unknown>(subject: string, handler: (data: T, subject: string) => void): () => void;
  /** Drain every consumer, then close. */
  close(): Promise<void>;
}

/** Throw from a handler to ask for redelivery later (transient failure). */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super(message);
    this.name = 'RetryableError';
  }
}

/** Throw from a handler when retrying cannot help; the message goes to dead letters. */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}

export const DEAD_LETTER_SUBJECT = 'deadletter';
