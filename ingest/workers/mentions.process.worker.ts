// Consumes raw mentions from every source, analyses them, stores them in batches
// and only then acknowledges and announces them on `mentions.processed`.
// At-least-once end to end; stable ids + ReplacingMergeTree make redelivery store once.
//
// The event loop only moves text: payloads arrive undecoded, analysis threads parse,
// validate, analyse and serialise them (prepare.ts), and this thread adds the
// near-duplicate group from the one shared index, batches the rows and publishes.
import type { AppContext, Service } from '../../shared/app/context.js';
import { JsonText, PermanentError, RetryableError, type Delivery } from '../../shared/bus/bus.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { NearDuplicateIndex } from '../../analytics/classify/near-dup.js';
import { BatchWriter } from '../writer/batch-writer.js';
import { isRejected, withField } from '../process/prepare.js';
import { inlinePreparer, threadPreparer } from '../process/preparer.js';

export const PROCESS_DURABLE = 'process';

export async function startProcessWorker(ctx: AppContext): Promise<Service> {
  const { bus, store, config, log } = ctx;
  const wlog = log.child('process');
  const writer = new BatchWriter<string>({
    store,
    table: 'mentions',
    toRow: (line) => line,
    maxRows: config.BATCH_SIZE,
    maxMs: config.BATCH_MS,
    log: wlog,
  });
  const nearDup = new NearDuplicateIndex();
  const preparer =
    config.ANALYSE_THREADS > 0
      ? await threadPreparer({ threads: config.ANALYSE_THREADS, log: wlog })
      : inlinePreparer({ registry: ctx.registry, classifier: ctx.classifier });

  const handle = async (msg: Delivery<unknown>) => {
    const prepared = await preparer.prepare(msg.data as string).catch((e: Error) => {
      throw new RetryableError(`analysis failed: ${e.message}`);
    });
    if (isRejected(prepared)) throw new PermanentError(prepared.error);
    const group = prepared.relevant ? nearDup.checkSignature(prepared.id, prepared.sig, prepared.tsMs) : prepared.id;
    const dupGroup = group === prepared.id ? '' : group;
    try {
      await writer.add(withField(prepared.row, 'dup_group', dupGroup));
    } catch (e) {
      throw new RetryableError(`store insert failed: ${(e as Error).message}`);
    }
    // Announced only once stored; a crash between insert and ack redelivers, and the
    // second insert of the same id collapses in ReplacingMergeTree. The msgId differs from
    // the raw one: de-duplication is per stream, and both subjects live in one stream.
    await bus.publish(SUBJECTS.processed, new JsonText(withField(prepared.processed, 'dupGroup', dupGroup)), {
      msgId: `processed:${prepared.id}`,
    });
  };

  // In-flight must exceed a batch, or handlers would wait for the interval flush every time.
  const sub = await bus.consume(SUBJECTS.rawAll, PROCESS_DURABLE, handle, {
    maxInFlight: Math.max(64, config.BATCH_SIZE * 2),
    maxDeliver: 5,
    retryDelayMs: 2000,
    ackWaitMs: 30_000,
    raw: true,
  });
  wlog.info('processing worker started', { bus: bus.kind, store: store.kind, analyser: preparer.kind });
  return {
    name: 'process-worker',
    async stop() {
      await sub.drain();
      await writer.close();
      await preparer.close();
    },
  };
}
