// Body of an analysis thread: loads the model and the registry once, then prepares
// batches of payloads (see prepare.ts). An unexpected exception fails the batch, not the
// thread; the main thread retries those payloads through the bus.
import { parentPort } from 'node:worker_threads';
import { loadRegistry } from '../../analytics/registry/load.js';
import { loadClassifier } from '../../analytics/classify/index.js';
import { isRejected, prepareBatch, type Prepared } from './prepare.js';

const port = parentPort!;
try {
  const deps = { registry: await loadRegistry(), classifier: loadClassifier() };
  port.on('message', (msg: { seq: number; items: string[] }) => {
    try {
      const results = prepareBatch(msg.items, deps);
      // the signatures share one buffer (prepare.ts): move it instead of copying
      const sigs = results.find((r): r is Prepared => !isRejected(r) && r.sig !== null)?.sig?.buffer;
      port.postMessage({ seq: msg.seq, results }, sigs ? [sigs as ArrayBuffer] : []);
    } catch (e) {
      port.postMessage({ seq: msg.seq, error: (e as Error).message });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: `analysis thread could not start: ${(e as Error).message}` });
}
