// Near-duplicate grouping of reposts and copies: MinHash over character 5-gram
// shingles of the normalised words, with LSH banding so a check costs a few map
// look-ups instead of a scan of the window. Character shingles survive the small
// edits reposts get (a prefix «Репост:», a typo, an emoji, a changed address line).
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
  const norm = tokenize(text).join(' ');
  const n = norm.length - SHINGLE + 1;
  if (n < MIN_SHINGLES) return null;
  const sig = new Uint32Array(K).fill(0xffffffff);
  const filled = new Uint8Array(K);
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

interface Entry {
  id: string;
  group: string;
  ts: number;
  sig: Uint32Array;
  keys: number[];
  /** the last check that compared this entry (one comparison per check) */
  stamp: number;
}

/** similarity(a, b) ≥ 1 − max/K, stopping as soon as it cannot be. */
function atMostMismatches(a: Uint32Array, b: Uint32Array, max: number): boolean {
  let miss = 0;
  for (let i = 0; i < K; i++) if (a[i] !== b[i] && ++miss > max) return false;
  return true;
}

/** One number per LSH band (its own table): a hash of the band's rows (collisions only cost a comparison). */
function bandKeys(sig: Uint32Array): number[] {
  const keys = new Array<number>(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = Math.imul(h ^ sig[r], 0x01000193);
    keys[b] = h & 0x3fffffff; // a small integer: Map keys above 2^30 are boxed and slow
  }
  return keys;
}

export class NearDuplicateIndex {
  private readonly windowMs: number;
  private readonly threshold: number;
  private readonly bands = Array.from({ length: BANDS }, () => new Map<number, Entry[]>());
  private readonly queue: Entry[] = [];
  private head = 0;
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
    this.evict(tsMs);
    if (!sig) return id;
    const keys = bandKeys(sig);
    // The first similar entry decides: every member of a group carries the group's id.
    let best: Entry | null = null;
    const stamp = ++this.checks; // marks entries already compared in this check
    const maxMismatches = K - Math.ceil(this.threshold * K);
    // Each band's bucket is looked up once and kept for the insert below: the tables are
    // large, and every probe is a likely cache miss.
    const lists = new Array<Entry[] | undefined>(BANDS);
    for (let b = 0; b < BANDS; b++) {
      const list = (lists[b] = this.bands[b]!.get(keys[b]!));
      if (!list || best) continue;
      for (const e of list) {
        if (e.stamp === stamp) continue;
        e.stamp = stamp;
        if (Math.abs(tsMs - e.ts) > this.windowMs) continue;
        this.comparisons++;
        if (!atMostMismatches(sig, e.sig, maxMismatches)) continue;
        best = e;
        break;
      }
    }
    const entry: Entry = { id, group: best ? best.group : id, ts: tsMs, sig, keys, stamp };
    for (let b = 0; b < BANDS; b++) {
      const list = lists[b];
      if (!list) this.bands[b]!.set(keys[b]!, [entry]);
      else {
        list.push(entry);
        if (list.length > MAX_BUCKET) list.shift();
      }
    }
    this.queue.push(entry);
    return entry.group;
  }

  /** Number of texts currently held in the window. */
  get size(): number {
    return this.queue.length - this.head;
  }

  private evict(now: number): void {
    while (this.head < this.queue.length && this.queue[this.head].ts < now - this.windowMs) {
      const e = this.queue[this.head++];
      for (let b = 0; b < BANDS; b++) {
        const k = e.keys[b]!;
        const band = this.bands[b]!;
        const list = band.get(k);
        if (!list) continue;
        const rest = list.filter((x) => x !== e);
        if (rest.length) band.set(k, rest);
        else band.delete(k);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
