// The LSH band tables of the near-duplicate index: per band, an open-addressing hash
// table (linear probing) from a band key to the newest entry with that key. Entries are
// numbered in arrival order (their seq) and leave the window in that order, so when an
// entry leaves and is still the newest of a key, no entry with that key is left and the
// key is removed (backward-shift deletion: no tombstones). A table thus holds exactly the
// keys of the entries held, and is resized to stay between 1/16 and 1/2 full.
//
// A slot is two int32s: the key (0: empty) and the low 32 bits of the newest seq; seqs
// held are less than 2^31 apart, so their differences are exact.

const EMPTY = 0; // band keys are positive: a new table is empty as allocated
const MIN_SIZE = 4096;

/** Home slot of a key: the top bits of a multiplicative hash (the keys' low bits are not mixed enough). */
const homeOf = (key: number, shift: number): number => Math.imul(key, 0x9e3779b1) >>> shift;

export class LshTables {
  private size = MIN_SIZE;
  private shift = 32 - Math.log2(MIN_SIZE);
  /** band b's slot i at 2 * (b * size + i): its key or EMPTY, then its newest seq | 0 */
  private table: Int32Array;
  /** keys held, per band */
  private readonly filled: Int32Array;
  /** per band: the slot of the key looked up last (its own or the empty one that ends its probe) */
  private readonly slot: Int32Array;
  private sink = 0;

  constructor(private readonly bands: number) {
    this.table = new Int32Array(2 * MIN_SIZE * bands);
    this.filled = new Int32Array(bands);
    this.slot = new Int32Array(bands);
  }

  /** Memory held by the tables, in bytes. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /**
   * Touches the keys' home slots (keys[at …], one per band): most are cache misses, and
   * loaded together they overlap instead of following one another in the look-ups.
   */
  touch(keys: Int32Array, at: number): void {
    const { table, size, shift } = this;
    let sum = 0;
    for (let b = 0; b < this.bands; b++) sum |= table[2 * (b * size + homeOf(keys[at + b]!, shift))]!;
    this.sink = sum; // keeps the loads
  }

  /** The seq of the newest entry with `key` in band `b` (≥ head), or −1; remembers the key's slot for `set`. */
  find(b: number, key: number, head: number): number {
    const { table, size } = this;
    const base = 2 * b * size;
    let i = homeOf(key, this.shift);
    let k: number;
    while ((k = table[base + 2 * i]!) !== key && k !== EMPTY) i = (i + 1) & (size - 1);
    this.slot[b] = i;
    if (k === EMPTY) return -1;
    const d = (table[base + 2 * i + 1]! - head) | 0; // newest − head
    return d >= 0 ? head + d : -1;
  }

  /** Makes `seq` the newest entry of the key last passed to `find` for band `b` (no other change in between). */
  set(b: number, key: number, seq: number): void {
    const at = 2 * (b * this.size + this.slot[b]!);
    if (this.table[at] === EMPTY) this.filled[b]++;
    this.table[at] = key;
    this.table[at + 1] = seq | 0;
  }

  /** Entry `seq` leaves: drops `key` from band `b` if `seq` is its newest entry. */
  leave(b: number, key: number, seq: number): void {
    const { table, size } = this;
    const base = 2 * b * size;
    let i = homeOf(key, this.shift);
    let k: number;
    while ((k = table[base + 2 * i]!) !== key && k !== EMPTY) i = (i + 1) & (size - 1);
    if (k === EMPTY || table[base + 2 * i + 1] !== (seq | 0)) return;
    // Backward-shift deletion: move back the later slots of the cluster that may sit in the hole.
    const mask = size - 1;
    let hole = i;
    for (let j = (i + 1) & mask; table[base + 2 * j] !== EMPTY; j = (j + 1) & mask) {
      const home = homeOf(table[base + 2 * j]!, this.shift);
      if (((j - home) & mask) < ((j - hole) & mask)) continue; // its home lies after the hole
      table[base + 2 * hole] = table[base + 2 * j]!;
      table[base + 2 * hole + 1] = table[base + 2 * j + 1]!;
      hole = j;
    }
    table[base + 2 * hole] = EMPTY;
    this.filled[b]--;
  }

  /** Grows a table that got half full, or shrinks one under 1/16 full (call before `find`). */
  fit(): void {
    let most = 0;
    for (let b = 0; b < this.bands; b++) most = Math.max(most, this.filled[b]!);
    if (2 * (most + 1) > this.size || (16 * most < this.size && this.size > MIN_SIZE)) this.resize(most);
  }

  /** Rehashes into tables of a size fit for `keys` keys per band: a quarter full. */
  private resize(keys: number): void {
    const size = Math.max(MIN_SIZE, 2 ** Math.ceil(Math.log2(4 * (keys + 1))));
    const shift = 32 - Math.log2(size);
    const table = new Int32Array(2 * size * this.bands);
    const old = this.table;
    for (let b = 0; b < this.bands; b++) {
      for (let i = 2 * b * this.size; i < 2 * (b + 1) * this.size; i += 2) {
        const key = old[i]!;
        if (key === EMPTY) continue;
        let j = homeOf(key, shift);
        while (table[2 * (b * size + j)] !== EMPTY) j = (j + 1) & (size - 1);
        table[2 * (b * size + j)] = key;
        table[2 * (b * size + j) + 1] = old[i + 1]!;
      }
    }
    this.table = table;
    this.size = size;
    this.shift = shift;
  }
}
