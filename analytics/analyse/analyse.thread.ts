// Body of an analysis thread: loads the model and the registry once, then answers batches.
import { parentPort } from 'node:worker_threads';
import { loadRegistry } from '../registry/load.js';
import { loadClassifier } from '../classify/index.js';
import { analyse } from './analyse.js';
import { minhash } from '../classify/near-dup.js';
import type { AnalyseInput } from './analyser.js';

const port = parentPort!;
try {
  const deps = { registry: await loadRegistry(), classifier: loadClassifier() };
  port.on('message', (msg: { seq: number; items: AnalyseInput[] }) => {
    try {
      const results = msg.items.map((m) => analyse(m, deps));
      // Near-duplicate signatures are computed here; the shared index lives on the main thread.
      const sigs = msg.items.map((m, i) => (results[i]!.relevant ? minhash(m.text) : null));
      port.postMessage({ seq: msg.seq, results, sigs });
    } catch (e) {
      port.postMessage({ seq: msg.seq, error: (e as Error).message });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: `analysis thread could not start: ${(e as Error).message}` });
}
