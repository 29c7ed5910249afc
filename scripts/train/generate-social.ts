// Writes the resident-style labelled sets into assets/train/ (committed):
//   social-train.csv     every label + irrelevant, from *-train fragments (training only)
//   social-dev.csv       core labels + irrelevant from dev-fragments.ts: the training side's
//                        validation texts in other wording (margin choice), then trained on
//   social-test.csv      the 14 core labels + irrelevant, from *-test fragments (never trained on)
//   non-complaints.csv   held-out non-complaints from irrelevant-test fragments
// Run: npx tsx scripts/train/generate-social.ts   (fixed seeds: same output every run)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_LABELS, LABEL_IDS, LABELS, type Label } from '../../shared/types/taxonomy.js';
import { complaint, nonComplaint, type Row } from './social/compose.js';
import { writeCsv } from './social/csv-out.js';
import * as trainFrames from './social/frames-train.js';
import * as testFrames from './social/frames-test.js';
import { IRRELEVANT_TRAIN } from './social/irrelevant-train.js';
import { IRRELEVANT_TEST } from './social/irrelevant-test.js';
import { makeRng } from './social/text-kit.js';
import { IRRELEVANT_DEV, TOPICS_DEV } from './social/dev-fragments.js';
import { IRRELEVANT_TRAIN_EXTRA } from './social/irrelevant-train-extra.js';
import { TOPICS_TRAIN } from './social/topics-train.js';
import { TOPICS_TRAIN_EXTRA } from './social/topics-train-extra.js';
import { TOPICS_TEST } from './social/topics-test.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'assets/train');

function dedupe(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.text.toLowerCase()) && seen.add(r.text.toLowerCase()));
}

// training fragments: the first set plus the later, wider one
const topicsTrain = Object.fromEntries(LABEL_IDS.map((l) => [l, [...TOPICS_TRAIN[l], ...(TOPICS_TRAIN_EXTRA[l] ?? [])]])) as Record<Label, string[]>;
const irrelevantTrain = [...IRRELEVANT_TRAIN, ...IRRELEVANT_TRAIN_EXTRA];

const rngTrain = makeRng(20240101);
const train: Row[] = [];
for (const label of LABEL_IDS as Label[]) {
  const n = LABELS[label].core ? 800 : 200;
  for (let i = 0; i < n; i++) train.push(complaint(rngTrain, trainFrames, topicsTrain, label));
}
for (let i = 0; i < 10000; i++) train.push(nonComplaint(rngTrain, trainFrames, irrelevantTrain));

const rngDev = makeRng(31337);
const dev: Row[] = [];
for (const label of CORE_LABELS) for (let i = 0; i < 120; i++) dev.push(complaint(rngDev, trainFrames, TOPICS_DEV, label));
for (let i = 0; i < 1000; i++) dev.push(nonComplaint(rngDev, trainFrames, IRRELEVANT_DEV));

const rngTest = makeRng(777);
const test: Row[] = [];
for (const label of CORE_LABELS) for (let i = 0; i < 60; i++) test.push(complaint(rngTest, testFrames, TOPICS_TEST, label));
for (let i = 0; i < 200; i++) test.push(nonComplaint(rngTest, testFrames, IRRELEVANT_TEST));

const rngNon = makeRng(4242);
const non: Row[] = [];
for (let i = 0; i < 600; i++) non.push(nonComplaint(rngNon, testFrames, IRRELEVANT_TEST));

writeCsv(path.join(out, 'social-train.csv'), dedupe(train), true);
writeCsv(path.join(out, 'social-dev.csv'), dedupe(dev));
writeCsv(path.join(out, 'social-test.csv'), dedupe(test));
writeCsv(path.join(out, 'non-complaints.csv'), dedupe(non));
console.log(`social-train ${dedupe(train).length}, social-dev ${dedupe(dev).length}, social-test ${dedupe(test).length}, non-complaints ${dedupe(non).length}`);
