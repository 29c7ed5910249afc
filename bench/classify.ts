// Classifier throughput on one core: Domovoy's classifier (category + relevance +
// urgency + explanation) against natural's BayesClassifier with PorterStemmerRu
// trained in the same run on the same texts (the baseline), plus model load time.
// Run: npx tsx bench/classify.ts [--train-n 20000] [--natural-n 500]
// Reads assets/train/*.csv only (no ../shared needed).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseCsvObjects } from '../analytics/classify/csv.js';
import { loadClassifier } from '../analytics/classify/index.js';

process.env.DOTENV_CONFIG_QUIET = 'true';
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const TRAIN_N = arg('--train-n', 20000);
const NATURAL_N = arg('--natural-n', 500);

const read = (f: string): Record<string, string>[] => parseCsvObjects(fs.readFileSync(path.join(root, 'assets/train', f), 'utf8'));
const trainRows = [...read('social-train.csv'), ...read('petitions-validation.csv')];
const texts = [...read('social-test.csv'), ...read('petitions-validation.csv'), ...read('non-complaints.csv')].map((r) => r.text);

// 1) model load time (cold: includes gunzip, JSON parse, weight decode)
let t = performance.now();
const clf = loadClassifier();
const loadMs = performance.now() - t;

// 2) Domovoy: warm-up pass, then timed passes over the mixed texts
for (const x of texts) clf.analyse(x);
const PASSES = 5;
t = performance.now();
let sink = 0;
for (let p = 0; p < PASSES; p++) for (const x of texts) sink += clf.analyse(x).urgency;
const ours = (PASSES * texts.length) / ((performance.now() - t) / 1000);

// 3) natural's BayesClassifier (PorterStemmerRu), same kind of texts, time-boxed classify
const natural = require('natural') as {
  BayesClassifier: new (stemmer: unknown) => { addDocument(t: string, l: string): void; train(): void; classify(t: string): string };
  PorterStemmerRu: unknown;
};
const nb = new natural.BayesClassifier(natural.PorterStemmerRu);
t = performance.now();
for (const r of trainRows.slice(0, TRAIN_N)) nb.addDocument(r.text, r.zhkh_label);
nb.train();
const nbTrainS = (performance.now() - t) / 1000;
t = performance.now();
for (let i = 0; i < NATURAL_N; i++) sink += nb.classify(texts[i % texts.length]).length;
const theirs = NATURAL_N / ((performance.now() - t) / 1000);

console.log(`texts: ${texts.length} (social test + petitions validation + non-complaints), ${PASSES} passes`);
console.log(`model load (assets/model/classifier.json.gz): ${loadMs.toFixed(0)} ms  (target < 2000 ms)`);
console.log(`domovoy analyse (category + relevance + urgency): ${Math.round(ours)} texts/s  (target ≥ 20000)`);
console.log(`natural BayesClassifier + PorterStemmerRu, trained on ${Math.min(TRAIN_N, trainRows.length)} texts in ${nbTrainS.toFixed(1)} s: ${Math.round(theirs)} texts/s (${NATURAL_N} classified)`);
console.log(`ratio domovoy / natural: ${(ours / theirs).toFixed(1)}×   (checksum ${sink % 7})`);
