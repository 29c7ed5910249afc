// Domovoy's understanding of a text: category, relevance, confidence, urgency with
// reasons, and the words that drove the decision. Loads the committed model file;
// never trains at start-up.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Category } from '../../shared/types/taxonomy.js';
import { extractFeatures } from './features.js';
import { decodeModel, explain, predictProba, type LinearModel, type ModelFile } from './model.js';
import { scoreUrgency } from './urgency.js';

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
}

export interface Classifier {
  analyse(text: string): TextAnalysis;
}

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../assets/model/classifier.json.gz', import.meta.url));

/**
 * A text is a complaint only when some label beats «not a complaint» by this margin:
 * with no complaint evidence (unknown words) the prior of `irrelevant` wins, so
 * adverts and chatter in words never seen in training stay out of the case queue.
 */
export const COMPLAINT_MARGIN = 3;

export function readModelFile(modelPath: string = DEFAULT_MODEL_PATH): ModelFile {
  const raw = fs.readFileSync(modelPath);
  const json = modelPath.endsWith('.gz') ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(json) as ModelFile;
}

export function classifierFromModel(model: LinearModel, complaintMargin = COMPLAINT_MARGIN): Classifier {
  const irr = model.classes.indexOf('irrelevant');
  const probs = new Float64Array(model.classes.length);
  return {
    analyse(text: string): TextAnalysis {
      const doc = extractFeatures(text);
      const p = predictProba(model, doc, probs);
      let best = -1;
      for (let c = 0; c < p.length; c++) if (c !== irr && (best < 0 || p[c] > p[best])) best = c;
      const relevant = irr < 0 || p[best] > p[irr] * complaintMargin;
      const chosen = relevant ? best : irr;
      const category = model.classes[chosen];
      const u = relevant ? scoreUrgency(text, category) : { urgency: 0, reasons: [] };
      let why: string[] | null = null;
      return {
        category,
        relevant,
        confidence: Math.round(p[chosen] * 1000) / 1000,
        urgency: u.urgency,
        reasons: u.reasons,
        // computed on first read: the hot path (routing, counting) rarely needs it
        get explanation(): string[] {
          return (why ??= explain(model, doc, chosen));
        },
      };
    },
  };
}

export function loadClassifier(modelPath?: string): Classifier {
  return classifierFromModel(decodeModel(readModelFile(modelPath)));
}
