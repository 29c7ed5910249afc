// The fast per-model vectoriser must give exactly the vector training saw
// (the reference feature walk filtered to the model and normalised).
import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.js';
import { loadClassifier, readModelFile } from './index.js';
import { decodeModel, makeVectoriser, referenceVector } from './model.js';
import { tokenize } from './tokenize.js';

const model = decodeModel(readModelFile());
const TEXTS = [
  'Третий день нет отопления, дети мерзнут, на улице мороз -25',
  'нет света в подъезде, выбивает автоматы, тьма на площадке',
  'не работает лифт не работает лифт не работает',
  'Продам диван недорого, самовывоз с Ленина 5',
  'нету горячей воды, без воды сидим!!! [id123|Иван] https://vk.com/wall-1_2',
  'по-моему кое-где северо-запад 4-ом ёлка',
  '',
  'а и в на',
];

describe('fast vectoriser', () => {
  it('matches the reference features for every text, repeatedly (cached words, stamped de-duplication)', () => {
    const vec = makeVectoriser(model);
    for (let pass = 0; pass < 2; pass++) {
      for (const t of TEXTS) {
        const ref = referenceVector(model, extractFeatures(t));
        const v = vec(tokenize(t));
        const fast = new Map<number, number>();
        for (let k = 0; k < v.n; k++) fast.set(v.rows[k], v.vals[k]);
        expect(fast.size).toBe(ref.rows.length);
        ref.rows.forEach((r, k) => expect(fast.get(r)).toBeCloseTo(ref.vals[k], 12));
      }
    }
  });

  it('sees negation: «не работает» and «работает» are different features', () => {
    const neg = extractFeatures('лифт не работает').ids;
    const pos = extractFeatures('лифт работает').ids;
    expect(neg.length).toBeGreaterThan(pos.length);
    expect(neg.filter((id) => !pos.includes(id)).length).toBeGreaterThan(0);
  });

  it('classifies the same text the same way however often it is seen', () => {
    const clf = loadClassifier();
    const a = clf.analyse(TEXTS[1]);
    for (let i = 0; i < 3; i++) clf.analyse(TEXTS[i]);
    const b = clf.analyse(TEXTS[1]);
    expect({ ...b, explanation: b.explanation }).toEqual({ ...a, explanation: a.explanation });
  });
});
