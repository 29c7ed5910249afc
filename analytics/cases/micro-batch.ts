// Groups single deliveries into batches for a handler that is cheaper per batch
// than per item (one query for many). add() resolves or rejects with the item's
// own outcome once its batch is done. One batch runs at a time; while it runs,
// the next one fills up, so the batch size follows the load: one item when the
// stream is quiet, `maxItems` during a backfill. No I/O of its own.
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: Error };

export interface MicroBatchOptions {
  /** largest batch (default 500) */
  maxItems?: number;
  /** how long the first item of a batch waits for company when nothing runs (default 10 ms) */
  maxWaitMs?: number;
}

export class MicroBatcher<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: Error) => void }[] = [];
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxItems: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly flush: (items: T[]) => Promise<ItemOutcome<R>[]>,
    opts: MicroBatchOptions = {},
  ) {
    this.maxItems = Math.max(1, opts.maxItems ?? 500);
    this.maxWaitMs = Math.max(0, opts.maxWaitMs ?? 10);
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** items waiting for a batch */
  get pending(): number {
    return this.queue.length;
  }

  /** run everything queued so far, then resolve */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.running) {
      if (this.timer) clearTimeout(this.timer), (this.timer = null);
      if (!this.running) this.start();
      await this.running;
    }
  }

  private schedule(): void {
    if (this.running) return; // the batch after the running one starts when it ends
    if (this.queue.length >= this.maxItems) {
      if (this.timer) clearTimeout(this.timer), (this.timer = null);
      this.start();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.running) this.start();
      }, this.maxWaitMs);
    }
  }

  private start(): void {
    const batch = this.queue.splice(0, this.maxItems);
    if (batch.length === 0) return;
    this.running = this.run(batch).finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.start();
    });
  }

  private async run(batch: { item: T; resolve: (r: R) => void; reject: (e: Error) => void }[]): Promise<void> {
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = await this.flush(batch.map((b) => b.item));
    } catch (e) {
      for (const b of batch) b.reject(e as Error);
      return;
    }
    batch.forEach((b, i) => {
      const o = outcomes[i];
      if (!o) b.reject(new Error('batch handler returned no outcome for an item'));
      else if (o.ok) b.resolve(o.value);
      else b.reject(o.error);
    });
  }
}
