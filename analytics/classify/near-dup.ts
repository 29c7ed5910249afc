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

// fixed odd multipliers and offsets: the same text always gets the same signature
const A = new Uint32Array(K);
const B = new Uint32Array(K);
{
  let s = 0x9e3779b9;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < K; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MinHash signature of a text, or null when it is too short to compare. */
export function minhash(text: string): Uint32Array | null {
  const norm = tokenize(text).join(' ');
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE <= norm.length; i++) hashes.add(fnv1a(norm.slice(i, i + SHINGLE)));
  if (hashes.size < MIN_SHINGLES) return null;
  const sig = new Uint32Array(K).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < K; i++) {
      const v = (Math.imul(A[i], h) + B[i]) >>> 0;
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
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
}

/** One number per LSH band: a hash of the band's rows (collisions only cost a comparison). */
function bandKeys(sig: Uint32Array): number[] {
  const keys = new Array<number>(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = Math.imul(h ^ sig[r], 0x01000193);
    keys[b] = (h >>> 0) * BANDS + b;
  }
  return keys;
}

export class NearDuplicateIndex {
  private readonly windowMs: number;
  private readonly threshold: number;
  private readonly bands = new Map<number, Entry[]>();
  private readonly queue: Entry[] = [];
  private head = 0;
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
    const seen = new Set<Entry>();
    scan: for (const k of keys) {
      for (const e of this.bands.get(k) ?? []) {
        if (seen.has(e)) continue;
        seen.add(e);
        if (Math.abs(tsMs - e.ts) > this.windowMs) continue;
        this.comparisons++;
        if (similarity(sig, e.sig) < this.threshold) continue;
        best = e;
        break scan;
      }
    }
    const entry: Entry = { id, group: best ? best.group : id, ts: tsMs, sig, keys };
    for (const k of keys) {
      const list = this.bands.get(k);
      if (!list) this.bands.set(k, [entry]);
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
      for (const k of e.keys) {
        const list = this.bands.get(k);
        if (!list) continue;
        const rest = list.filter((x) => x !== e);
        if (rest.length) this.bands.set(k, rest);
        else this.bands.delete(k);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
