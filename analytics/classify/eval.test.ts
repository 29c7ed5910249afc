import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics, parseAlts, runEval } from './eval.js';
import type { Classifier, TextAnalysis } from './index.js';

// A fake classifier that answers from a table, so the maths can be checked by hand.
const fake = (answers: Record<string, string>): Classifier => ({
  analyse: (text: string) => ({ category: answers[text], relevant: answers[text] !== 'irrelevant', confidence: 1, urgency: 0, reasons: [], explanation: [], words: [] }) as TextAnalysis,
});

describe('eval maths', () => {
  it('counts an alternative as right and computes P/R/F1 by hand', () => {
    // gold:  heating, heating, hot_water(alt heating), cold_water, irrelevant
    // pred:  heating, cold_water, heating,             cold_water, heating
    const gold = [
      { label: 'heating', alts: [] },
      { label: 'heating', alts: [] },
      { label: 'hot_water', alts: ['heating'] },
      { label: 'cold_water', alts: [] },
      { label: 'irrelevant', alts: [] },
    ];
    const r = computeMetrics(gold, ['heating', 'cold_water', 'heating', 'cold_water', 'heating']);
    const s = Object.fromEntries(r.perLabel.map((x) => [x.label, x]));
    // heating: predicted 3 (rows 1,3,5), right 2 (rows 1,3) → P = 2/3; effective gold heating = rows 1,2,3 → R = 2/3
    expect(s.heating.precision).toBeCloseTo(2 / 3, 10);
    expect(s.heating.recall).toBeCloseTo(2 / 3, 10);
    expect(s.heating.f1).toBeCloseTo(2 / 3, 10);
    // cold_water: predicted 2, right 1 → P = 1/2; gold 1 → R = 1; F1 = 2/3
    expect(s.cold_water.precision).toBeCloseTo(0.5, 10);
    expect(s.cold_water.recall).toBe(1);
    expect(s.cold_water.f1).toBeCloseTo(2 / 3, 10);
    // hot_water never effective gold (its row was answered by the alternative)
    expect(s.hot_water).toBeUndefined();
    // core labels with gold rows after resolution: heating, cold_water → (2/3 + 2/3) / 2
    expect(r.coreInFile).toEqual(['heating', 'cold_water']);
    expect(r.macroF1Core).toBeCloseTo(2 / 3, 10);
    expect(r.accuracy).toBeCloseTo(3 / 5, 10);
    expect(r.falseComplaintRate).toBe(1);
    expect(r.confusion.get('heating')!.get('cold_water')).toBe(1);
  });

  it('reads the pipe-separated alternatives of the portal data', () => {
    expect(parseAlts('cold_water|hot_water|heating')).toEqual(['cold_water', 'hot_water', 'heating']);
    expect(parseAlts('')).toEqual([]);
  });

  it('runEval prints the table, the confusion matrix and macro-F1 from a CSV', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-'));
    const file = path.join(dir, 'tiny.csv');
    fs.writeFileSync(file, 'text,zhkh_label,zhkh_label_alt\nа,heating,\n"б, с запятой",garbage,yard\nв,garbage,\n');
    const out = runEval(file, fake({ а: 'heating', 'б, с запятой': 'yard', в: 'heating' }));
    expect(out).toMatch(/confusion matrix/);
    // heating: P = 1/2, R = 1 → F1 = 2/3; garbage (row «в»): R = 0 → F1 = 0;
    // yard (row «б», right by its alternative): P = R = 1 → macro = (2/3 + 0 + 1) / 3 = 0.556
    expect(out).toMatch(/macro-F1 over the core labels present in this file \(3 of 14\): 0\.556/);
    expect(out).toMatch(/core labels with no rows in this file/);
  });
});
