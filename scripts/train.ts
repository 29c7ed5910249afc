// `npm run train`: rebuilds assets/model/classifier.json.gz from the portal petitions
// ($DOMOVOY_SHARED/data/train, default ../shared) and assets/train/social-train.csv,
// writes the petitions' validation split to assets/train/petitions-validation.csv,
// and prints the evaluation figures. Deterministic: same inputs → same bytes.
//
// Two fits: the first leaves out a validation split of the TRAINING data
// (data.ts: petitions by id hash, resident-style texts by whole templates) and
// chooses the relevance margin on it; the second trains on everything and carries
// that margin in its meta. The held-out test files play no part in any choice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { runEval } from '../analytics/classify/eval.js';
import { extractFeatures } from '../analytics/classify/features.js';
import { loadClassifier } from '../analytics/classify/index.js';
import { CATEGORIES } from '../shared/types/taxonomy.js';
import { chooseMargin, formatMarginTable } from './train/choose-margin.js';
import { readPetitions, readSocial, type LabelledText } from './train/data.js';
import { fitModel, type Hyper } from './train/fit.js';
import { writeCsv } from './train/social/csv-out.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, process.env.DOMOVOY_SHARED ?? '../shared');
const modelPath = path.join(root, 'assets/model/classifier.json.gz');

// chosen on the validation split of the training data (scripts/train/choose-margin.ts reports it), never on the test files
const HYPER: Hyper = { epochs: 4, lr: 0.2, l2: 1e-6, seed: 1, minDf: 2, minDfChar: 4, altShare: 0.4, classWeightPower: 0.3, socialWeight: 2 };
/** the most non-complaints the chosen margin may let through on the validation split (target in production: < 5 %) */
const MAX_DEV_FALSE_COMPLAINTS = 0.03;

const t0 = Date.now();
const petitions = readPetitions(shared);
const social = [...readSocial(path.join(root, 'assets/train/social-train.csv')), ...readSocial(path.join(root, 'assets/train/social-dev.csv'), true)];
writeCsv(
  path.join(root, 'assets/train/petitions-validation.csv'),
  petitions.validation.map((r) => ({ text: r.text, zhkh_label: r.zhkh_label as never, zhkh_label_alt: r.zhkh_label_alt })),
);
const data: LabelledText[] = [...petitions.train, ...social];
const docs = data.map((d) => extractFeatures(d.text));
const classes = CATEGORIES;

// 1) fit without the validation split, choose the margin on it
const fitIdx = data.map((_, i) => i).filter((i) => !data[i].dev);
const devIdx = data.map((_, i) => i).filter((i) => data[i].dev);
const first = fitModel(
  fitIdx.map((i) => data[i]),
  fitIdx.map((i) => docs[i]),
  classes,
  HYPER,
  {},
);
const choice = chooseMargin(first, devIdx.map((i) => data[i]), MAX_DEV_FALSE_COMPLAINTS);
console.log(`validation split of the training data: ${devIdx.length} texts (fit on ${fitIdx.length})`);
console.log(formatMarginTable(choice));

// 2) final fit on everything, with the chosen margin
const file = fitModel(data, docs, classes, HYPER, {
  trainedOn: { petitions: petitions.train.length, social: social.length, heldOutPetitionsValidation: petitions.validation.length },
  complaintMargin: choice.margin,
  marginChosenOn: { texts: devIdx.length, macroF1Core: choice.chosen.macroF1, falseComplaints: choice.chosen.falseComplaints },
});
fs.mkdirSync(path.dirname(modelPath), { recursive: true });
fs.writeFileSync(modelPath, zlib.gzipSync(JSON.stringify(file), { level: 9 }));
console.log(`trained on ${data.length} texts, ${Buffer.from(file.features, 'base64').length / 4} features, ${classes.length} classes, margin ${choice.margin} in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${path.relative(root, modelPath)}`);

if (!process.argv.includes('--no-eval')) {
  const clf = loadClassifier(modelPath);
  for (const f of ['petitions-validation.csv', 'social-test.csv', 'non-complaints.csv']) {
    console.log(`\n=== ${f}\n${runEval(path.join(root, 'assets/train', f), clf)}`);
  }
}
