// Linear softmax model over sparse features: the file format and the scoring.
//
// Why not natural's BayesClassifier / LogisticRegressionClassifier: both turn every
// document into a dense vector over the whole vocabulary, so classifying costs
// O(vocabulary) per text (0.8 k texts/s at 7.7 k stems, perf-limits §3.5; our
// vocabulary is far larger), and LogisticRegression trains for minutes on toy data.
// Here a text costs O(its features × classes); bench/classify.ts measures both.
import type { Category } from '../../shared/types/taxonomy.js';
import type { DocFeatures } from './features.js';

export const MODEL_FORMAT = 'domovoy-linear-softmax/1';

/** The committed model file (JSON, optionally gzipped). */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  classes: Category[];
  /** feature keys; feature i owns weights [i*C, (i+1)*C) */
  features: string[];
  /** weights are int16 × scale */
  scale: number;
  /** base64 of little-endian int16, features × classes */
  weights: string;
  bias: number[];
  meta: Record<string, unknown>;
}

export interface LinearModel {
  classes: Category[];
  index: Map<string, number>;
  weights: Float32Array;
  bias: Float64Array;
}

export function decodeModel(file: ModelFile): LinearModel {
  if (file.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(file.format)}`);
  const C = file.classes.length;
  const buf = Buffer.from(file.weights, 'base64');
  const n = buf.length / 2;
  if (n !== file.features.length * C) throw new Error('model weights do not match features × classes');
  const weights = new Float32Array(n);
  for (let i = 0; i < n; i++) weights[i] = buf.readInt16LE(i * 2) * file.scale;
  const index = new Map<string, number>();
  file.features.forEach((f, i) => index.set(f, i));
  return { classes: file.classes, index, weights, bias: Float64Array.from(file.bias) };
}

/** Quantise float weights to the file format; rounding makes the bytes reproducible. */
export function encodeModel(
  classes: Category[],
  features: string[],
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
  return {
    format: MODEL_FORMAT,
    classes,
    features,
    scale,
    weights: buf.toString('base64'),
    bias: Array.from(bias, (b) => Number(b.toFixed(6))),
    meta,
  };
}

/** Class probabilities (softmax of the linear scores). */
export function predictProba(model: LinearModel, doc: DocFeatures, out?: Float64Array): Float64Array {
  const C = model.classes.length;
  const z = out ?? new Float64Array(C);
  z.set(model.bias);
  const w = model.weights;
  for (let k = 0; k < doc.keys.length; k++) {
    const f = model.index.get(doc.keys[k]);
    if (f === undefined) continue;
    const v = doc.vals[k];
    const base = f * C;
    for (let c = 0; c < C; c++) z[c] += v * w[base + c];
  }
  let max = -Infinity;
  for (let c = 0; c < C; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < C; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < C; c++) z[c] /= sum;
  return z;
}

/**
 * Words that pushed class `c` up the most: each feature's weight for `c` minus its
 * mean weight over classes (what makes `c` win, not what every class shares),
 * summed per source word.
 */
export function explain(model: LinearModel, doc: DocFeatures, c: number, top = 4): string[] {
  const C = model.classes.length;
  const byWord = new Map<number, number>();
  for (let k = 0; k < doc.keys.length; k++) {
    const f = model.index.get(doc.keys[k]);
    if (f === undefined) continue;
    const base = f * C;
    let mean = 0;
    for (let j = 0; j < C; j++) mean += model.weights[base + j];
    mean /= C;
    const contrib = doc.vals[k] * (model.weights[base + c] - mean);
    byWord.set(doc.src[k], (byWord.get(doc.src[k]) ?? 0) + contrib);
  }
  return [...byWord.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, top)
    .map(([i]) => doc.words[i]);
}
