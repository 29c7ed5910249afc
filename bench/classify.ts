// Classifier throughput on one core: Domovoy's classifier (category + relevance +
// urgency + explanation) against natural's BayesClassifier with PorterStemmerRu
// trained in the same run on the same texts (the baseline), plus model load time.
// Run: npx tsx bench/classify.ts [--train-n 20000] [--natural-n 500]
// Reads assets/train/*.csv only (no ../shared needed).
// Throughput is reported twice: per wall-clock second and per second of this
// process's CPU time (process.cpuUsage). The machine is shared, so wall time
// includes time the core spent on others; CPU time is what one core actually
// needs per text. Pin to one core for a cleaner wall figure: taskset -c 1 npx tsx …
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

/** Runs `fn` over the texts; returns texts per wall second and per CPU second. */
function measure(fn: (t: string) => void, list: string[], passes: number): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let p = 0; p < passes; p++) for (const x of list) fn(x);
  const wallS = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const n = passes * list.length;
  return { wall: n / wallS, cpu: n / ((c.user + c.system) / 1e6) };
}

// 2) Domovoy: warm-up pass, then timed passes over the mixed texts (best of 3 runs)
let sink = 0;
for (const x of texts) sink += clf.analyse(x).urgency;
const PASSES = 5;
const runs = [0, 1, 2].map(() => measure((x) => void (sink += clf.analyse(x).urgency), texts, PASSES));
const ours = { wall: Math.max(...runs.map((r) => r.wall)), cpu: Math.max(...runs.map((r) => r.cpu)) };

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
const natTexts = Array.from({ length: NATURAL_N }, (_, i) => texts[i % texts.length]);
const theirs = measure((x) => void (sink += nb.classify(x).length), natTexts, 1);

const f = (x: number): string => String(Math.round(x));
console.log(`texts: ${texts.length} (social test + petitions validation + non-complaints), ${PASSES} passes × 3 runs (best)`);
console.log(`model load (assets/model/classifier.json.gz): ${loadMs.toFixed(0)} ms  (target < 2000 ms)`);
console.log(`domovoy analyse (category + relevance + urgency): ${f(ours.cpu)} texts/s of CPU time, ${f(ours.wall)} texts/s wall  (target ≥ 20000 on one core)`);
console.log(`  CPU time per text: ${(1e6 / ours.cpu).toFixed(1)} µs`);
console.log(`natural BayesClassifier + PorterStemmerRu, trained on ${Math.min(TRAIN_N, trainRows.length)} texts in ${nbTrainS.toFixed(1)} s: ${f(theirs.cpu)} texts/s of CPU time, ${f(theirs.wall)} wall (${NATURAL_N} classified)`);
console.log(`ratio domovoy / natural: ${(ours.cpu / theirs.cpu).toFixed(1)}× on CPU time, ${(ours.wall / theirs.wall).toFixed(1)}× on wall time   (checksum ${sink % 7})`);
