// Finds street names in a token stream and the house number written next to them.
import type { Token } from './normalise.js';
import { EMPTY_NUMBER, type HouseNumber } from './house-number.js';
import { FUZZY2_MIN_LENGTH, FUZZY_MIN_LENGTH, boundedEditDistance, deletions, withinOneEdit, type Gazetteer, type NameEntry } from './gazetteer.js';
import {
  CONNECTORS_BEFORE_STREET, HOUSE_MARKERS, KORPUS_WORDS, LITERA_WORDS, NAME_ABBREVIATIONS, STROENIE_WORDS, TEXT_TYPES,
  isUnitWord, type StreetKind,
} from './vocabulary.js';

export interface StreetMatch {
  entry: NameEntry;
  /** token range of the whole street mention including ordinal, type and qualifier */
  first: number;
  last: number;
  kind: StreetKind | null;
  qualifier: string;
  partial: boolean;
  fuzzy: boolean;
  number: HouseNumber | null;
  /** token range of the number */
  numFirst: number;
  numLast: number;
  /** «д.», «дом» written before the number */
  marker: boolean;
}

const ABBREVIATIONS = new Map(Object.entries(NAME_ABBREVIATIONS));
const isPunct = (t: Token | undefined, ch: string) => t !== undefined && t.kind === 'punct' && t.text === ch;

function wordMatches(t: Token | undefined, w: string, fuzzyOk: boolean, common?: Set<string>): 0 | 1 | 2 {
  if (!t) return 0;
  if (t.kind === 'num') return !t.ordinal && !t.letter && String(t.value) === w ? 2 : 0;
  if (t.kind !== 'word') return 0;
  if (t.stem === w) return 2;
  const abbr = ABBREVIATIONS.get(t.text);
  if (abbr && abbr.some((a) => w.startsWith(a))) return 2;
  if (fuzzyOk && !common?.has(t.stem) && t.stem.length >= FUZZY_MIN_LENGTH && w.length >= FUZZY_MIN_LENGTH && withinOneEdit(t.stem, w)) return 1;
  return 0;
}

/** Type word at token i, skipping one «.» after an abbreviation. */
function typeAt(tokens: Token[], i: number): StreetKind | null {
  const t = tokens[i];
  return t && t.kind === 'word' ? (TEXT_TYPES.get(t.text) ?? null) : null;
}

function typeBefore(tokens: Token[], i: number): [StreetKind | null, number] {
  let j = i - 1;
  if (isPunct(tokens[j], '.')) j--;
  const k = typeAt(tokens, j);
  return k ? [k, j] : [null, i];
}

function typeAfter(tokens: Token[], i: number): [StreetKind | null, number] {
  const k = typeAt(tokens, i + 1);
  if (!k) return [null, i];
  return [k, isPunct(tokens[i + 2], '.') ? i + 2 : i + 1];
}

/** a candidate stem of a text word; `twoTypos`: two edits away, trusted only with more evidence */
type Lookup = { stem: string; fuzzy: boolean; twoTypos?: boolean }[];

const lookupCache = new WeakMap<Gazetteer, Map<string, Lookup>>();
const LOOKUP_CACHE_MAX = 100_000;

function lookupCacheOf(g: Gazetteer): Map<string, Lookup> {
  let cache = lookupCache.get(g);
  if (!cache) lookupCache.set(g, (cache = new Map()));
  return cache;
}

/** Candidate stems of a text word: itself, and for long words those one typo away (cached per gazetteer). */
function lookupStems(g: Gazetteer, cache: Map<string, Lookup>, s: string): Lookup {
  const hit = cache.get(s);
  if (hit) return hit;
  const out = computeLookup(g, s);
  if (cache.size >= LOOKUP_CACHE_MAX) cache.clear();
  cache.set(s, out);
  return out;
}

