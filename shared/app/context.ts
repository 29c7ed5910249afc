// What every long-running part of Domovoy gets at start-up. Adapters are chosen
// once (createBus / createStore) and passed down; nothing reads process.env later.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import type { Bus } from '../bus/bus.js';
import type { Store } from '../storage/store.js';
import type { Registry } from '../../analytics/registry/load.js';
import type { Classifier } from '../../analytics/classify/index.js';

export interface AppContext {
  config: Config;
  log: Logger;
  bus: Bus;
  store: Store;
  registry: Registry;
  classifier: Classifier;
}

/** A running part of the app (worker, source, web server); stopped in reverse start order. */
export interface Service {
  name: string;
  stop(): Promise<void>;
}

/** Each module exposes one of these; shared/app/start.ts composes them by role. */
export type StartService = (ctx: AppContext) => Promise<Service>;
