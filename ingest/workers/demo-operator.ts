// The demo's organisations and residents at work (demo only): demo cases are
// taken into work, resolved, confirmed or rejected by residents, closed — or
// left overdue — as analytics/cases/demo-script.ts decides, deterministically
// for a seed. Cases opened from the backfilled history get their actions with
// past times at the first ticks, so the workspace and the KPIs look like a
// working city at first start; live cases move as their scripted times come.
// Not registered by this module: the app's service list starts it under the
// cases role when the demo is on.
import type { AppContext, Service } from '../../shared/app/context.js';
import { getDemoFrontier, getDueDemoCases, playDemoActions } from '../../analytics/queries/cases/demo-operator.js';
import { demoClock } from '../../analytics/cases/demo-script.js';

export const DEMO_OPERATOR_SEED = 20_241;

export interface DemoOperatorOptions {
  /** how often due actions are looked for (default 5 s) */
  tickMs?: number;
  seed?: number;
  /** cases played per write (default 500) */
  batchSize?: number;
  now?: () => Date;
}

export async function startDemoOperator(ctx: AppContext, opts: DemoOperatorOptions = {}): Promise<Service> {
  if (!ctx.config.demo) return { name: 'demo-operator', stop: async () => {} };
  const log = ctx.log.child('demo-operator');
  const seed = opts.seed ?? DEMO_OPERATOR_SEED;
  const batchSize = opts.batchSize ?? 500;
  const now = opts.now ?? (() => new Date());
  const deps = { store: ctx.store, bus: ctx.bus, now };
  let stopped = false;

  const tick = async () => {
    const t = demoClock(now(), await getDemoFrontier(ctx.store));
    const due = await getDueDemoCases(ctx.store, t, seed);
    let events = 0;
    for (let i = 0; i < due.length && !stopped; i += batchSize) events += await playDemoActions(deps, due.slice(i, i + batchSize), seed, t);
    if (events > 0) log.info('demo operator acted', { cases: due.length, events });
  };

  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running || stopped) return; // a slow tick (the history at first start) is not stacked
    running = tick()
      .catch((e) => log.warn('demo operator tick failed', { error: e }))
      .finally(() => (running = undefined));
  }, opts.tickMs ?? 5_000);
  timer.unref?.();
  log.info('demo operator started', { seed });
  return {
    name: 'demo-operator',
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
