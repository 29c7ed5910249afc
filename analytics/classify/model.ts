// Linear softmax model over hashed sparse features: the file format, the fast
// per-text vectoriser and the scoring.
//
// Why not natural's BayesClassifier / LogisticRegressionClassifier: both turn every
// document into a dense vector over the whole vocabulary, so classifying costs
// O(vocabulary) per text (0.8 k texts/s at 7.7 k stems, perf-limits §3.5; our
// vocabulary is far larger), and LogisticRegression trains for minutes on toy data.
// Here a text costs O(its features × classes); bench/classify.ts measures both.
import type { Category } from '../../shared/types/taxonomy.js';
import { KIND, KIND_WEIGHT, extractFeatures, pairId, wordInfo, WORD_NEGATION, WORD_STOP, type DocFeatures } from './features.js';

export const MODEL_FORMAT = 'domovoy-linear-softmax/2';

/** The committed model file (JSON, optionally gzipped). */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  classes: Category[];
  /** base64 of little-endian uint32 feature ids (features.ts), ascending; feature i owns weights [i*C, (i+1)*C) */
  features: string;
  /** weights are int16 × scale */
  scale: number;
  /** base64 of little-endian int16, features × classes */
  weights: string;
  bias: number[];
  meta: Record<string, unknown>;
}

