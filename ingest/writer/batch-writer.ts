// Batched inserts with per-item acknowledgement. A bus handler awaits add(item)
// and acks only when it resolves, i.e. when the batch holding the item is in
// the table; if that insert fails every item of the batch rejects and the bus
// redelivers them (rows are idempotent by id, so a retry cannot double-count).
//
// One insert in flight at a time while the next batch fills: chDB pays ~5 ms
// per insert whatever its size, so while an insert runs, rows pile up into the
// next, larger batch instead of queueing many small inserts behind it.
import { JsonRows, type Store } from '../../shared/storage/store.js';
import { toJsonLine } from '../../shared/storage/wire.js';
import { silentLogger, type Logger } from '../../shared/log/logger.js';

export interface BatchWriterOptions<T> {
  store: Store;
  table: string;
  /**
   * The item's row: an object with the table's columns, or that object already as JSON
   * text (one line, no newline) when it was serialised elsewhere, e.g. in a worker thread.
   */
  toRow: (item: T) => Record<string, unknown> | string;
  /** flush as soon as this many rows wait */
  maxRows: number;
  /** flush rows that have waited this long, even if the batch is not full */
  maxMs: number;
  log?: Logger;
}

interface Pending {
  /** the row as a JSONEachRow line without its newline */
  line: string;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class WriterClosedError extends Error {
  override readonly name = 'WriterClosedError';
}

export class BatchWriter<T> {
  private readonly store: Store;
  private readonly table: string;
  private readonly toRow: (item: T) => Record<string, unknown> | string;
  private readonly maxRows: number;
  private readonly maxMs: number;
  private readonly log: Logger;

  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** the interval passed while an insert was running: flush as soon as it ends */
  private due = false;
  private inflight: Promise<void> | null = null;
  private closed = false;

  constructor(opts: BatchWriterOptions<T>) {
    if (!(opts.maxRows >= 1)) throw new RangeError('maxRows must be at least 1');
    if (!(opts.maxMs >= 0)) throw new RangeError('maxMs must not be negative');
    this.store = opts.store;
    this.table = opts.table;
    this.toRow = opts.toRow;
    this.maxRows = Math.floor(opts.maxRows);
    this.maxMs = opts.maxMs;
    this.log = opts.log ?? silentLogger;
  }

  /** rows waiting for an insert (not counting the one in flight) */
  get pending(): number {
    return this.buffer.length;
  }

  /** Resolves once the item's batch is inserted; rejects if that insert failed or the row cannot be built. */
  add(item: T): Promise<void> {
    if (this.closed) return Promise.reject(new WriterClosedError(`writer for ${this.table} is closed`));
    let line: string;
    try {
      // Converting here (not at flush) spreads the CPU cost and fails only this item.
      const row = this.toRow(item);
      line = typeof row === 'string' ? row : toJsonLine(row);
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise<void>((resolve, reject) => {
      this.buffer.push({ line, resolve, reject });
      if (this.buffer.length >= this.maxRows) this.kick();
      else this.arm();
    });
  }

  /** Insert everything added so far; resolves when those rows are settled (failures reject their add()). */
  async flush(): Promise<void> {
    while (this.buffer.length > 0 || this.inflight) {
      if (!this.inflight) this.kick();
      await this.inflight;
    }
  }

  /** Refuse new items, insert the rest. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    this.disarm();
  }

  private arm(): void {
    if (this.timer || this.buffer.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inflight) this.due = true;
      else this.kick();
    }, this.maxMs);
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Start an insert of up to maxRows waiting rows, unless one is already running. */
  private kick(): void {
    if (this.inflight || this.buffer.length === 0) return;
    this.disarm();
    this.due = false;
    const batch = this.buffer.splice(0, this.maxRows);
    this.inflight = this.insert(batch).finally(() => {
      this.inflight = null;
      this.afterInsert();
    });
  }

  private afterInsert(): void {
    if (this.buffer.length === 0) return;
    if (this.buffer.length >= this.maxRows || this.due) this.kick();
    else this.arm();
  }

  /** Never rejects: the outcome goes to the items' own promises. */
  private async insert(batch: Pending[]): Promise<void> {
    const started = Date.now();
    try {
      let text = '';
      for (const p of batch) text += p.line + '\n';
      await this.store.insert(this.table, new JsonRows(text, batch.length));
    } catch (e) {
      this.log.error('batch insert failed; items will be redelivered', {
        table: this.table,
        rows: batch.length,
        error: e instanceof Error ? e.message : String(e),
      });
      for (const p of batch) p.reject(e);
      return;
    }
    this.log.debug('batch inserted', { table: this.table, rows: batch.length, ms: Date.now() - started });
    for (const p of batch) p.resolve();
  }
}
