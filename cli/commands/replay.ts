// `domovoy replay FILE.jsonl --rate N`. Over NATS it only publishes (workers elsewhere
// process). Embedded, it runs the processing pipeline in this process and waits until
// every published mention is stored or dead-lettered before it exits.
import { existsSync } from 'node:fs';
import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';
import { createBus } from '../../shared/bus/create-bus.js';
import { startApp } from '../../shared/app/start.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { replayFile } from '../../ingest/sources/replay/replay.js';
import { parseFlags } from '../main.js';

export async function replayCommand(args: string[], config: Config, log: Logger): Promise<number> {
  const { positional, flags } = parseFlags(args);
  const file = positional[0];
  const rate = Number(flags.rate ?? 0);
  if (!file || !Number.isFinite(rate) || rate < 0) {
    console.error('usage: domovoy replay FILE.jsonl [--rate N]   (N mentions per second, 0 = as fast as possible)');
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`domovoy replay: no such file: ${file}`);
    return 2;
  }
  if (config.NATS_URL) {
    const bus = await createBus(config, log);
    try {
      const r = await replayFile(file, { bus, rate, log, source: flags.source });
      console.log(JSON.stringify(r));
      return r.invalid > 0 ? 1 : 0;
    } finally {
      await bus.close();
    }
  }
  const roles = config.ROLES.filter((r) => r !== 'web' && r !== 'sources');
  const app = await startApp({ ...config, demo: false, ROLES: roles.length ? roles : ['worker'] }, log);
  let done = 0;
  const unsubs = [SUBJECTS.processed, SUBJECTS.deadLetter].map((s) => app.ctx.bus.subscribe(s, () => void done++));
  try {
    const r = await replayFile(file, { bus: app.ctx.bus, rate, log, source: flags.source });
    const expected = r.published - r.duplicates;
    // Invalid lines were dead-lettered by replay itself and are counted in `done` too.
    const target = expected + r.invalid;
    let last = -1;
    let idleSince = Date.now();
    while (done < target) {
      await new Promise((res) => setTimeout(res, 200));
      if (done !== last) {
        last = done;
        idleSince = Date.now();
      } else if (Date.now() - idleSince > 30_000) {
        log.warn('replay: no progress for 30 s, stopping', { done, target });
        break;
      }
    }
    console.log(JSON.stringify({ ...r, processed: done - r.invalid }));
    return r.invalid > 0 ? 1 : 0;
  } finally {
    unsubs.forEach((u) => u());
    await app.stop();
  }
}
