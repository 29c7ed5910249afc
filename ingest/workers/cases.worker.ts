// Cases worker: every relevant processed mention opens or joins a case routed to
// the organisation that must act; a scanner announces overdue clocks and closes
// unanswered confirmations as «не подтверждено». At-least-once: event ids are
// derived from the mention id, so redelivery appends nothing new. Deliveries are
// grouped into micro-batches (a few queries per batch, not per mention), so the
// worker keeps up with the processing worker and drains a backfill quickly.
import type { AppContext, Service } from '../../shared/app/context.js';
import { PermanentError, RetryableError, type Delivery } from '../../shared/bus/bus.js';
import type { ProcessedMention } from '../../shared/types/mention.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { loadCasesConfig } from '../../analytics/cases/load-config.js';
import type { CasesConfig } from '../../analytics/cases/cases-config.js';
import { intakeFromProcessed, opensCase, type IntakeMention } from '../../analytics/cases/intake.js';
import { MicroBatcher } from '../../analytics/cases/micro-batch.js';
import { CaseTransitionError } from '../../analytics/cases/lifecycle.js';
import { directoryFromRegistry } from '../../analytics/cases/registry-directory.js';
import { intakeMentions, type IntakeDeps, type IntakeResult } from '../../analytics/queries/cases/intake-mention.js';
import { closeUnconfirmed, scanOverdue } from '../../analytics/queries/cases/scan-cases.js';
import { getRoutingOverrides } from '../../analytics/queries/cases/get-routing-overrides.js';

export const CASES_DURABLE = 'cases';

export interface CasesWorkerOptions {
  /** how often overdue clocks and expired confirmations are checked (default 30 s) */
  scanIntervalMs?: number;
  config?: CasesConfig;
  now?: () => Date;
  /** largest micro-batch of mentions (default 1000) */
  batchSize?: number;
}

/** Build the dependencies every case writer needs (the worker, the web API, Open311). */
export async function caseIntakeDeps(ctx: Pick<AppContext, 'store' | 'bus' | 'registry'>, opts: { config?: CasesConfig; now?: () => Date } = {}): Promise<IntakeDeps> {
  const config = opts.config ?? loadCasesConfig();
  let overrides: CasesConfig['routing']['overrides'] = [];
  try {
    overrides = await getRoutingOverrides(ctx.store);
  } catch {
    // before migrations (or on a store without the table) the file's rules are enough
  }
  return {
    store: ctx.store,
    bus: ctx.bus,
    now: opts.now,
    config: { ...config, routing: { ...config.routing, overrides: [...overrides, ...config.routing.overrides] } },
    directory: directoryFromRegistry(ctx.registry as never),
  };
}

export async function startCasesWorker(ctx: AppContext, opts: CasesWorkerOptions = {}): Promise<Service> {
  const log = ctx.log.child('cases');
  const deps = await caseIntakeDeps(ctx, opts);
  const now = opts.now ?? (() => new Date());

  const batchSize = opts.batchSize ?? 1000;
  const intake = async (items: IntakeMention[]) => (await intakeMentions(deps, items)).map((o) => (o.ok ? { ok: true as const, value: o.result } : o));
  const batcher = new MicroBatcher<IntakeMention, IntakeResult>(
    async (items) => {
      try {
        return await intake(items);
      } catch (e) {
        if (items.length === 1) throw e;
        // One bad complaint must not hold back the rest of its batch: one by one,
        // each gets its own outcome (a store that is down fails them all anyway).
        log.warn('case intake batch failed, taking its mentions one by one', { mentions: items.length, error: e });
        const out = [];
        for (const m of items) {
          try {
            out.push(...(await intake([m])));
          } catch (err) {
            out.push({ ok: false as const, error: err as Error });
          }
        }
        return out;
      }
    },
    { maxItems: batchSize, maxWaitMs: 10 },
  );

  const handle = async (msg: Delivery<ProcessedMention>) => {
    const m = msg.data;
    if (!m || typeof m !== 'object' || typeof m.id !== 'string') throw new PermanentError('invalid processed mention: no id');
    if (!opensCase(m)) return;
    try {
      await batcher.add(intakeFromProcessed(m));
    } catch (e) {
      if (e instanceof CaseTransitionError) throw new PermanentError(e.message);
      throw new RetryableError(`case intake failed: ${(e as Error).message}`);
    }
  };
  // In-flight must exceed a batch several times over: the next batch fills while one is written.
  const sub = await ctx.bus.consume<ProcessedMention>(SUBJECTS.processed, CASES_DURABLE, handle, {
    maxInFlight: batchSize * 4,
    maxDeliver: 5,
    retryDelayMs: 2000,
    ackWaitMs: 60_000,
  });

  let scanning: Promise<void> | undefined;
  const scan = async () => {
    const t = now();
    const overdue = await scanOverdue(deps, t);
    const closed = await closeUnconfirmed(deps, t, deps.config.confirmationTimeout, deps.config.calendar);
    if (overdue.length || closed.length) log.info('case scan', { overdue: overdue.length, unconfirmedClosed: closed.length });
  };
  const timer = setInterval(() => {
    if (scanning) return; // a slow scan is not stacked
    scanning = scan()
      .catch((e) => log.warn('case scan failed', { error: e }))
      .finally(() => (scanning = undefined));
  }, opts.scanIntervalMs ?? 30_000);
  timer.unref?.();

  log.info('cases worker started', { scanIntervalMs: opts.scanIntervalMs ?? 30_000 });
  return {
    name: 'cases-worker',
    async stop() {
      clearInterval(timer);
      await sub.drain();
      await batcher.drain();
      await scanning;
    },
  };
}
