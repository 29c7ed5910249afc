// Chooses the relevance margin (index.ts) on the training side's validation split:
// the margin with the best core macro-F1 among those that let at most `maxFalse`
// of the split's non-complaints through as complaints.
import { computeMetrics } from '../../analytics/classify/eval.js';
import { decodeModel, referenceVector, scores, type ModelFile } from '../../analytics/classify/model.js';
import { extractFeatures } from '../../analytics/classify/features.js';
import type { LabelledText } from './data.js';

export const MARGINS = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

export interface MarginRow {
  margin: number;
  macroF1: number;
  falseComplaints: number;
}

export interface MarginChoice {
  margin: number;
  chosen: MarginRow;
  table: MarginRow[];
}

export function chooseMargin(file: ModelFile, dev: LabelledText[], maxFalse: number): MarginChoice {
  const model = decodeModel(file);
  const irr = model.classes.indexOf('irrelevant');
  const C = model.classes.length;
  const z = new Float64Array(C);
  // per text: the best complaint label and how far it is above `irrelevant` (log odds)
  const best: number[] = [];
  const gap: number[] = [];
  for (const d of dev) {
    const v = referenceVector(model, extractFeatures(d.text));
    scores(model, v.rows, v.vals, v.rows.length, z);
    let b = -1;
    for (let c = 0; c < C; c++) if (c !== irr && (b < 0 || z[c] > z[b])) b = c;
    best.push(b);
    gap.push(z[b] - z[irr]);
  }
  const gold = dev.map((d) => ({ label: d.label as string, alts: d.alts as string[] }));
  const table = MARGINS.map((margin) => {
    const lm = Math.log(margin);
    const pred = dev.map((_, i) => (gap[i] > lm ? model.classes[best[i]] : 'irrelevant'));
    const r = computeMetrics(gold, pred);
    return { margin, macroF1: r.macroF1Core, falseComplaints: r.falseComplaintRate };
  });
  const ok = table.filter((r) => r.falseComplaints <= maxFalse);
  const chosen = ok.length ? ok.reduce((a, r) => (r.macroF1 > a.macroF1 ? r : a)) : table[table.length - 1];
  return { margin: chosen.margin, chosen, table };
}

export function formatMarginTable(c: MarginChoice): string {
  const lines = c.table.map(
    (r) => `  margin ${String(r.margin).padStart(4)}: macro-F1 core ${r.macroF1.toFixed(3)}, non-complaints as complaints ${(r.falseComplaints * 100).toFixed(1)}%${r === c.chosen ? '  ← chosen' : ''}`,
  );
  return lines.join('\n');
}
