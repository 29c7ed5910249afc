// One `consume()` call on NATS: a pull consumer read through a semaphore so at most
// maxInFlight handlers run at once, with the handler outcome mapped to ack / nak(delay)
// / term + dead letter.
import type { Consumer, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Handler, Subscription } from './bus.js';
import { DEAD_LETTER_SUBJECT } from './bus.js';
import type { Logger } from '../log/logger.js';
import { covers } from './subjects-match.js';
import { Semaphore } from './semaphore.js';
import type { Publisher } from './nats-publish.js';
import { MALFORMED_JSON, deadLetter, deliveryData, exhaustedReason, failureOutcome, type ResolvedConsumeOptions } from './handling.js';

export interface ConsumerDeps {
  nc: NatsConnection;
  /** the bus's own acknowledged publish (nats-publish.ts), for dead letters */
  publisher: Publisher;
  log: Logger;
}

export async function startConsumer(
  deps: ConsumerDeps,
  consumer: Consumer,
  durable: string,
  handler: Handler<unknown>,
  o: ResolvedConsumeOptions,
): Promise<Subscription> {
  const { nc, publisher, log } = deps;
  const sem = new Semaphore(o.maxInFlight);
  const inFlight = new Set<Promise<void>>();
  const started = new Map<JsMsg, number>();
  let draining = false;
  const messages = await consumer.consume({ max_messages: o.maxInFlight });

  // Tell the server we are alive so a slow handler does not get its message redelivered.
  // One timer for the whole consumer: a timer per message costs more than the message.
  const period = Math.max(250, Math.floor(o.ackWaitMs / 3));
  const heartbeat = setInterval(() => {
    const old = Date.now() - period;
    for (const [m, at] of started) if (at <= old) safe(() => m.working());
  }, period);

  // Never throws: every path ends in ack, nak, or term.
  async function handle(m: JsMsg): Promise<void> {
    const count = m.info.deliveryCount;
    const text = m.string();
    if (count > o.maxDeliver) return toDeadLetter(m, text, exhaustedReason(count));
    const decoded = deliveryData(text, o);
    if (!decoded.ok) return toDeadLetter(m, text, MALFORMED_JSON);
    started.set(m, Date.now());
    try {
      // The id is read from the headers only when a handler asks: parsing them for every
      // message showed as ~4% of the event loop in a profile, and most handlers never look.
      await handler({
        subject: m.subject,
        data: decoded.data,
        deliveryCount: count,
        get msgId() {
          return m.headers?.get('Nats-Msg-Id') || undefined;
        },
      });
      safe(() => m.ack());
    } catch (err) {
      const outcome = failureOutcome(err, count, o);
      if (outcome.kind === 'retry') safe(() => m.nak(outcome.delayMs));
      else await toDeadLetter(m, text, outcome.reason);
    } finally {
      started.delete(m);
    }
  }

  async function toDeadLetter(m: JsMsg, text: string, reason: string): Promise<void> {
    const count = m.info.deliveryCount;
    if (covers(DEAD_LETTER_SUBJECT, m.subject)) {
      // Dead-lettering a dead letter would loop; say it loudly and drop it.
      log.error('dead letter could not be handled; dropped', { durable, reason, seq: m.seq });
      safe(() => m.term());
      return;
    }
    log.warn('message dead-lettered', { subject: m.subject, durable, reason, deliveries: count });
    try {
      const dl = deadLetter(m.subject, text, reason, count);
      // The id makes a retry of this very dead-lettering idempotent.
      await publisher.publish(DEAD_LETTER_SUBJECT, JSON.stringify(dl), `dl:${m.info.stream}:${durable}:${m.seq}`);
      // No reason text on term: nats-server before 2.10 ignores "+TERM <reason>" entirely.
      safe(() => m.term());
    } catch (err) {
      // Keep the message rather than lose it: it comes back and is dead-lettered then.
      log.error('dead letter publish failed; message kept for redelivery', { subject: m.subject, durable, err });
      safe(() => m.nak(o.retryDelayMs));
    }
  }

  function safe(ack: () => void) {
    try {
      ack();
    } catch (err) {
      // Connection closing: the server redelivers after ack_wait, which is what we want.
      log.debug('ack not sent', { durable, err });
    }
  }

  const loop = (async () => {
    try {
      for await (const m of messages) {
        if (draining) {
          safe(() => m.nak()); // buffered but never handled: give it back at once
          continue;
        }
        if (!sem.tryAcquire()) await sem.acquire();
        if (draining) {
          sem.release();
          safe(() => m.nak());
          continue;
        }
        const p = handle(m).finally(() => {
          inFlight.delete(p);
          sem.release();
        });
        inFlight.add(p);
      }
    } catch (err) {
      if (!draining) log.error('consumer stopped', { durable, err });
    }
  })();

  let drained: Promise<void> | undefined;
  return {
    drain() {
      drained ??= (async () => {
        draining = true;
        await messages.close().catch(() => undefined);
        await loop;
        while (inFlight.size > 0) await Promise.all([...inFlight]);
        clearInterval(heartbeat);
        // Acks are fire-and-forget; a flush makes sure the server has them.
        if (!nc.isClosed()) await nc.flush().catch(() => undefined);
      })();
      return drained;
    },
  };
}