/** Open-addressing table feature id → row; Int32Array keys avoid Map's boxing of ids ≥ 2^30. */
export class FeatureTable {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array; // row + 1, 0 = empty
  private readonly mask: number;
  constructor(ids: Uint32Array) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size);
    this.mask = size - 1;
    for (let r = 0; r < ids.length; r++) {
      let slot = ids[r] & this.mask;
      while (this.rows[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = ids[r] | 0;
      this.rows[slot] = r + 1;
    }
  }
  /** Row of a feature id, or -1. */
  get(id: number): number {
    const key = id | 0;
    let slot = id & this.mask;
    for (;;) {
      const r = this.rows[slot];
      if (r === 0) return -1;
      if (this.keys[slot] === key) return r - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

export interface LinearModel {
  classes: Category[];
  ids: Uint32Array;
  table: FeatureTable;
  /**
   * The file's int16 weights as they are (features × classes); a weight is `weights[i] * scale`.
   * Kept quantised: scoring a text reads a few hundred rows scattered over the table, and at
   * 2 bytes a row of 28 classes is one cache line instead of four (the table is 4 MB, not 17).
   */
  weights: Int16Array;
  scale: number;
  bias: Float64Array;
  /** relevance margin chosen at training time (index.ts), if the file has one */
  complaintMargin?: number;
}

export function decodeModel(file: ModelFile): LinearModel {
  if (file.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(file.format)}`);
  const C = file.classes.length;
  const fbuf = Buffer.from(file.features, 'base64');
  const ids = new Uint32Array(fbuf.length / 4);
  for (let i = 0; i < ids.length; i++) ids[i] = fbuf.readUInt32LE(i * 4);
  const buf = Buffer.from(file.weights, 'base64');
  const n = buf.length / 2;
  if (n !== ids.length * C) throw new Error('model weights do not match features × classes');
  const weights = new Int16Array(n);
  for (let i = 0; i < n; i++) weights[i] = buf.readInt16LE(i * 2);
  const margin = file.meta?.complaintMargin;
  return {
    classes: file.classes,
    ids,
    table: new FeatureTable(ids),
    weights,
    scale: file.scale,
    bias: Float64Array.from(file.bias),
    complaintMargin: typeof margin === 'number' && margin > 0 ? margin : undefined,
  };
}

/** Quantise float weights to the file format; rounding makes the bytes reproducible. */
export function encodeModel(
  classes: Category[],
  ids: ArrayLike<number>,
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  meta: Record<string, unknown>,
): ModelFile {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max > 0 ? Number((max / 32767).toPrecision(8)) : 1;
  const buf = Buffer.alloc(weights.length * 2);
  for (let i = 0; i < weights.length; i++) {
    buf.writeInt16LE(Math.max(-32767, Math.min(32767, Math.round(weights[i] / scale))), i * 2);
  }
  const fbuf = Buffer.alloc(ids.length * 4);
  for (let i = 0; i < ids.length; i++) fbuf.writeUInt32LE(ids[i], i * 4);
  return {
    format: MODEL_FORMAT,
    classes,
    features: fbuf.toString('base64'),
    scale,
    weights: buf.toString('base64'),
    bias: Array.from(bias, (b) => Number(b.toFixed(6))),
    meta,
  };
}

/** A text as model rows and L2-normalised values (features unknown to the model dropped). */
export interface Vector {
  rows: Int32Array;
  vals: Float64Array;
  n: number;
}

/** The reference vector: extractFeatures filtered to the model, normalised. Used by training and explanation. */
export function referenceVector(model: LinearModel, doc: DocFeatures): { rows: number[]; vals: number[]; src: number[] } {
  const rows: number[] = [];
  const vals: number[] = [];
  const src: number[] = [];
  for (let k = 0; k < doc.ids.length; k++) {
    const r = model.table.get(doc.ids[k]);
    if (r < 0) continue;
    rows.push(r);
    vals.push(KIND_WEIGHT[doc.kinds[k]]);
    src.push(doc.src[k]);
  }
  normalise(vals, vals.length);
  return { rows, vals, src };
}

function normalise(vals: { [i: number]: number }, n: number): void {
  let norm = 0;
  for (let k = 0; k < n; k++) norm += vals[k] * vals[k];
  norm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < n; k++) vals[k] *= norm;
}

/** A word with the model rows of its own features resolved once. */
interface ResolvedWord {
  role: number;
  stemHash: number;
  rows: Int32Array;
  vals: Float64Array;
  negRow: number;
}

const RESOLVED_LIMIT = 200_000;
const MAX_FEATURES = 4096;

/**
 * The fast vectoriser of one model: the same walk as extractFeatures, but every
 * word's rows are looked up once and cached, pairs are one table probe on an
 * integer id, and duplicates are dropped with a generation-stamped array instead
 * of a Set. No per-text allocation except the word list.
 */
export function makeVectoriser(model: LinearModel): (words: string[]) => Vector {
  const cache = new Map<string, ResolvedWord>();
  const stamp = new Uint32Array(model.ids.length);
  let gen = 0;
  const out: Vector = { rows: new Int32Array(MAX_FEATURES), vals: new Float64Array(MAX_FEATURES), n: 0 };
  const resolve = (w: string): ResolvedWord => {
    const info = wordInfo(w);
    const rows: number[] = [];
    const vals: number[] = [];
    for (let k = 0; k < info.unit.length; k++) {
      const r = model.table.get(info.unit[k]);
      if (r >= 0) {
        rows.push(r);
        vals.push(KIND_WEIGHT[info.unitKind[k]]);
      }
    }
    const rw = { role: info.role, stemHash: info.stemHash, rows: Int32Array.from(rows), vals: Float64Array.from(vals), negRow: model.table.get(info.negId) };
    if (cache.size >= RESOLVED_LIMIT) cache.clear();
    cache.set(w, rw);
    return rw;
  };
  return (words: string[]): Vector => {
    gen = (gen + 1) >>> 0;
    if (gen === 0) {
      stamp.fill(0);
      gen = 1;
    }
    let n = 0;
    const put = (r: number, v: number): void => {
      if (r < 0 || stamp[r] === gen || n >= MAX_FEATURES) return;
      stamp[r] = gen;
      out.rows[n] = r;
      out.vals[n++] = v;
    };
    let prev = 0;
    let hasPrev = false;
    let negated = 0;
    for (let i = 0; i < words.length; i++) {
      const w = cache.get(words[i]) ?? resolve(words[i]);
      if (w.role === WORD_NEGATION) {
        negated = 2;
        continue;
      }
      if (w.role === WORD_STOP) continue;
      for (let k = 0; k < w.rows.length; k++) put(w.rows[k], w.vals[k]);
      if (negated > 0) {
        put(w.negRow, KIND_WEIGHT[KIND.n]);
        negated--;
      }
      if (hasPrev) put(model.table.get(pairId(prev, w.stemHash)), KIND_WEIGHT[KIND.b]);
      prev = w.stemHash;
      hasPrev = true;
    }
    normalise(out.vals, n);
    out.n = n;
    return out;
  };
}

/** Linear scores (logits) of a vector into `z`. */
export function scores(model: LinearModel, rows: ArrayLike<number>, vals: ArrayLike<number>, n: number, z: Float64Array): Float64Array {
  const C = model.classes.length;
  const w = model.weights;
  z.fill(0, 0, C);
  for (let k = 0; k < n; k++) {
    const v = vals[k];
    // a row's weights are contiguous: walk them with one index, no multiply per class
    for (let c = 0, j = rows[k] * C; c < C; c++, j++) z[c] += v * w[j];
  }
  for (let c = 0; c < C; c++) z[c] = model.bias[c] + model.scale * z[c];
  return z;
}

/** Softmax in place. */
export function softmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c] - max);
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

/** Class probabilities of a text (reference path). */
export function predictProba(model: LinearModel, textOrWords: string | string[]): Float64Array {
  const v = referenceVector(model, extractFeatures(textOrWords));
  return softmax(scores(model, v.rows, v.vals, v.rows.length, new Float64Array(model.classes.length)));
}

/**
 * Words that pushed class `c` up the most: each feature's weight for `c` minus its
 * mean weight over classes (what makes `c` win, not what every class shares),
 * summed per source word.
 */
export function explain(model: LinearModel, words: string[], c: number, top = 4): string[] {
  const C = model.classes.length;
  const v = referenceVector(model, extractFeatures(words));
  const byWord = new Map<number, number>();
  for (let k = 0; k < v.rows.length; k++) {
    const base = v.rows[k] * C;
    let mean = 0;
    for (let j = 0; j < C; j++) mean += model.weights[base + j];
    mean /= C;
    const contrib = v.vals[k] * model.scale * (model.weights[base + c] - mean);
    byWord.set(v.src[k], (byWord.get(v.src[k]) ?? 0) + contrib);
  }
  return [...byWord.entries()]
    .filter(([, x]) => x > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, top)
    .map(([i]) => words[i]);
}
