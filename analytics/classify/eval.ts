// `domovoy eval FILE.csv`: per-label precision/recall/F1, the confusion matrix and
// macro-F1 over the core labels present in the file. A prediction is right when it
// equals `zhkh_label` or one of `zhkh_label_alt` (pipe-separated, as in the
// portal data: "cold_water|hot_water|heating"); a right prediction counts as a hit
// for the predicted label, a wrong one as a miss of `zhkh_label`.
import fs from 'node:fs';
import { CORE_LABELS } from '../../shared/types/taxonomy.js';
import { parseCsvObjects } from './csv.js';
import type { Classifier } from './index.js';

export interface GoldRow {
  label: string;
  alts: string[];
}

export interface LabelScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalResult {
  n: number;
  accuracy: number;
  labels: string[];
  perLabel: LabelScore[];
  /** confusion[gold][pred] counts, gold already resolved against alternatives */
  confusion: Map<string, Map<string, number>>;
  coreInFile: string[];
  macroF1Core: number;
  /** share of gold `irrelevant` rows predicted as a complaint (NaN if none) */
  falseComplaintRate: number;
}

export function parseAlts(s: string | undefined): string[] {
  return (s ?? '').split(/[|;,\s]+/).map((x) => x.trim()).filter(Boolean);
}

export function computeMetrics(gold: GoldRow[], pred: string[]): EvalResult {
  const confusion = new Map<string, Map<string, number>>();
  const tp = new Map<string, number>();
  const goldN = new Map<string, number>();
  const predN = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let right = 0;
  let irr = 0;
  let irrAsComplaint = 0;
  gold.forEach((g, i) => {
    const p = pred[i];
    const ok = p === g.label || g.alts.includes(p);
    const effective = ok ? p : g.label;
    if (ok) {
      right++;
      inc(tp, p);
    }
    inc(goldN, effective);
    inc(predN, p);
    if (!confusion.has(effective)) confusion.set(effective, new Map());
    inc(confusion.get(effective)!, p);
    if (g.label === 'irrelevant') {
      irr++;
      if (p !== 'irrelevant') irrAsComplaint++;
    }
  });
  const labels = [...new Set([...goldN.keys(), ...predN.keys()])].sort();
  const perLabel = labels.map((label) => {
    const t = tp.get(label) ?? 0;
    const precision = (predN.get(label) ?? 0) > 0 ? t / predN.get(label)! : 0;
    const recall = (goldN.get(label) ?? 0) > 0 ? t / goldN.get(label)! : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: goldN.get(label) ?? 0 };
  });
  // "present" = the label has gold rows after resolving alternatives (support > 0)
  const coreInFile: string[] = CORE_LABELS.filter((l) => (goldN.get(l) ?? 0) > 0);
  const coreScores = perLabel.filter((s) => coreInFile.includes(s.label));
  const macroF1Core = coreScores.length ? coreScores.reduce((a, s) => a + s.f1, 0) / coreScores.length : NaN;
  return {
    n: gold.length,
    accuracy: gold.length ? right / gold.length : NaN,
    labels,
    perLabel,
    confusion,
    coreInFile,
    macroF1Core,
    falseComplaintRate: irr ? irrAsComplaint / irr : NaN,
  };
}

const f3 = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

export function formatReport(r: EvalResult): string {
  const out: string[] = [];
  const w = Math.max(10, ...r.labels.map((l) => l.length));
  out.push(`rows: ${r.n}   accuracy (label or alternative): ${f3(r.accuracy)}`);
  out.push('');
  out.push(`${'label'.padEnd(w)}  precision  recall     f1  support  core`);
  for (const s of r.perLabel) {
    const core = CORE_LABELS.includes(s.label as never) ? (r.coreInFile.includes(s.label) ? 'yes' : 'yes (absent)') : '';
    out.push(`${s.label.padEnd(w)}  ${f3(s.precision).padStart(9)}  ${f3(s.recall).padStart(6)}  ${f3(s.f1).padStart(5)}  ${String(s.support).padStart(7)}  ${core}`);
  }
  out.push('');
  out.push('confusion matrix (rows = gold, resolved against alternatives; columns = predicted):');
  const ab = r.labels.map((l) => l.slice(0, 6));
  out.push(`${''.padEnd(w)} ${ab.map((a) => a.padStart(6)).join(' ')}`);
  for (const g of r.labels) {
    const row = r.confusion.get(g);
    if (!row) continue;
    out.push(`${g.padEnd(w)} ${r.labels.map((p) => String(row.get(p) ?? '.').padStart(6)).join(' ')}`);
  }
  out.push('');
  const absent = CORE_LABELS.filter((l) => !r.coreInFile.includes(l));
  out.push(`macro-F1 over the core labels present in this file (${r.coreInFile.length} of ${CORE_LABELS.length}): ${f3(r.macroF1Core)}`);
  if (absent.length) out.push(`core labels with no rows in this file (not averaged): ${absent.join(', ')}`);
  if (!Number.isNaN(r.falseComplaintRate)) out.push(`non-complaints taken as complaints: ${(r.falseComplaintRate * 100).toFixed(1)}%`);
  return out.join('\n');
}

export function evaluateRows(rows: Record<string, string>[], classifier: Classifier): EvalResult {
  const gold = rows.map((r) => ({ label: r.zhkh_label.trim(), alts: parseAlts(r.zhkh_label_alt) }));
  const pred = rows.map((r) => classifier.analyse(r.text).category);
  return computeMetrics(gold, pred);
}

export function runEval(csvPath: string, classifier: Classifier): string {
  const rows = parseCsvObjects(fs.readFileSync(csvPath, 'utf8'));
  if (rows.length && !('text' in rows[0] && 'zhkh_label' in rows[0])) throw new Error(`${csvPath}: needs columns text, zhkh_label`);
  return formatReport(evaluateRows(rows, classifier));
}
