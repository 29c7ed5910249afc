// Seeded randomness for the demo stream: mulberry32 is tiny, fast and good enough
// for synthetic data, and the same seed must give the same stream on every machine.
import { mulberry32 } from '../../../shared/random/mulberry32.js';

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** exponential with the given mean */
  exp(mean: number): number;
  /** an independent stream derived from this seed and a label */
  fork(label: string): Rng;
}


/** FNV-1a: stable 32-bit hash of a string, for seeds and synthetic native ids. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    exp: (mean) => -Math.log(1 - next()) * mean,
    fork: (label) => createRng(hash32(`${seed}:${label}`)),
  };
  return rng;
}

/** Weighted choice over a fixed table; built once, O(log n) per draw. */
export class WeightedTable<T> {
  private readonly cum: number[] = [];
  private readonly items: T[] = [];
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    let acc = 0;
    for (const [item, w] of entries) {
      if (w <= 0) continue;
      acc += w;
      this.items.push(item);
      this.cum.push(acc);
    }
    if (this.items.length === 0) throw new Error('WeightedTable needs at least one positive weight');
    this.total = acc;
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
