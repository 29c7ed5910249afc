// In-process stand-in for a JetStream stream: a log of JSON texts with
// de-duplication by message id, and durable cursors over it. No I/O, no timers.
import { matcher, type StreamSpec } from './subjects-match.js';

export interface StoredMsg {
  seq: number;
  subject: string;
  text: string;
  msgId?: string;
}

/** A message handed to a consumer and not acked yet (in flight or waiting for redelivery). */
export interface Pending {
  msg: StoredMsg;
  deliveries: number;
}

export class MemoryStream {
  readonly durables = new Map<string, DurableCursor>();
  #log: StoredMsg[] = [];
  #head = 0; // index in #log of the oldest retained message
  #nextSeq = 1;
  #seen = new Map<string, number>(); // msgId → expiry (ms); insertion order = time order

  constructor(
    readonly spec: StreamSpec,
    private readonly maxMsgs: number,
    private readonly dedupeWindowMs: number,
  ) {}

  /** Appends unless `msgId` was seen within the window; returns the stored message or null. */
  append(subject: string, text: string, msgId: string | undefined, now: number): StoredMsg | null {
    if (msgId !== undefined && this.dedupeWindowMs > 0) {
      this.#expire(now);
      if (this.#seen.has(msgId)) return null;
      this.#seen.set(msgId, now + this.dedupeWindowMs);
    }
    const msg: StoredMsg = { seq: this.#nextSeq++, subject, text, msgId };
    this.#log.push(msg);
    // Retention never drops a message some durable has not read yet (a slow consumer
    // holds the backlog, as JetStream's age-limited streams do); only what every durable
    // has passed is trimmed down to the last `maxMsgs`, kept for durables created later.
    if (this.#log.length - this.#head > this.maxMsgs) {
      const floor = this.#minCursor();
      while (this.#log.length - this.#head > this.maxMsgs && this.#log[this.#head]!.seq < floor) this.#head++;
    }
    // Compact now and then so trimming stays O(1) amortised.
    if (this.#head > 1024 && this.#head * 2 > this.#log.length) {
      this.#log = this.#log.slice(this.#head);
      this.#head = 0;
    }
    return msg;
  }

  get firstSeq(): number {
    return this.#log[this.#head]?.seq ?? this.#nextSeq;
  }

  get lastSeq(): number {
    return this.#nextSeq - 1;
  }

  get(seq: number): StoredMsg | undefined {
    const first = this.firstSeq;
    if (seq < first || seq >= this.#nextSeq) return undefined;
    return this.#log[this.#head + (seq - first)];
  }

  durable(name: string, filter: string): DurableCursor {
    let d = this.durables.get(name);
    if (!d) {
      d = new DurableCursor(this, filter);
      this.durables.set(name, d);
    } else if (d.filter !== filter) {
      throw new Error(`durable "${name}" already consumes "${d.filter}", not "${filter}"`);
    }
    return d;
  }

  #minCursor(): number {
    let min = Infinity;
    for (const d of this.durables.values()) min = Math.min(min, d.position);
    return min;
  }

  /** Messages retained but not yet read by the slowest durable. */
  get backlog(): number {
    const min = this.#minCursor();
    return min === Infinity ? 0 : this.#nextSeq - min;
  }

  #expire(now: number) {
    for (const [id, until] of this.#seen) {
      if (until > now) break;
      this.#seen.delete(id);
    }
  }
}

/** Where a durable consumer is in its stream, plus its messages due for redelivery. */
export class DurableCursor {
  /** next stream sequence not yet looked at */
  #cursor: number;
  #ready: Pending[] = [];
  readonly matches: (subject: string) => boolean;
  /** stream messages (matching or not) trimmed before this durable reached them */
  skipped = 0;

  constructor(
    private readonly stream: MemoryStream,
    readonly filter: string,
  ) {
    this.matches = matcher(filter);
    // A new durable starts at the oldest retained message, like DeliverPolicy.All.
    this.#cursor = stream.firstSeq;
  }

  /** next stream sequence this durable has not looked at */
  get position(): number {
    return this.#cursor;
  }

  /** The next message to deliver: redeliveries first, then new messages in order. */
  next(): Pending | undefined {
    const again = this.#ready.shift();
    if (again) return again;
    if (this.#cursor < this.stream.firstSeq) {
      // Retention dropped messages this durable had not read yet (a consumer far behind).
      this.skipped += this.stream.firstSeq - this.#cursor;
      this.#cursor = this.stream.firstSeq;
    }
    while (this.#cursor <= this.stream.lastSeq) {
      const msg = this.stream.get(this.#cursor++);
      if (msg && this.matches(msg.subject)) return { msg, deliveries: 0 };
    }
    return undefined;
  }

  redeliver(p: Pending): void {
    this.#ready.push(p);
  }
}
