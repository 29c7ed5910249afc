// The bus is chosen once, here: NATS JetStream when NATS_URL is set, in-process otherwise.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import type { Bus } from './bus.js';
import { createMemoryBus } from './memory-bus.js';
import { createNatsBus } from './nats-bus.js';

export async function createBus(config: Pick<Config, 'NATS_URL'>, log: Logger): Promise<Bus> {
  if (config.NATS_URL) {
    const bus = await createNatsBus({ url: config.NATS_URL, log });
    log.info('bus: NATS JetStream', { url: redact(config.NATS_URL) });
    return bus;
  }
  log.info('bus: in-process');
  return createMemoryBus({ log });
}

/** Credentials in a URL never reach the logs. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
