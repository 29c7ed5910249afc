// Near-duplicate grouping of reposts and copies: MinHash over character 5-gram
// shingles of the normalised words, with LSH banding so a check costs a few table
// look-ups instead of a scan of the window. Character shingles survive the small
// edits reposts get (a prefix «Репост:», a typo, an emoji, a changed address line).
import { LshTables } from './lsh-tables.js';
import { tokenize } from './tokenize.js';

const K = 64; // hash functions
const BANDS = 16; // LSH bands of K / BANDS rows each
const ROWS = K / BANDS;
const SHINGLE = 5;
/** Texts with fewer shingles than this are too short to tell a copy from a coincidence. */
const MIN_SHINGLES = 20;
/**
 * Entries kept per LSH bucket. A text reposted thousands of times (spam, a copied
 * announcement) would otherwise make every check scan all its copies; the newest few
 * copies represent the group as well as all of them.
 */
const MAX_BUCKET = 8;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BUCKET_SHIFT = 32 - Math.log2(K); // the top bits of a shingle's hash pick its bucket

/** murmur3's 32-bit finaliser: spreads the bits of a hash (a fixed bijection). */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MinHash signature of a text, or null when it is too short to compare. One-permutation
 * hashing with optimal densification (Shrivastava 2017): each distinct 5-character shingle
 * of the normalised words is hashed once; the top bits pick one of K buckets, the bucket
 * keeps the smallest hash; an empty bucket copies the bucket that a fixed hash of its index
 * and an attempt counter lands on first. Equal entries estimate Jaccard similarity like K
 * independent hash functions do, at the cost of one hash per shingle instead of K.
 */
export function minhash(text: string): Uint32Array | null {
  return minhashOfWords(tokenize(text));
}

/** Words (32-bit) in a signature: `minhashOfWords` can write into a slice of a larger array. */
export const SIGNATURE_LENGTH = K;

const filled = new Uint8Array(K); // scratch: one signature at a time per thread

/**
 * The same signature from the text's words as `tokenize` gives them (e.g. the classifier's).
 * With `into` (SIGNATURE_LENGTH words, e.g. a subarray of one buffer for a whole batch,
 * which crosses to another thread as one transfer) it is written there.
 */
export function minhashOfWords(words: readonly string[], into?: Uint32Array): Uint32Array | null {
  const norm = words.join(' ');
  const n = norm.length - SHINGLE + 1;
  if (n < MIN_SHINGLES) return null;
  const sig = (into ?? new Uint32Array(K)).fill(0xffffffff);
  filled.fill(0);
  let buckets = 0;
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ norm.charCodeAt(j), FNV_PRIME);
    h = fmix(h);
    const b = h >>> BUCKET_SHIFT;
    if (!filled[b]) (filled[b] = 1), buckets++;
    if (h < sig[b]!) sig[b] = h;
  }
  // Repeated shingles change no minimum; they only matter for the length rule, and
  // only when few buckets are filled is it worth counting the distinct ones.
  if (buckets < MIN_SHINGLES && distinctShingles(norm, n) < MIN_SHINGLES) return null;
  for (let b = 0; b < K; b++) {
    if (filled[b]) continue;
    for (let attempt = 1; ; attempt++) {
      const from = fmix(Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x7feb352d)) >>> BUCKET_SHIFT;
      if (filled[from]) {
        sig[b] = sig[from]!;
        break;
      }
    }
  }
  return sig;
}

function distinctShingles(norm: string, n: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(norm.slice(i, i + SHINGLE));
  return seen.size;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < K; i++) if (a[i] === b[i]) same++;
  return same / K;
}

/** One number per LSH band (its own table): a hash of the band's rows (collisions only cost a comparison). */
function bandKeys(sig: Uint32Array, keys: Int32Array): void {
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = Math.imul(h ^ sig[r]!, 0x01000193);
    keys[b] = (h & 0x3fffffff) + 1; // positive int32s: 0 marks an empty slot
  }
}

