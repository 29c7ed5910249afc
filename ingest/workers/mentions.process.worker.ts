// Consumes raw mentions from every source, analyses them, stores them in batches
// and only then acknowledges and announces them on `mentions.processed`.
// At-least-once end to end; stable ids + ReplacingMergeTree make redelivery store once.
import { createHash } from 'node:crypto';
import type { AppContext, Service } from '../../shared/app/context.js';
import { PermanentError, RetryableError, type Delivery } from '../../shared/bus/bus.js';
import { RawMentionSchema, type ProcessedMention, type RawMention } from '../../shared/types/mention.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { inlineAnalyser, threadAnalyser } from '../../analytics/analyse/analyser.js';
import { looksMisencoded, normaliseText } from '../../analytics/analyse/normalise.js';
import { NearDuplicateIndex } from '../../analytics/classify/near-dup.js';
import { BatchWriter } from '../writer/batch-writer.js';
import { toMentionRow } from '../../analytics/rows/mention-row.js';

export const PROCESS_DURABLE = 'process';

/** Validation and normalisation of a bus payload; throws PermanentError with the reason. */
export function validateRaw(data: unknown): RawMention {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PermanentError(`invalid mention: expected a JSON object, got ${Array.isArray(data) ? 'array' : typeof data}`);
  }
  const parsed = RawMentionSchema.safeParse(data);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new PermanentError(`invalid mention: ${why}`);
  }
  const text = normaliseText(parsed.data.text);
  if (!text) throw new PermanentError('invalid mention: text is empty after normalisation');
  if (looksMisencoded(text)) throw new PermanentError('invalid mention: text is in a wrong encoding (replacement characters)');
  return { ...parsed.data, text };
}

export function hashAuthor(source: string, author: string): string {
  if (!author) return '';
  return createHash('sha256').update(`${source}\u0000${author}`).digest('hex').slice(0, 16);
}

export async function startProcessWorker(ctx: AppContext): Promise<Service> {
  const { bus, store, config, log } = ctx;
  const wlog = log.child('process');
  const writer = new BatchWriter<ProcessedMention>({
    store,
    table: 'mentions',
    toRow: toMentionRow,
    maxRows: config.BATCH_SIZE,
    maxMs: config.BATCH_MS,
    log: wlog,
  });
  const nearDup = new NearDuplicateIndex();
  const analyser =
    config.ANALYSE_THREADS > 0
      ? await threadAnalyser({ threads: config.ANALYSE_THREADS, nearDup })
      : inlineAnalyser({ registry: ctx.registry, classifier: ctx.classifier, nearDup });

  const handle = async (msg: Delivery<unknown>) => {
    const raw = validateRaw(msg.data);
    const processed: ProcessedMention = {
      id: raw.id,
      source: raw.source,
      channel: raw.channel,
      authorHash: hashAuthor(raw.source, raw.author),
      text: raw.text,
      ts: new Date(raw.ts).toISOString(),
      url: raw.url ?? '',
      ingestedAt: new Date().toISOString(),
      ...(await analyser.analyse(raw)),
    };
    try {
      await writer.add(processed);
    } catch (e) {
      throw new RetryableError(`store insert failed: ${(e as Error).message}`);
    }
    // Announced only once stored; a crash between insert and ack redelivers, and the
    // second insert of the same id collapses in ReplacingMergeTree. The msgId differs from
    // the raw one: de-duplication is per stream, and both subjects live in one stream.
    await bus.publish(SUBJECTS.processed, processed, { msgId: `processed:${processed.id}` });
  };

  // In-flight must exceed a batch, or handlers would wait for the interval flush every time.
  const sub = await bus.consume(SUBJECTS.rawAll, PROCESS_DURABLE, handle, {
    maxInFlight: Math.max(64, config.BATCH_SIZE * 2),
    maxDeliver: 5,
    retryDelayMs: 2000,
    ackWaitMs: 30_000,
  });
  wlog.info('processing worker started', { bus: bus.kind, store: store.kind, analyser: analyser.kind });
  return {
    name: 'process-worker',
    async stop() {
      await sub.drain();
      await writer.close();
      await analyser.close();
    },
  };
}
