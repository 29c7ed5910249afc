// Domovoy's understanding of a text: category, relevance, confidence, urgency with
// reasons, and the words that drove the decision. Loads the committed model file;
// never trains at start-up.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Category } from '../../shared/types/taxonomy.js';
import { decodeModel, explain, makeVectoriser, scores, type LinearModel, type ModelFile } from './model.js';
import { tokenize } from './tokenize.js';
import { scoreUrgencyWords } from './urgency.js';

export interface TextAnalysis {
  category: Category;
  relevant: boolean;
  /** probability of the chosen category (0..1) */
  confidence: number;
  urgency: number;
  /** Russian, for the operator: «нет отопления», «дети», «третий день» */
  reasons: string[];
  /** the words that drove the category */
  explanation: string[];
  /** the text's words as the classifier read them (tokenize): reused by near-duplicate signatures */
  words: readonly string[];
}

export interface Classifier {
  analyse(text: string): TextAnalysis;
}

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../assets/model/classifier.json.gz', import.meta.url));

/**
 * A text is a complaint only when some label is at least this many times as likely
 * as «not a complaint». The trained model carries its own margin, chosen by
 * `npm run train` on a validation split of the training data (meta.complaintMargin);
 * this is the fallback for a model file without one.
 */
export const COMPLAINT_MARGIN = 3;

export function readModelFile(modelPath: string = DEFAULT_MODEL_PATH): ModelFile {
  const raw = fs.readFileSync(modelPath);
  const json = modelPath.endsWith('.gz') ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(json) as ModelFile;
}

export function classifierFromModel(model: LinearModel, complaintMargin = model.complaintMargin ?? COMPLAINT_MARGIN): Classifier {
  const irr = model.classes.indexOf('irrelevant');
  const C = model.classes.length;
  const z = new Float64Array(C);
  const logMargin = Math.log(complaintMargin);
  const vectorise = makeVectoriser(model);
  return {
    analyse(text: string): TextAnalysis {
      const words = tokenize(text);
      const v = vectorise(words);
      scores(model, v.rows, v.vals, v.n, z);
      let best = -1;
      for (let c = 0; c < C; c++) if (c !== irr && (best < 0 || z[c] > z[best])) best = c;
      // p[best] > margin · p[irr]  ⇔  z[best] − z[irr] > ln(margin): no softmax needed to decide
      const relevant = irr < 0 || z[best] - z[irr] > logMargin;
      const chosen = relevant ? best : irr;
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(z[c] - z[chosen]);
      const category = model.classes[chosen];
      const u = relevant ? scoreUrgencyWords(words, category, text) : { urgency: 0, reasons: [] };
      let why: string[] | null = null;
      return {
        category,
        relevant,
        confidence: Math.round(1000 / sum) / 1000,
        urgency: u.urgency,
        reasons: u.reasons,
        words,
        // computed on first read: the hot path (routing, counting) rarely needs it
        get explanation(): string[] {
          return (why ??= explain(model, words, chosen));
        },
      };
    },
  };
}

export function loadClassifier(modelPath?: string): Classifier {
  return classifierFromModel(decodeModel(readModelFile(modelPath)));
}
