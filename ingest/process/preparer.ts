// Where `prepareMention` runs. It is CPU work (classification, address resolution,
// serialisation); in the embedded process it shares the machine with HTTP, Socket.IO and
// the store, so by default it runs in worker threads and the event loop only moves text.
// Payloads are micro-batched (up to `batch` per message to a thread, flushed on the next
// turn of the loop) and spread over the threads round-robin.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../shared/log/logger.js';
import { silentLogger } from '../../shared/log/logger.js';
import { WORKER_YOUNG_GENERATION_MB } from '../../shared/app/heap.js';
import type { AnalyseDeps } from '../../analytics/analyse/analyse.js';
import { prepareMention, type PrepareResult } from './prepare.js';

export interface Preparer {
  readonly kind: 'inline' | 'threads';
  /** Rejects only when the machinery failed (a thread died): the payload may be retried. */
  prepare(payload: string): Promise<PrepareResult>;
  close(): Promise<void>;
}

export function inlinePreparer(deps: Omit<AnalyseDeps, 'nearDup'>): Preparer {
  return {
    kind: 'inline',
    prepare: async (payload) => prepareMention(payload, deps),
    close: async () => {},
  };
}

interface Pending {
  resolve: (r: PrepareResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** false from the thread's exit until its replacement is ready */
  alive: boolean;
  /** batches sent to this thread and not answered yet */
  pending: Map<number, Pending[]>;
}

type Reply = { seq: number; results?: PrepareResult[]; error?: string };

const ENTRY = new URL('../../shared/app/ts-worker-entry.mjs', import.meta.url);
const BODY = new URL('./prepare.thread.ts', import.meta.url).href;

/** Start a thread and wait until it has loaded the model and the registry. */
async function spawn(): Promise<Worker> {
  const w = new Worker(ENTRY, {
    workerData: { __entry: BODY },
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  await new Promise<void>((resolve, reject) => {
    w.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(m.error))));
    w.once('error', reject);
  });
  return w;
}

export interface ThreadPreparer extends Preparer {
  /** the threads as they are now (for health checks and tests) */
  workers(): readonly Worker[];
}

export async function threadPreparer(opts: { threads: number; batch?: number; log?: Logger }): Promise<ThreadPreparer> {
  const batchMax = opts.batch ?? 256;
  const log = opts.log ?? silentLogger;
  let closing = false;
  let seq = 0;
  let rr = 0;
  let queue: { payload: string; p: Pending }[] = [];
  let scheduled = false;

  const attach = (slot: Slot) => {
    slot.worker.on('message', (msg: Reply) => {
      const ps = slot.pending.get(msg.seq);
      if (!ps) return;
      slot.pending.delete(msg.seq);
      if (msg.error || !msg.results) ps.forEach((p) => p.reject(new Error(msg.error ?? 'analysis thread failed')));
      else ps.forEach((p, i) => p.resolve(msg.results![i]!));
    });
    // A dead thread fails its own batches (they are retried by the bus) and is replaced.
    slot.worker.once('exit', (code) => {
      slot.alive = false;
      const lost = [...slot.pending.values()].flat();
      slot.pending.clear();
      lost.forEach((p) => p.reject(new Error(`analysis thread exited with code ${code}`)));
      if (closing) return;
      log.error('analysis thread died; starting another', { code, lost: lost.length });
      spawn().then(
        (w) => {
          slot.worker = w;
          slot.alive = true;
          attach(slot);
        },
        (e) => log.error('analysis thread could not be restarted', { err: e }),
      );
    });
    slot.worker.on('error', (e) => log.error('analysis thread failed', { err: e }));
  };

  const slots: Slot[] = await Promise.all(
    Array.from({ length: Math.max(1, opts.threads) }, async () => ({ worker: await spawn(), alive: true, pending: new Map<number, Pending[]>() })),
  );
  slots.forEach(attach);

  /** The next live thread, round-robin; none while every thread is being replaced. */
  const nextSlot = (): Slot | undefined => {
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[rr++ % slots.length]!;
      if (slot.alive) return slot;
    }
    return undefined;
  };

  const flush = () => {
    scheduled = false;
    while (queue.length) {
      const part = queue.splice(0, batchMax);
      const slot = nextSlot();
      if (!slot) {
        // A message to a dead thread would be lost and its handlers would wait forever.
        part.forEach((q) => q.p.reject(new Error('no analysis thread is running')));
        continue;
      }
      const id = ++seq;
      slot.pending.set(id, part.map((q) => q.p));
      slot.worker.postMessage({ seq: id, items: part.map((q) => q.payload) });
    }
  };

  return {
    kind: 'threads',
    workers: () => slots.map((s) => s.worker),
    prepare(payload) {
      return new Promise<PrepareResult>((resolve, reject) => {
        if (closing) return reject(new Error('preparer is closed'));
        queue.push({ payload, p: { resolve, reject } });
        if (queue.length >= batchMax) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      flush();
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
