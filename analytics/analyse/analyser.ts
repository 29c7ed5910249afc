// Where analysis runs. Classification and address resolution are CPU work; in the
// embedded process they share the core with HTTP and Socket.IO, so by default they run
// in worker threads and the event loop only moves bytes. Near-duplicate grouping needs
// one shared index, so it stays on the calling thread (it is cheap).
import { Worker } from 'node:worker_threads';
import type { Analysis, RawMention } from '../../shared/types/mention.js';
import { analyse, type AnalyseDeps } from './analyse.js';

export type AnalyseInput = Pick<RawMention, 'id' | 'text' | 'ts' | 'lat' | 'lon'>;

export interface Analyser {
  readonly kind: 'inline' | 'threads';
  analyse(m: AnalyseInput): Promise<Analysis>;
  close(): Promise<void>;
}

export function inlineAnalyser(deps: AnalyseDeps): Analyser {
  return {
    kind: 'inline',
    analyse: async (m) => analyse(m, deps),
    close: async () => {},
  };
}

interface Pending {
  resolve: (a: Analysis & { sig?: Uint32Array | null }) => void;
  reject: (e: Error) => void;
}

/**
 * Micro-batches requests (up to `batch` per message, flushed on the next tick) to a
 * pool of threads that each load the model and the registry once.
 */
export async function threadAnalyser(opts: { threads: number; batch?: number; nearDup?: AnalyseDeps['nearDup'] }): Promise<Analyser> {
  const batchMax = opts.batch ?? 256;
  const entry = new URL('../../shared/app/ts-worker-entry.mjs', import.meta.url);
  const body = new URL('./analyse.thread.ts', import.meta.url).href;
  const workers = await Promise.all(
    Array.from({ length: Math.max(1, opts.threads) }, async () => {
      const w = new Worker(entry, { workerData: { __entry: body }, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } });
      await new Promise<void>((resolve, reject) => {
        w.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(m.error))));
        w.once('error', reject);
      });
      return w;
    }),
  );
  const pending = new Map<number, Pending[]>();
  let seq = 0;
  let rr = 0;
  let queue: { m: AnalyseInput; p: Pending }[] = [];
  let scheduled = false;

  for (const w of workers) {
    w.on('message', (msg: { seq: number; results?: Analysis[]; sigs?: (Uint32Array | null)[]; error?: string }) => {
      const ps = pending.get(msg.seq);
      if (!ps) return;
      pending.delete(msg.seq);
      if (msg.error || !msg.results) ps.forEach((p) => p.reject(new Error(msg.error ?? 'analysis thread failed')));
      else ps.forEach((p, i) => p.resolve({ ...msg.results![i]!, sig: msg.sigs?.[i] ?? null }));
    });
    w.on('error', (e) => {
      for (const ps of pending.values()) ps.forEach((p) => p.reject(e));
      pending.clear();
    });
  }

  const flush = () => {
    scheduled = false;
    while (queue.length) {
      const part = queue.splice(0, batchMax);
      const id = ++seq;
      pending.set(id, part.map((q) => q.p));
      workers[rr++ % workers.length]!.postMessage({ seq: id, items: part.map((q) => q.m) });
    }
  };

  return {
    kind: 'threads',
    analyse(m) {
      return new Promise<Analysis & { sig?: Uint32Array | null }>((resolve, reject) => {
        queue.push({ m: { id: m.id, text: m.text, ts: m.ts, lat: m.lat, lon: m.lon }, p: { resolve, reject } });
        if (queue.length >= batchMax) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }).then(({ sig, ...a }) => {
        if (!opts.nearDup || !a.relevant) return a;
        const g = opts.nearDup.checkSignature(m.id, sig ?? null, Date.parse(m.ts));
        return { ...a, dupGroup: g === m.id ? '' : g };
      });
    },
    async close() {
      flush();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
