// Counting semaphore: bounds how many handlers run at once without polling.
export class Semaphore {
  #free: number;
  #waiters: Array<() => void> = [];

  constructor(size: number) {
    this.#free = size;
  }

  /** Takes a slot if one is free, without a promise (the hot path of a busy consumer). */
  tryAcquire(): boolean {
    if (this.#free === 0) return false;
    this.#free--;
    return true;
  }

  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#free++;
  }
}