function computeLookup(g: Gazetteer, s: string): Lookup {
  const out: Lookup = [];
  if (g.byWord.has(s)) out.push({ stem: s, fuzzy: false });
  // colloquial «-ка» names: «по Гражданке», «на Пискарёвке» for Гражданский, Пискарёвский пр.
  if (s.length >= FUZZY_MIN_LENGTH && s.endsWith('к') && !s.endsWith('ск')) {
    const full = s.slice(0, -1) + 'ск';
    if (g.byWord.has(full)) out.push({ stem: full, fuzzy: true });
  }
  if (s.length < FUZZY_MIN_LENGTH || out.some((o) => !o.fuzzy) || g.common.has(s)) return out;
  const seen = new Set<string>();
  const add = (w: string) => {
    if (!seen.has(w) && withinOneEdit(s, w) && (g.stemFrequency.get(w) ?? 0) <= 3) {
      seen.add(w);
      out.push({ stem: w, fuzzy: true });
    }
  };
  for (const w of g.fuzzy.get(s) ?? []) add(w);
  for (const d of deletions(s)) {
    if (g.byWord.has(d)) add(d);
    for (const w of g.fuzzy.get(d) ?? []) add(w);
  }
  if (out.length === 0 && s.length >= FUZZY2_MIN_LENGTH) {
    const two = twoTypos(g, s);
    if (two) out.push({ stem: two, fuzzy: true, twoTypos: true });
  }
  return out;
}

/** The one long name stem two typos away from `s` (a swap counts as one); null when none or several. */
function twoTypos(g: Gazetteer, s: string): string | null {
  let found: string | null = null;
  // the first letter is rarely the typo, and keeps the scan to a few dozen stems
  for (const w of g.longStems.get(s[0]) ?? []) {
    if (Math.abs(w.length - s.length) > 2 || (g.stemFrequency.get(w) ?? 0) > 3) continue;
    if (boundedEditDistance(s, w, 2) > 2) continue;
    if (found !== null) return null;
    found = w;
  }
  return found;
}

/** Once per entry and start token (a module function: a closure per text costs a __name under tsx). */
function pushNew(out: StreetMatch[], seen: Set<number>, m: StreetMatch): void {
  const k = m.entry.id * 65536 + m.first;
  if (!seen.has(k)) {
    seen.add(k);
    out.push(m);
  }
}

export function findStreets(tokens: Token[], g: Gazetteer, original: string): StreetMatch[] {
  const out: StreetMatch[] = [];
  const seen = new Set<number>();
  const cache = lookupCacheOf(g);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word') {
      // «пер.», «пр», «наб» are the type, not a name («Скачков пер., д. 5» is not the village Пери)
      if (t.text.length < 3 || (t.text.length <= 4 && TEXT_TYPES.has(t.text))) continue;
      for (const { stem, twoTypos } of lookupStems(g, cache, t.stem)) {
        // two typos: only a name written as one (capitalised inside a sentence) with a house number
        // after it; on 54k petitions ordinary words («архитектурного» → Архитектора) fill the rest
        if (twoTypos && !capitalisedInside(tokens, i, original)) continue;
        for (const { entry, pos } of g.byWord.get(stem) ?? []) {
          const m = alignName(tokens, i, entry, pos, g.common);
          if (!m) continue;
          const full = complete(tokens, m, original);
          if (!twoTypos || full.number) pushNew(out, seen, full);
        }
      }
    } else if (t.kind === 'num' && (t.ordinal || TEXT_TYPES.has(tokens[i + 1]?.text ?? ''))) {
      // «7-я линия», «7 линия В.О.», «линия 7-я»
      const [kindAfter] = typeAfter(tokens, i);
      const [kindBefore] = typeBefore(tokens, i);
      const kind = kindAfter ?? (t.ordinal ? kindBefore : null);
      if (!kind) continue;
      for (const entry of g.byOrdinalKind.get(`${t.value}|${kind}`) ?? []) {
        const m: StreetMatch = { entry, first: i, last: i, kind: null, qualifier: '', partial: false, fuzzy: false, number: null, numFirst: -1, numLast: -1, marker: false };
        pushNew(out, seen, complete(tokens, m, original));
      }
    }
  }
  return out;
}

