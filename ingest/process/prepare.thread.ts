// Body of an analysis thread: loads the model and the registry once, then prepares
// batches of payloads (see prepare.ts). An unexpected exception fails the batch, not the
// thread; the main thread retries those payloads through the bus.
import { parentPort } from 'node:worker_threads';
import { loadRegistry } from '../../analytics/registry/load.js';
import { loadClassifier } from '../../analytics/classify/index.js';
import { prepareBatch } from './prepare.js';

const port = parentPort!;
try {
  const deps = { registry: await loadRegistry(), classifier: loadClassifier() };
  port.on('message', (msg: { seq: number; items: string[] }) => {
    try {
      port.postMessage({ seq: msg.seq, results: prepareBatch(msg.items, deps) });
    } catch (e) {
      port.postMessage({ seq: msg.seq, error: (e as Error).message });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: `analysis thread could not start: ${(e as Error).message}` });
}
