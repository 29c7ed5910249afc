import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';
import { startApp } from '../../shared/app/start.js';
import { ensureWebBuild } from '../ensure-build.js';

export async function start(_args: string[], config: Config, log: Logger): Promise<number | void> {
  if (config.ROLES.includes('web')) await ensureWebBuild(log);
  const app = await startApp(config, log);
  const url = `http://localhost:${config.PORT}`;
  if (config.ROLES.includes('web')) log.info(`open ${url}`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn(`${signal} again: exiting without draining`);
      process.exit(130);
    }
    stopping = true;
    log.info(`${signal}: draining and stopping`);
    const force = setTimeout(() => {
      log.error('stop took longer than 20 s, exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    await app.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Keep running until a signal arrives.
  await new Promise(() => {});
}
