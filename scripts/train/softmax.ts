// Multinomial logistic regression (softmax) over sparse features, trained with
// AdaGrad SGD and L2, deterministic (seeded shuffle, fixed epoch count).
import { makeRng } from './social/text-kit.js';

export interface Example {
  feats: Int32Array;
  vals: Float32Array;
  /** target distribution over classes (soft labels: label + alternatives) */
  target: Float32Array;
  weight: number;
}

export interface TrainOptions {
  classes: number;
  features: number;
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
}

export function trainSoftmax(examples: Example[], o: TrainOptions): { weights: Float64Array; bias: Float64Array } {
  const C = o.classes;
  const w = new Float64Array(o.features * C);
  const g2 = new Float64Array(o.features * C).fill(1e-6);
  const bias = new Float64Array(C);
  const gb2 = new Float64Array(C).fill(1e-6);
  const order = examples.map((_, i) => i);
  const rng = makeRng(o.seed);
  const z = new Float64Array(C);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const ex = examples[idx];
      z.set(bias);
      for (let k = 0; k < ex.feats.length; k++) {
        const base = ex.feats[k] * C;
        const v = ex.vals[k];
        for (let c = 0; c < C; c++) z[c] += v * w[base + c];
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (z[c] > max) max = z[c];
      let sum = 0;
      for (let c = 0; c < C; c++) sum += (z[c] = Math.exp(z[c] - max));
      for (let c = 0; c < C; c++) z[c] = (z[c] / sum - ex.target[c]) * ex.weight; // gradient of the loss
      for (let c = 0; c < C; c++) {
        gb2[c] += z[c] * z[c];
        bias[c] -= (o.lr * z[c]) / Math.sqrt(gb2[c]);
      }
      for (let k = 0; k < ex.feats.length; k++) {
        const base = ex.feats[k] * C;
        const v = ex.vals[k];
        for (let c = 0; c < C; c++) {
          const g = z[c] * v + o.l2 * w[base + c];
          g2[base + c] += g * g;
          w[base + c] -= (o.lr * g) / Math.sqrt(g2[base + c]);
        }
      }
    }
  }
  return { weights: w, bias };
}
