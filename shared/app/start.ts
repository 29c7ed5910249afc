// Composition root: adapters are chosen once here and every service gets the same context.
import type { Config } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import type { AppContext, Service, StartService } from './context.js';
import { createBus } from '../bus/create-bus.js';
import { createStore } from '../storage/create-store.js';
import { migrate } from '../../analytics/schema/migrate.js';
import { loadRegistry } from '../../analytics/registry/load.js';
import { ensureRegistryImported } from './ensure-registry.js';
import { loadClassifier } from '../../analytics/classify/index.js';
import { SERVICES } from './services.js';

export interface RunningApp {
  ctx: AppContext;
  services: Service[];
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  const t0 = Date.now();
  const store = await createStore(config);
  await migrate(store, log.child('migrate'));
  const [registry, classifier] = await Promise.all([loadRegistry(), Promise.resolve().then(() => loadClassifier())]);
  await ensureRegistryImported(store, registry, log.child('registry'));
  const bus = await createBus(config, log.child('bus'));
  const ctx: AppContext = { config, log, bus, store, registry, classifier };

  const services: Service[] = [];
  const stop = async () => {
    // Sources first, web last: stop producing, drain consumers, then close the doors.
    for (const s of [...services].reverse()) {
      try {
        await s.stop();
      } catch (e) {
        log.error(`stopping ${s.name} failed`, { error: e });
      }
    }
    await bus.close();
    await store.close();
  };
  try {
    for (const [role, starters] of SERVICES) {
      if (!config.ROLES.includes(role)) continue;
      for (const start of starters as StartService[]) services.push(await start(ctx));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  log.info('Domovoy started', {
    ms: Date.now() - t0,
    bus: bus.kind,
    store: store.kind,
    services: services.map((s) => s.name),
    demo: config.demo,
  });
  return { ctx, services, stop };
}