/** Align the entry's words around token i (which matched word `pos`); null when they do not fit. */
function alignName(tokens: Token[], i: number, entry: NameEntry, pos: number, common: Set<string>): StreetMatch | null {
  const words = entry.words;
  let fuzzy = false;
  let last = i;
  for (let p = pos + 1; p < words.length; p++) {
    const r = wordMatches(tokens[last + 1], words[p], true, common);
    if (!r) return null;
    if (r === 1) fuzzy = true;
    last++;
  }
  let first = i;
  for (let p = pos - 1; p >= 0; p--) {
    // «Б. Конюшенная», «М.Садовая»: an abbreviated first word with its dot
    let k = first - 1;
    if (isPunct(tokens[k], '.') && tokens[k - 1]?.kind === 'word' && ABBREVIATIONS.has(tokens[k - 1].text)) k--;
    const r = wordMatches(tokens[k], words[p], true, common);
    if (!r) break;
    if (r === 1) fuzzy = true;
    first = k;
  }
  const matchedFrom = pos - (i - first);
  const partial = matchedFrom > 0;
  // a partial name must end with its last word and be a long, telling word («Трибуца» for «Адмирала Трибуца»)
  if (partial && (words[words.length - 1].length < 5 || words.slice(matchedFrom).every((w) => common.has(w)))) return null;
  if (tokens[i].stem !== words[pos]) fuzzy = fuzzy || wordMatches(tokens[i], words[pos], false) === 0;
  if (entry.ordinal) {
    // «12-Красноармейская»: the ordinal hyphenated to the name without its ending
    const hyphen = isPunct(tokens[first - 1], '-') && tokens[first - 1].end === tokens[first].start ? 1 : 0;
    const before = tokens[first - 1 - hyphen];
    const after = tokens[last + 1];
    if (before && before.kind === 'num' && before.value === entry.ordinal && !before.letter && !before.slash && !before.dash && (!hyphen || before.end === tokens[first - 1].start)) first -= 1 + hyphen;
    else if (after && after.kind === 'num' && after.value === entry.ordinal && after.ordinal) last++;
    else return null;
  } else {
    const before = tokens[first - 1];
    if (before && before.kind === 'num' && before.ordinal && before.ordinal !== 'го') return null;
  }
  return { entry, first, last, kind: null, qualifier: '', partial, fuzzy, number: null, numFirst: -1, numLast: -1, marker: false };
}

/** Type, qualifier and house number around a name match. */
function complete(tokens: Token[], m: StreetMatch, original: string): StreetMatch {
  const [kb, fb] = typeBefore(tokens, m.first);
  const [ka, la] = typeAfter(tokens, m.last);
  m.kind = kb ?? ka;
  m.first = kb ? fb : m.first;
  m.last = ka ? la : m.last;
  // «ул. Цитадельское шоссе»: two types, the one the street has wins
  if (kb && ka && kb !== ka && m.entry.streets.some((s) => s.kind === ka)) m.kind = ka;
  // qualifier «В.О.»/«П.С.» right after the street
  let q = m.last + 1;
  if (isPunct(tokens[q], ',')) q++;
  if (isQualifier(tokens[q], original)) {
    m.qualifier = tokens[q].text;
    m.last = q;
    const [k2, l2] = typeAfter(tokens, m.last);
    if (k2) {
      m.kind = m.kind ?? k2;
      m.last = l2;
    }
  }
  if (m.entry.qualifier === '' && m.qualifier) return m;
  // house number after: «Ленина, д. 5», «Ленина дом № 5 к. 2», «Захарова у 46-го»
  let j = m.last + 1;
  let marker = false;
  for (let steps = 0; steps < 5 && j < tokens.length; steps++) {
    const t = tokens[j];
    if (t.kind === 'punct' && (t.text === ',' || t.text === '.' || t.text === ':' || t.text === '-' || t.text === '№')) j++;
    else if (t.kind === 'word' && (HOUSE_MARKERS.has(t.text) || t.text === 'у')) {
      marker = marker || HOUSE_MARKERS.has(t.text);
      j++;
    } else break;
  }
  const after = readNumber(tokens, j, original);
  if (after) {
    m.number = after.hn;
    m.numFirst = j;
    m.numLast = after.last;
    m.marker = marker;
    return m;
  }
  // house number before: «дом 75 по Краснопутиловской», «фасаде 2/18 по Университетскому»,
  // «дома №4 (подъезд 2) по Люблинскому», «на доме 38. Ул. Новороссийская»
  let end = m.first - 1;
  const conn = tokens[end];
  const connector = conn !== undefined && conn.kind === 'word' && CONNECTORS_BEFORE_STREET.has(conn.text);
  if (connector) end--;
  if (isPunct(tokens[end], ',') || (!connector && isPunct(tokens[end], '.'))) end--;
  if (connector && isPunct(tokens[end], ')')) {
    let k = end - 1;
    while (k > end - 10 && k >= 0 && !isPunct(tokens[k], '(')) k--;
    if (isPunct(tokens[k], '(')) end = k - 1;
  }
  for (let s = Math.max(0, end - 8); s <= end; s++) {
    if (tokens[s].kind !== 'num') continue;
    const r = readNumber(tokens, s, original);
    if (!r || r.last !== end) continue;
    let b = s - 1;
    if (isPunct(tokens[b], '.')) b--;
    if (isPunct(tokens[b], '№')) b--;
    const hasMarker = tokens[b]?.kind === 'word' && HOUSE_MARKERS.has(tokens[b].text);
    if (hasMarker || (connector && conn.text === 'по')) {
      m.number = r.hn;
      m.numFirst = s;
      m.numLast = r.last;
      m.marker = hasMarker;
      break;
    }
  }
  return m;
}

