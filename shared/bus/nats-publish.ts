// JetStream publish with acknowledgement, over one reply subscription for all publishes.
// The client's own `js.publish` is a request: a subscription entry, a timer and, on every
// success, an Error object with a captured stack (its request's cancel() rejects a
// promise already resolved), about a tenth of the event loop at thousands of messages a
// second. Here a publish is one message with a reply subject; the server's PubAck comes
// back on the shared inbox and settles it. Same guarantees: resolved only once the
// stream has stored it (or reports a duplicate id), rejected on a JetStream error, when
// nothing answers, or after the timeout.
import { createInbox, headers, type Msg, type NatsConnection } from '@nats-io/nats-core';

export interface PubAck {
  stream: string;
  seq: number;
  duplicate: boolean;
}

interface Waiting {
  /** what was published to, for the error messages */
  subject: string;
  resolve: (a: PubAck) => void;
  reject: (e: Error) => void;
  /** when it times out, ms since the epoch */
  until: number;
}

/** What the server answered to a publish: its PubAck, or why the message was not stored. */
export function readPubAck(subject: string, msg: Pick<Msg, 'data' | 'headers' | 'string'>): PubAck | Error {
  if (msg.headers?.code === 503 || msg.data.length === 0) {
    return new Error(`no JetStream stream answered for "${subject}" (no responders)`);
  }
  let body: { stream?: unknown; seq?: unknown; duplicate?: unknown; error?: { code?: unknown; err_code?: unknown; description?: unknown } };
  try {
    body = JSON.parse(msg.string());
  } catch {
    return new Error(`unreadable JetStream acknowledgement for "${subject}"`);
  }
  if (body.error) {
    const e = body.error;
    return new Error(`JetStream did not store the message on "${subject}": ${String(e.description ?? 'error')} (${String(e.code ?? '?')}/${String(e.err_code ?? '?')})`);
  }
  if (typeof body.stream !== 'string' || body.stream === '') return new Error(`invalid JetStream acknowledgement for "${subject}"`);
  return { stream: body.stream, seq: Number(body.seq ?? 0), duplicate: body.duplicate === true };
}

export interface Publisher {
  publish(subject: string, data: string | Uint8Array, msgId?: string): Promise<PubAck>;
  /** Rejects what is still waiting; the connection is the caller's. */
  close(): void;
}

export function jetstreamPublisher(nc: NatsConnection, timeoutMs = 5000): Publisher {
  const prefix = `${createInbox()}.`;
  const waiting = new Map<number, Waiting>(); // insertion order = time order
  let next = 0;
  const sub = nc.subscribe(`${prefix}*`, {
    callback: (err, msg) => {
      if (err) return;
      const id = Number(msg.subject.slice(prefix.length));
      const w = waiting.get(id);
      if (!w) return; // answered after its timeout
      waiting.delete(id);
      const ack = readPubAck(w.subject, msg);
      if (ack instanceof Error) w.reject(ack);
      else w.resolve(ack);
    },
  });
  // One timer for all: the oldest waiting publishes are the first to time out.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [id, w] of waiting) {
      if (w.until > now) break;
      waiting.delete(id);
      w.reject(new Error(`no JetStream acknowledgement for "${w.subject}" within ${timeoutMs} ms`));
    }
  }, Math.max(10, Math.min(1000, timeoutMs / 4)));
  sweep.unref();

  return {
    publish(subject, data, msgId) {
      return new Promise<PubAck>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { subject, resolve, reject, until: Date.now() + timeoutMs });
        let h;
        if (msgId !== undefined) {
          h = headers();
          h.set('Nats-Msg-Id', msgId);
        }
        try {
          nc.publish(subject, data, { reply: `${prefix}${id}`, headers: h });
        } catch (e) {
          waiting.delete(id);
          reject(e as Error);
        }
      });
    },
    close() {
      clearInterval(sweep);
      for (const w of waiting.values()) w.reject(new Error('publisher closed before JetStream acknowledged'));
      waiting.clear();
      if (!nc.isClosed()) sub.unsubscribe();
    },
  };
}
