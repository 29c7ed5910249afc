import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';
import { loadRegistry } from '../../analytics/registry/load.js';
import { loadClassifier } from '../../analytics/classify/index.js';
import { classifyStream, formatSummary } from '../classify.js';

export async function classifyCommand(_args: string[], _config: Config, _log: Logger): Promise<number> {
  const [registry, classifier] = await Promise.all([loadRegistry(), Promise.resolve().then(() => loadClassifier())]);
  // A closed reader (e.g. `| head`) is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const summary = await classifyStream(process.stdin, process.stdout, { registry, classifier });
  process.stderr.write(formatSummary(summary) + '\n');
  return 0;
}