const SENTENCE_END = new Set(['.', '!', '?', '\n', '"', '«', '(', ':']);
/** Capitalised and not a sentence's first word: written as a name. */
export function capitalisedInside(tokens: Token[], i: number, original: string): boolean {
  const c = original.charCodeAt(tokens[i].start);
  const prev = tokens[i - 1];
  return c >= 0x410 && c <= 0x42f && prev !== undefined && !(prev.kind === 'punct' && SENTENCE_END.has(prev.text));
}

/** «В.О.», «ВО», «П.С.» after a street; a lower-case «во» is the preposition («во дворе»). */
function isQualifier(t: Token | undefined, original: string): boolean {
  if (!t || t.kind !== 'word' || (t.text !== 'во' && t.text !== 'пс')) return false;
  return t.end - t.start > 2 || original.charCodeAt(t.start) !== t.text.charCodeAt(0);
}

/** A one-letter word after a number is its letter when capitalised, or lower-case and not a preposition before a street. */
function separateLetter(tokens: Token[], k: number, original: string): boolean {
  const next = tokens[k + 1];
  if (next?.kind === 'word' && /^[а-я]/.test(next.text) && !CONNECTORS_BEFORE_STREET.has(next.text)) return false;
  if (/[А-Я]/.test(original[tokens[k].start])) return true;
  return 'абвгд'.includes(tokens[k].text) && (next === undefined || next.kind === 'punct' || CONNECTORS_BEFORE_STREET.has(next.text));
}

/** A house number starting at token j with корпус/строение/литера; null when it is a quantity. */
export function readNumber(tokens: Token[], j: number, original: string): { hn: HouseNumber; last: number } | null {
  const t = tokens[j];
  if (!t || t.kind !== 'num' || t.value === 0 || t.value > 1500) return null;
  if (t.ordinal && t.ordinal !== 'го' && t.ordinal !== 'ого') return null;
  const hn: HouseNumber = { ...EMPTY_NUMBER, base: t.value, letter: t.letter, slash: t.slash, dash: t.dash };
  let last = j;
  for (;;) {
    let k = last + 1;
    if (isPunct(tokens[k], ',')) k++;
    const w = tokens[k];
    if (!w || w.kind !== 'word') break;
    let v = k + 1;
    if (isPunct(tokens[v], '.')) v++;
    const val = tokens[v];
    if (KORPUS_WORDS.has(w.text) && val?.kind === 'num' && !hn.korpus) {
      hn.korpus = String(val.value);
      if (val.letter) hn.litera = val.letter;
      last = v;
    } else if (STROENIE_WORDS.has(w.text) && val?.kind === 'num' && !hn.stroenie) {
      hn.stroenie = String(val.value);
      last = v;
    } else if (LITERA_WORDS.has(w.text) && val?.kind === 'word' && val.text.length === 1 && !hn.litera) {
      hn.litera = val.text;
      last = v;
    } else if (k === last + 1 && !hn.letter && w.text.length === 1 && separateLetter(tokens, k, original)) {
      // «5 А» written apart, «д.5 а по Апрельской»
      hn.letter = w.text;
      last = k;
    } else break;
  }
  const next = tokens[last + 1];
  if (next && next.kind === 'word' && last === j && isUnitWord(next.text)) return null;
  if (next && next.kind === 'punct' && next.text === '%') return null;
  return { hn, last };
}
