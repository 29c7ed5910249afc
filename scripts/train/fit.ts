// One training run: vocabulary, examples, softmax fit, quantised model file.
// Pure given its inputs (no I/O), so train.ts can run it twice — once without the
// validation split to choose the relevance margin, once on everything.
import { KIND, KIND_WEIGHT, extractFeatures, type DocFeatures } from '../../analytics/classify/features.js';
import { encodeModel, type ModelFile } from '../../analytics/classify/model.js';
import type { Category } from '../../shared/types/taxonomy.js';
import type { LabelledText } from './data.js';
import { trainSoftmax, type Example } from './softmax.js';

export interface Hyper {
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
  minDf: number;
  minDfChar: number;
  altShare: number;
  classWeightPower: number;
  socialWeight: number;
}

export function fitModel(data: LabelledText[], docs: DocFeatures[], classes: Category[], hyper: Hyper, meta: Record<string, unknown>): ModelFile {
  const C = classes.length;
  // vocabulary: features seen in enough documents, ascending id order (deterministic)
  const df = new Map<number, number>();
  const kindOf = new Map<number, number>();
  for (const d of docs) {
    for (let k = 0; k < d.ids.length; k++) {
      df.set(d.ids[k], (df.get(d.ids[k]) ?? 0) + 1);
      kindOf.set(d.ids[k], d.kinds[k]);
    }
  }
  const ids = [...df.keys()].filter((id) => df.get(id)! >= (kindOf.get(id) === KIND.c ? hyper.minDfChar : hyper.minDf)).sort((a, b) => a - b);
  const row = new Map(ids.map((f, i) => [f, i]));

  // classes are very uneven (garbage 11 k rows, cold_water 100): weight ∝ (mean/count)^power
  const count = new Float64Array(C);
  for (const d of data) count[classes.indexOf(d.label)]++;
  const present = [...count].filter((x) => x > 0);
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const classWeight = [...count].map((n) => (n > 0 ? Math.min(8, Math.max(0.2, (mean / n) ** hyper.classWeightPower)) : 0));

  const examples: Example[] = data.map((d, i) => {
    const doc = docs[i];
    const idx: number[] = [];
    const vals: number[] = [];
    for (let k = 0; k < doc.ids.length; k++) {
      const f = row.get(doc.ids[k]);
      if (f === undefined) continue;
      idx.push(f);
      vals.push(KIND_WEIGHT[doc.kinds[k]]);
    }
    // same normalisation as the classifier: L2 over the features the model knows
    let norm = 0;
    for (const v of vals) norm += v * v;
    norm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const target = new Float32Array(C);
    const alts = d.alts.filter((a) => a !== d.label);
    const c = classes.indexOf(d.label);
    target[c] = alts.length ? 1 - hyper.altShare : 1;
    for (const a of alts) target[classes.indexOf(a)] += hyper.altShare / alts.length;
    return {
      feats: Int32Array.from(idx),
      vals: Float32Array.from(vals, (v) => v * norm),
      target,
      weight: classWeight[c] * (d.source === 'social' ? hyper.socialWeight : 1),
    };
  });

  const { weights, bias } = trainSoftmax(examples, { classes: C, features: ids.length, epochs: hyper.epochs, lr: hyper.lr, l2: hyper.l2, seed: hyper.seed });
  return encodeModel(classes, ids, weights, bias, { ...meta, hyper, classCounts: Object.fromEntries(classes.map((cl, i) => [cl, count[i]])) });
}
