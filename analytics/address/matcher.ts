// Finds street names in a token stream (with their type word and «В.О.»/«П.С.»), and the house
// number written next to them.
import type { Token } from './normalise.js';
import type { HouseNumber } from './house-number.js';
import { FUZZY_MIN_LENGTH, withinOneEdit, type Gazetteer, type NameEntry } from './gazetteer.js';
import { NAME_ABBREVIATIONS, TEXT_TYPES, type StreetKind } from './vocabulary.js';
import { lookupCacheOf, lookupStems } from './typo-lookup.js';
import { numberAfter, numberBefore } from './number-reader.js';

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
  let [kb, fb] = typeBefore(tokens, m.first);
  const [ka, la] = typeAfter(tokens, m.last);
  // «ул. Набережная реки Фонтанки», «улице пр. Ветеранов»: a habitual «ул.» before the name's own
  // type; the span takes both (a number before them belongs to the street), the kind the street has.
  // Only «ул.»: «дороги. Ул. Бабушкина», «бульвар ул. Крыленко» are two places
  const [kb2, fb2]: [StreetKind | null, number] = kb ? typeBefore(tokens, fb) : [null, fb];
  if (kb2 === 'ул') {
    fb = fb2;
    if (!m.entry.streets.some((s) => s.kind === kb) && m.entry.streets.some((s) => s.kind === kb2)) kb = kb2;
  }
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
  const after = numberAfter(tokens, m.last + 1, original);
  if (after) {
    m.number = after.hn;
    m.numFirst = after.first;
    m.numLast = after.last;
    m.marker = after.marker;
    return m;
  }
  const before = numberBefore(tokens, m.first - 1, original);
  if (before) {
    m.number = before.hn;
    m.numFirst = before.first;
    m.numLast = before.last;
    m.marker = before.marker;
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
