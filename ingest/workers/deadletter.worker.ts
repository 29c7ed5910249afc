// Keeps every dead letter in ClickHouse so bad input is visible, never silently lost.
import type { AppContext, Service } from '../../shared/app/context.js';
import type { DeadLetter } from '../../shared/types/subjects.js';
import { SUBJECTS } from '../../shared/types/subjects.js';
import { RetryableError } from '../../shared/bus/bus.js';
import { BatchWriter } from '../writer/batch-writer.js';

const MAX_PAYLOAD = 64 * 1024;

export function toDeadLetterRow(d: DeadLetter): Record<string, unknown> {
  const payload = typeof d.payload === 'string' ? d.payload : JSON.stringify(d.payload);
  return {
    at: (d.at ? new Date(d.at) : new Date()).toISOString().replace('T', ' ').replace('Z', ''),
    subject: String(d.subject ?? ''),
    reason: String(d.reason ?? ''),
    deliveries: Number(d.deliveries ?? 0) >>> 0,
    payload: payload.length > MAX_PAYLOAD ? payload.slice(0, MAX_PAYLOAD) + '…[truncated]' : payload,
  };
}

export async function startDeadLetterWorker(ctx: AppContext): Promise<Service> {
  const log = ctx.log.child('deadletter');
  const writer = new BatchWriter<DeadLetter>({
    store: ctx.store,
    table: 'dead_letters',
    toRow: toDeadLetterRow,
    maxRows: 500,
    maxMs: 500,
    log,
  });
  const sub = await ctx.bus.consume<DeadLetter>(
    SUBJECTS.deadLetter,
    'deadletter-store',
    async (msg) => {
      log.warn('dead letter', { subject: msg.data.subject, reason: msg.data.reason });
      try {
        await writer.add(msg.data);
      } catch (e) {
        // Never a permanent error here: that would dead-letter the dead letter.
        throw new RetryableError(`dead letter insert failed: ${(e as Error).message}`);
      }
    },
    { maxInFlight: 1000 },
  );
  return {
    name: 'deadletter-worker',
    async stop() {
      await sub.drain();
      await writer.close();
    },
  };
}
