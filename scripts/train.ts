// `npm run train`: rebuilds assets/model/classifier.json.gz from the portal petitions
// ($DOMOVOY_SHARED/data/train, default ../shared) and assets/train/social-train.csv,
// writes the petitions' validation split to assets/train/petitions-validation.csv,
// and prints the evaluation figures. Deterministic: same inputs → same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { runEval } from '../analytics/classify/eval.js';
import { extractFeatures } from '../analytics/classify/features.js';
import { loadClassifier } from '../analytics/classify/index.js';
import { encodeModel } from '../analytics/classify/model.js';
import { CATEGORIES } from '../shared/types/taxonomy.js';
import { writeCsv } from './train/social/csv-out.js';
import { readPetitions, readSocial, type LabelledText } from './train/data.js';
import { trainSoftmax, type Example } from './train/softmax.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared');
const modelPath = path.join(root, 'assets/model/classifier.json.gz');

const HYPER = { epochs: 6, lr: 0.1, l2: 1e-6, seed: 1, minDf: 2, minDfChar: 4, altShare: 0.3, classWeightPower: 0.5, socialWeight: 2 };

const t0 = Date.now();
const petitions = readPetitions(shared);
const social = readSocial(path.join(root, 'assets/train/social-train.csv'));
writeCsv(
  path.join(root, 'assets/train/petitions-validation.csv'),
  petitions.validation.map((r) => ({ text: r.text, zhkh_label: r.zhkh_label as never, zhkh_label_alt: r.zhkh_label_alt })),
);
const data: LabelledText[] = [...petitions.train, ...social];
const classes = CATEGORIES;
const C = classes.length;

// vocabulary: features seen in enough documents, in first-seen order (deterministic)
const docs = data.map((d) => extractFeatures(d.text));
const df = new Map<string, number>();
for (const d of docs) for (const k of d.keys) df.set(k, (df.get(k) ?? 0) + 1);
const features = [...df.keys()].filter((k) => df.get(k)! >= (k.startsWith('c:') ? HYPER.minDfChar : HYPER.minDf)).sort();
const fIndex = new Map(features.map((f, i) => [f, i]));

// classes are very uneven (garbage 11 k rows, cold_water 100): weight ∝ (mean/count)^power
const count = new Float64Array(C);
for (const d of data) count[classes.indexOf(d.label)]++;
const present = [...count].filter((x) => x > 0);
const mean = present.reduce((a, b) => a + b, 0) / present.length;
const classWeight = [...count].map((n) => (n > 0 ? Math.min(8, Math.max(0.2, (mean / n) ** HYPER.classWeightPower)) : 0));

const examples: Example[] = data.map((d, i) => {
  const doc = docs[i];
  const idx: number[] = [];
  const vals: number[] = [];
  doc.keys.forEach((k, j) => {
    const f = fIndex.get(k);
    if (f !== undefined) {
      idx.push(f);
      vals.push(doc.vals[j]);
    }
  });
  const target = new Float32Array(C);
  const alts = d.alts.filter((a) => a !== d.label);
  const c = classes.indexOf(d.label);
  target[c] = alts.length ? 1 - HYPER.altShare : 1;
  for (const a of alts) target[classes.indexOf(a)] += HYPER.altShare / alts.length;
  return { feats: Int32Array.from(idx), vals: Float32Array.from(vals), target, weight: classWeight[c] * (d.source === 'social' ? HYPER.socialWeight : 1) };
});

const { weights, bias } = trainSoftmax(examples, { classes: C, features: features.length, epochs: HYPER.epochs, lr: HYPER.lr, l2: HYPER.l2, seed: HYPER.seed });
const meta = {
  trainedOn: { petitions: petitions.train.length, social: social.length, validationHeldOut: petitions.validation.length },
  hyper: HYPER,
  classCounts: Object.fromEntries(classes.map((c, i) => [c, count[i]])),
};
const file = encodeModel(classes, features, weights, bias, meta);
fs.mkdirSync(path.dirname(modelPath), { recursive: true });
fs.writeFileSync(modelPath, zlib.gzipSync(JSON.stringify(file), { level: 9 }));
console.log(`trained on ${data.length} texts, ${features.length} features, ${C} classes in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${path.relative(root, modelPath)}`);

if (!process.argv.includes('--no-eval')) {
  const clf = loadClassifier(modelPath);
  for (const f of ['petitions-validation.csv', 'social-test.csv', 'non-complaints.csv']) {
    console.log(`\n=== ${f}\n${runEval(path.join(root, 'assets/train', f), clf)}`);
  }
}
