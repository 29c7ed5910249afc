// Sparse features of a text, shared by training and inference so they never drift apart.
//
// Kinds: word stem (w), stem after a negation («нет воды», «не работает» → n),
// pair of neighbouring stems (b), character 4-grams of the word (c: typos and slang —
// «подезд», «батарейки», «отапление» still share grams with the right word), and
// hits of the hand-written domain lexicon (L, lexicon.ts).
//
// Every feature is a 32-bit hash id, not a string: a pair of stems is combined
// from the two stems' cached hashes, so the hot path allocates no strings, and
// everything that depends on a word alone (stem, grams, lexicon) is computed once
// per distinct word and cached. Cost is proportional to the number of words.
import { lexiconLabels } from './lexicon.js';
import { NEGATIONS, STOP_WORDS, stem, tokenize } from './tokenize.js';

export const KIND = { w: 1, n: 2, b: 3, c: 4, L: 5 } as const;
export type Kind = (typeof KIND)[keyof typeof KIND];
/** weight of each kind, indexed by KIND */
export const KIND_WEIGHT: readonly number[] = [0, 1, 1, 0.6, 0.25, 0.8];

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Combines two 32-bit values into a well-mixed 32-bit id (murmur3 finaliser). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const featureId = (kind: Kind, h: number): number => mix(h, kind);
export const pairId = (prevStem: number, stemHash: number): number => mix(mix(prevStem, KIND.b), stemHash);

export const WORD_PLAIN = 0;
export const WORD_STOP = 1;
export const WORD_NEGATION = 2;

/** Everything about one distinct word that does not depend on its neighbours. */
export interface WordInfo {
  role: typeof WORD_PLAIN | typeof WORD_STOP | typeof WORD_NEGATION;
  stem: string;
  stemHash: number;
  /** ids of the word's own features (w, c, L), distinct */
  unit: number[];
  unitKind: Kind[];
  negId: number;
}

const WORD_CACHE_LIMIT = 200_000;
const wordCache = new Map<string, WordInfo>();

function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function hasCyrillic(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 1072 && c <= 1103) return true;
  }
  return false;
}

export function wordInfo(w: string): WordInfo {
  let info = wordCache.get(w);
  if (info) return info;
  const role = NEGATIONS.has(w) ? WORD_NEGATION : STOP_WORDS.has(w) || w.length === 1 ? WORD_STOP : WORD_PLAIN;
  const isNum = isDigits(w);
  const s = role !== WORD_PLAIN ? w : isNum ? '#' : stem(w);
  const stemHash = hashString(s);
  const unit: number[] = [];
  const unitKind: Kind[] = [];
  const add = (kind: Kind, id: number): void => {
    if (unit.includes(id)) return;
    unit.push(id);
    unitKind.push(kind);
  };
  if (role === WORD_PLAIN) {
    add(KIND.w, featureId(KIND.w, stemHash));
    if (!isNum && w.length >= 4 && hasCyrillic(w)) {
      const padded = `^${w}$`;
      for (let i = 0; i + 4 <= padded.length; i++) add(KIND.c, featureId(KIND.c, hashString(padded.slice(i, i + 4))));
    }
    if (!isNum) for (const l of lexiconLabels(w)) add(KIND.L, featureId(KIND.L, hashString(l)));
  }
  info = { role, stem: s, stemHash, unit, unitKind, negId: featureId(KIND.n, stemHash) };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(w, info);
  return info;
}

/** All features of a text (known to a model or not), each id once, raw kind weights. */
export interface DocFeatures {
  ids: number[];
  kinds: Kind[];
  /** index into `words` of the word that produced each feature (first one for pairs) */
  src: number[];
  words: string[];
}

/**
 * The reference feature walk. `vectorise` in model.ts repeats this loop with the
 * model's indices resolved per word; features.test.ts checks the two agree.
 */
export function extractFeatures(textOrWords: string | string[]): DocFeatures {
  const words = typeof textOrWords === 'string' ? tokenize(textOrWords) : textOrWords;
  const seen = new Set<number>();
  const doc: DocFeatures = { ids: [], kinds: [], src: [], words };
  const add = (id: number, kind: Kind, from: number): void => {
    if (seen.has(id)) return;
    seen.add(id);
    doc.ids.push(id);
    doc.kinds.push(kind);
    doc.src.push(from);
  };
  let prev = 0;
  let hasPrev = false;
  let negated = 0; // a negation covers the next two content words: «нет горячей воды»
  for (let i = 0; i < words.length; i++) {
    const info = wordInfo(words[i]);
    if (info.role === WORD_NEGATION) {
      negated = 2;
      continue;
    }
    if (info.role === WORD_STOP) continue;
    for (let k = 0; k < info.unit.length; k++) add(info.unit[k], info.unitKind[k], i);
    if (negated > 0) {
      add(info.negId, KIND.n, i);
      negated--;
    }
    if (hasPrev) add(pairId(prev, info.stemHash), KIND.b, i);
    prev = info.stemHash;
    hasPrev = true;
  }
  return doc;
}
