// The harness of the bus contract: the same tests run against the in-process bus and
// NATS JetStream (a throw-away nats-server), so handlers see the same behaviour on both.
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { connect } from '@nats-io/transport-node';
import type { Bus, Subscription } from '../../shared/bus/bus.js';
import { createMemoryBus, type MemoryBus } from '../../shared/bus/memory-bus.js';
import { createNatsBus } from '../../shared/bus/nats-bus.js';
import type { DeadLetter } from '../../shared/types/subjects.js';
import { startNatsServer, type NatsServerHandle } from '../helpers/nats-server.js';

export interface Adapter {
  open(): Promise<Bus>;
  /** a bus sharing durable state with `bus`: another connection on NATS, the same object in memory */
  peer(bus: Bus): Promise<Bus>;
  /** shut down as a process does and come back: NATS closes the connection and opens a new one */
  restart(bus: Bus, sub: Subscription): Promise<Bus>;
  /** store bytes that are not JSON, as a foreign publisher could */
  publishRaw(bus: Bus, subject: string, text: string): Promise<void>;
}

export interface Harness {
  /** null when this adapter cannot run here (the test then returns at once) */
  adapter(): Adapter | null;
  /** a bus closed after the test */
  open(): Promise<Bus>;
  track<B extends Bus>(b: B): B;
  /** Dead letters about `subject`, read through a durable of their own. */
  deadLetters(bus: Bus, subject: string): Promise<DeadLetter[]>;
  topic(): { subject: string; durable: string };
}

export const ACK_WAIT = 2000;
export const RETRY = 150;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
export const uid = () => `${process.pid}x${Date.now().toString(36)}x${++n}`;

export async function waitFor(cond: () => boolean, what: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function busContract(name: string, makeAdapter: () => Promise<Adapter | null>, tests: (h: Harness) => void) {
  describe(`bus contract: ${name}`, () => {
    let adapter: Adapter | null = null;
    const opened: Bus[] = [];
    const track = <B extends Bus>(b: B) => (opened.push(b), b);

    beforeAll(async () => {
      adapter = await makeAdapter();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((b) => b.close().catch(() => undefined)));
    });

    tests({
      adapter: () => adapter,
      open: async () => track(await adapter!.open()),
      track,
      async deadLetters(bus, subject) {
        const items: DeadLetter[] = [];
        await bus.consume<DeadLetter>('deadletter', `dl-${uid()}`, (m) => {
          if (m.data.subject === subject) items.push(m.data);
        });
        return items;
      },
      topic: () => ({ subject: `mentions.contract.${uid()}`, durable: `contract-${uid()}` }),
    });
  });
}

const memoryAdapter = async (): Promise<Adapter> => ({
  open: async () => createMemoryBus({ dedupeWindowMs: 60_000 }),
  peer: async (bus) => bus,
  restart: async (bus, sub) => {
    // The in-process bus lives as long as the process: a restart of its consumer is a drain.
    await sub.drain();
    return bus;
  },
  publishRaw: async (bus, subject, text) => (bus as MemoryBus).publishRaw(subject, text),
});

let nats: NatsServerHandle | null = null;

async function natsAdapter(): Promise<Adapter | null> {
  nats = await startNatsServer();
  if (!nats) {
    console.warn('SKIP: nats-server is not installed (apt-get install -y nats-server); NATS bus contract not run');
    return null;
  }
  const url = nats.url;
  const open = () => createNatsBus({ url, dedupeWindowMs: 60_000 });
  return {
    open,
    peer: () => open(),
    restart: async (bus) => {
      await bus.close();
      return open();
    },
    publishRaw: async (_bus, subject, text) => {
      const nc = await connect({ servers: url });
      try {
        nc.publish(subject, new TextEncoder().encode(text));
        await nc.flush();
      } finally {
        await nc.close();
      }
    },
  };
}

/** Define `tests` once for each adapter (call at the top level of a test file). */
export function onBothBuses(tests: (h: Harness) => void): void {
  busContract('in-process', memoryAdapter, tests);
  busContract('NATS JetStream', natsAdapter, tests);
  afterAll(async () => {
    await nats?.stop();
    nats = null;
  });
}
