// Sparse features of a text, shared by training and inference so they never drift apart.
//
// Kinds (prefix): `w:` word stem, `n:` stem after a negation («нет воды» → n:вод),
// `b:` pair of neighbouring stems, `c:` character 4-grams of the word (typos and
// slang: «подезд», «батарейки», «отапление» still share grams with the right word),
// `L:` hits of the hand-written domain lexicon (lexicon.ts).
// Cost is proportional to the number of words, never to the vocabulary.
import { lexiconLabels } from './lexicon.js';
import { NEGATIONS, STOP_WORDS, stem, tokenize } from './tokenize.js';

export interface DocFeatures {
  /** feature keys, each at most once */
  keys: string[];
  /** value of each key (L2-normalised) */
  vals: number[];
  /** index into `words` of the word that produced each key (first one for pairs) */
  src: number[];
  /** the words of the text, as tokenised */
  words: string[];
}

const KIND_WEIGHT = { w: 1, n: 1, b: 0.6, c: 0.25, L: 0.8 } as const;

interface WordInfo {
  stem: string;
  grams: string[];
  lex: string[];
}
const WORD_CACHE_LIMIT = 200_000;
const wordCache = new Map<string, WordInfo>();

function wordInfo(w: string): WordInfo {
  let info = wordCache.get(w);
  if (info) return info;
  const isNum = /^[0-9]+$/.test(w);
  const s = isNum ? '#' : stem(w);
  const grams: string[] = [];
  if (!isNum && w.length >= 4 && /[а-я]/.test(w)) {
    const padded = `^${w}$`;
    for (let i = 0; i + 4 <= padded.length; i++) grams.push('c:' + padded.slice(i, i + 4));
  }
  const lex = isNum ? [] : lexiconLabels(w).map((l) => 'L:' + l);
  info = { stem: s, grams, lex };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(w, info);
  return info;
}

export function extractFeatures(text: string): DocFeatures {
  const words = tokenize(text);
  const index = new Map<string, number>();
  const keys: string[] = [];
  const vals: number[] = [];
  const src: number[] = [];
  const add = (key: string, weight: number, from: number): void => {
    if (index.has(key)) return;
    index.set(key, keys.length);
    keys.push(key);
    vals.push(weight);
    src.push(from);
  };
  let prev: string | null = null;
  let negated = 0; // a negation covers the next two content words: «нет горячей воды»
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (NEGATIONS.has(w)) {
      negated = 2;
      continue;
    }
    if (STOP_WORDS.has(w) || w.length === 1) continue;
    const info = wordInfo(w);
    const s = info.stem;
    add('w:' + s, KIND_WEIGHT.w, i);
    if (negated > 0) add('n:' + s, KIND_WEIGHT.n, i);
    if (prev !== null) add('b:' + prev + '_' + s, KIND_WEIGHT.b, i);
    for (const g of info.grams) add(g, KIND_WEIGHT.c, i);
    for (const l of info.lex) add(l, KIND_WEIGHT.L, i);
    prev = s;
    if (negated > 0) negated--;
  }
  let norm = 0;
  for (const v of vals) norm += v * v;
  norm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < vals.length; k++) vals[k] *= norm;
  return { keys, vals, src, words };
}
