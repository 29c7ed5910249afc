// Training sources: the portal petitions (minus a validation split chosen by id hash)
// and the resident-style sets in assets/train/.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsvObjects } from '../../analytics/classify/csv.js';
import { parseAlts } from '../../analytics/classify/eval.js';
import { isCategory, type Category } from '../../shared/types/taxonomy.js';

export interface LabelledText {
  text: string;
  label: Category;
  alts: Category[];
  source: 'petitions' | 'social';
  /**
   * In the training-side validation split (never the held-out test files): used to
   * choose the relevance margin, then trained on like the rest in the final model.
   * Petitions: one row in ten by a second id hash. Resident-style texts: every row
   * whose main template is held out (one template in five), and all of
   * social-dev.csv (separately written fragments), so the split measures wording
   * the model has not seen rather than re-draws of the same templates.
   */
  dev: boolean;
}

/** FNV-1a: a stable, platform-independent split of rows by id. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** One row in ten, by id hash, is kept for validation and never trained on. */
export const isValidation = (id: string): boolean => fnv1a(id) % 10 === 0;

const isDev = (r: Record<string, string>, source: LabelledText['source']): boolean =>
  source === 'petitions' ? fnv1a('dev:' + r.id) % 10 === 0 : r.template !== undefined && r.template !== '' && Number(r.template) % 5 === 4;

function toLabelled(rows: Record<string, string>[], source: LabelledText['source']): LabelledText[] {
  return rows
    .filter((r) => isCategory(r.zhkh_label) && r.text.trim() !== '')
    .map((r) => ({ text: r.text, label: r.zhkh_label as Category, alts: parseAlts(r.zhkh_label_alt).filter(isCategory), source, dev: isDev(r, source) }));
}

export function readPetitions(sharedDir: string): { train: LabelledText[]; validation: Record<string, string>[] } {
  const rows = parseCsvObjects(fs.readFileSync(path.join(sharedDir, 'data/train/spb_petitions_train.csv'), 'utf8'));
  const train = rows.filter((r) => !isValidation(r.id));
  const validation = rows.filter((r) => isValidation(r.id));
  return { train: toLabelled(train, 'petitions'), validation };
}

/** `allDev`: every row belongs to the validation split (social-dev.csv, written in other words). */
export function readSocial(file: string, allDev = false): LabelledText[] {
  const rows = toLabelled(parseCsvObjects(fs.readFileSync(file, 'utf8')), 'social');
  return allDev ? rows.map((r) => ({ ...r, dev: true })) : rows;
}