/** Bytes that differ between two words. */
function differingBytes(x: number): number {
  const high = (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080; // the top bit of every non-zero byte
  return Math.imul(high >>> 7, 0x01010101) >>> 24;
}

const MIN_POOL = 1024;
/**
 * An entry's record in the pool: 448 bytes, seven cache lines. Line 0: per band, how many
 * seqs back the previous entry with the same key is (0: none), as int32. Line 1: the last
 * check that compared the entry (one comparison per entry per check), its time, and the
 * low byte of its first 48 signature values. Line 2: its band keys. Lines 3–6: its
 * signature. Bytes that differ mean values that differ, so most candidates are rejected
 * on line 1 alone.
 */
const RECORD = 448;
const LINKS = 0; // int32 index within the record
const STAMP = 8; // float64 index
const TS = 9; // float64 index
const SKETCH = 80; // byte offset
const SKETCH_WORDS = 12;
const KEYS = 32; // int32 index
const SIG = 48; // int32 index
/**
 * The index lives in typed arrays rather than a Map of arrays per band: a Map insert of
 * a fresh key plus a one-element array cost ~0.5 µs, and a check inserts a fresh key in
 * almost every band. Entries are numbered in arrival order (seq) and kept in a ring pool
 * at `seq & poolMask`; eviction is FIFO, so the entries held are exactly the seqs in
 * [head, tail). Each band's table (LshTables) maps a key to its newest entry, and each
 * entry links to the previous one with the same key: a bucket is that chain cut after
 * MAX_BUCKET links or at the first evicted entry.
 */
export class NearDuplicateIndex {
  private readonly windowMs: number;
  private readonly threshold: number;
  private readonly tables = new LshTables(BANDS);
  private poolMask = MIN_POOL - 1;
  private groups: (string | undefined)[] = new Array(MIN_POOL);
  private f64 = new Float64Array(MIN_POOL * (RECORD / 8));
  private i32 = new Int32Array(this.f64.buffer);
  private u32 = new Uint32Array(this.f64.buffer);
  private head = 0;
  private tail = 0;
  private readonly keys = new Int32Array(BANDS);
  private readonly sketch = new Int32Array(SKETCH_WORDS);
  private readonly chain = new Float64Array(MAX_BUCKET);
  private checks = 0;
  /** signature comparisons made so far (the cost of `check`, for tests and metrics) */
  comparisons = 0;

  constructor(opts: { windowMs?: number; threshold?: number } = {}) {
    this.windowMs = opts.windowMs ?? 3 * 24 * 3600 * 1000;
    this.threshold = opts.threshold ?? 0.6;
  }

  /** Returns the group id: the id of the earliest near-identical text seen within the window, or `id` if new. */
  check(id: string, text: string, tsMs: number): string {
    return this.checkSignature(id, minhash(text), tsMs);
  }

  /**
   * Same as `check` with the signature computed elsewhere (e.g. in an analysis thread,
   * so the shared index costs the event loop only the lookup).
   */
  checkSignature(id: string, sig: Uint32Array | null, tsMs: number): string {
    if (sig) bandKeys(sig, this.keys);
    // The tables' slots for the keys of the text (and of a text leaving) are likely cache
    // misses: evict() loads them together, so that they overlap.
    if (!this.evict(tsMs, sig !== null) && sig) this.tables.touch(this.keys, 0);
    if (!sig) return id;
    if (this.size > this.poolMask) this.resizePool(2 * (this.poolMask + 1));
    const { tables, keys, sketch, chain, head, poolMask, f64, i32 } = this;
    tables.fit();
    for (let w = 0; w < SKETCH_WORDS; w++) {
      const r = 4 * w;
      sketch[w] = (sig[r]! & 0xff) | ((sig[r + 1]! & 0xff) << 8) | ((sig[r + 2]! & 0xff) << 16) | (sig[r + 3]! << 24);
    }
    // The first similar entry decides: every member of a group carries the group's id.
    let best = -1;
    const stamp = ++this.checks; // marks entries already compared in this check
    const maxMismatches = K - Math.ceil(this.threshold * K);
    const seq = this.tail;
    const rec = (seq & poolMask) * (RECORD / 4); // in int32s
    for (let b = 0; b < BANDS; b++) {
      const newest = tables.find(b, keys[b]!, head);
      i32[rec + LINKS + b] = newest < 0 ? 0 : seq - newest;
      if (best >= 0 || newest < 0) continue;
      // The bucket, oldest first: the newest MAX_BUCKET entries with this key still held.
      let n = 0;
      for (let s = newest; s >= head && n < MAX_BUCKET; ) {
        chain[n++] = s;
        const back = i32[(s & poolMask) * (RECORD / 4) + LINKS + b]!;
        s = back ? s - back : -1;
      }
      while (n > 0) {
        const e = (chain[--n]! & poolMask) * (RECORD / 4);
        if (f64[e / 2 + STAMP] === stamp) continue;
        f64[e / 2 + STAMP] = stamp;
        if (Math.abs(tsMs - f64[e / 2 + TS]!) > this.windowMs) continue;
        this.comparisons++;
        let miss = 0;
        for (let w = 0; w < SKETCH_WORDS && miss <= maxMismatches; w++) miss += differingBytes(sketch[w]! ^ i32[e + SKETCH / 4 + w]!);
        if (miss > maxMismatches || !this.atMostMismatches(sig, e + SIG, maxMismatches)) continue;
        best = chain[n]! & poolMask;
        break;
      }
    }
    for (let b = 0; b < BANDS; b++) tables.set(b, keys[b]!, seq);
    const group = best >= 0 ? this.groups[best]! : id;
    this.groups[seq & poolMask] = group;
    f64[rec / 2 + STAMP] = stamp;
    f64[rec / 2 + TS] = tsMs;
    i32.set(sketch, rec + SKETCH / 4);
    i32.set(keys, rec + KEYS);
    this.u32.set(sig, rec + SIG);
    this.tail++;
    return group;
  }

  /** similarity(a, the signature at u32[at …]) ≥ 1 − max/K, stopping as soon as it cannot be. */
  private atMostMismatches(a: Uint32Array, at: number, max: number): boolean {
    const b = this.u32;
    let miss = 0;
    for (let i = 0; i < K; i++) if (a[i] !== b[at + i] && ++miss > max) return false;
    return true;
  }

  /** Number of texts currently held in the window. */
  get size(): number {
    return this.tail - this.head;
  }

  /** Memory held by the pool and the tables, in bytes (the group ids apart). */
  get bytes(): number {
    return this.f64.byteLength + this.tables.bytes;
  }

  /** Drops the texts older than the window; true if any (then the slots of `keys` were touched too, if `touch`). */
  private evict(now: number, touch: boolean): boolean {
    const before = this.head;
    while (this.head < this.tail && this.f64[(this.head & this.poolMask) * (RECORD / 8) + TS]! < now - this.windowMs) {
      const e = this.head & this.poolMask;
      const at = e * (RECORD / 4) + KEYS;
      this.tables.touch(this.i32, at);
      if (touch && this.head === before) this.tables.touch(this.keys, 0);
      for (let b = 0; b < BANDS; b++) this.tables.leave(b, this.i32[at + b]!, this.head);
      this.groups[e] = undefined;
      this.head++;
    }
    // After a burst, give the memory back: a pool sized for the texts still held (the tables fit themselves).
    if (this.head !== before && this.poolMask >= MIN_POOL && 8 * this.size <= this.poolMask) {
      this.resizePool(Math.max(MIN_POOL, 2 ** Math.ceil(Math.log2(2 * (this.size + 1)))));
    }
    return this.head !== before;
  }

  /** Moves the entries held into a pool of `cap` records (a power of two > size). */
  private resizePool(cap: number): void {
    const mask = cap - 1;
    const groups = new Array<string | undefined>(cap);
    const f64 = new Float64Array(cap * (RECORD / 8));
    for (let s = this.head; s < this.tail; s++) {
      const from = (s & this.poolMask) * (RECORD / 8);
      groups[s & mask] = this.groups[s & this.poolMask];
      f64.set(this.f64.subarray(from, from + RECORD / 8), (s & mask) * (RECORD / 8));
    }
    this.poolMask = mask;
    this.groups = groups;
    this.f64 = f64;
    this.i32 = new Int32Array(f64.buffer);
    this.u32 = new Uint32Array(f64.buffer);
  }
}
