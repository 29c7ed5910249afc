// House numbers in a token stream: «5», «5к2», «д. 5, корп. 2, лит. А», «5 А», and where a number
// stands relative to the street it belongs to («Ленина, д. 5», «дом 75 по Краснопутиловской»).
import type { Token } from './normalise.js';
import { EMPTY_NUMBER, type HouseNumber } from './house-number.js';
import { CONNECTORS_BEFORE_STREET, HOUSE_MARKERS, KORPUS_WORDS, LITERA_WORDS, STROENIE_WORDS, isUnitWord } from './vocabulary.js';

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

const isPunct = (t: Token | undefined, ch: string) => t !== undefined && t.kind === 'punct' && t.text === ch;

export interface NumberSpan {
  hn: HouseNumber;
  first: number;
  last: number;
  /** «д.», «дом» written before the number */
  marker: boolean;
}

/** The house number after a street ending before token `j`: «Ленина, д. 5», «Ленина дом № 5 к. 2», «Захарова у 46-го». */
export function numberAfter(tokens: Token[], j: number, original: string): NumberSpan | null {
  let marker = false;
  for (let steps = 0; steps < 5 && j < tokens.length; steps++) {
    const t = tokens[j];
    if (t.kind === 'punct' && (t.text === ',' || t.text === '.' || t.text === ':' || t.text === '-' || t.text === '№')) j++;
    else if (t.kind === 'word' && (HOUSE_MARKERS.has(t.text) || t.text === 'у')) {
      marker = marker || HOUSE_MARKERS.has(t.text);
      j++;
    } else if (steps === 0 && misspeltType(tokens, j)) j += 2;
    // «на улице Ленина в доме 5», «Полтавский проезд около дома 2»: the marker makes it a house, but
    // one the place is near (no marker bonus: «ул. Есенина около дома 15/1 по пр. Луначарского»)
    else if (prepositionBeforeHouse(tokens, j)) j += 2;
    else break;
  }
  const r = readNumber(tokens, j, original);
  return r ? { hn: r.hn, first: j, last: r.last, marker } : null;
}

const PREP_BEFORE_HOUSE = new Set(['в', 'во', 'возле', 'около', 'напротив']);

function prepositionBeforeHouse(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  const w = tokens[j + 1];
  return t.kind === 'word' && PREP_BEFORE_HOUSE.has(t.text) && w?.kind === 'word' && (w.text === 'д' || w.text.startsWith('дом'));
}

/**
 * «Тихорецкий по., д. 10», «Лесному по.дом 77»: right after the name, a short abbreviation with its
 * dot that is no type word (a typo of «пр.»), then the house marker: the marker makes it a type.
 */
function misspeltType(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (t.kind !== 'word' || t.text.length > 3 || !isPunct(tokens[j + 1], '.') || tokens[j + 1].start !== t.end) return false;
  const k = isPunct(tokens[j + 2], ',') ? j + 3 : j + 2;
  const w = tokens[k];
  return w !== undefined && w.kind === 'word' && (w.text === 'д' || w.text === 'дом') && tokens[k + (isPunct(tokens[k + 1], '.') ? 2 : 1)]?.kind === 'num';
}

/**
 * The house number before a street starting after token `end`: «дом 75 по Краснопутиловской»,
 * «фасаде 2/18 по Университетскому», «дома №4 (подъезд 2) по Люблинскому», «на доме 38. Ул. Новороссийская».
 */
export function numberBefore(tokens: Token[], end: number, original: string): NumberSpan | null {
  const conn = tokens[end];
  const connector = conn !== undefined && conn.kind === 'word' && CONNECTORS_BEFORE_STREET.has(conn.text);
  if (connector) end--;
  // «дома 27 корпус 1, выходящего на проспект Королёва»: a participle between the house and its
  // street; then only a number with a house marker
  const described = connector && isParticiple(tokens[end]);
  if (described) end--;
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
    if (hasMarker || (connector && conn.text === 'по' && !described)) return { hn: r.hn, first: s, last: r.last, marker: hasMarker };
  }
  return null;
}

/** «выходящего», «расположенному», «стоящий»: present/past participles by their suffix and ending. */
const PARTICIPLE = /(?:ющ|ящ|ущ|ащ|вш|енн|анн)(?:ий|ый|ая|яя|ое|ее|ие|ые|его|ого|ему|ому|ей|ой|им|ым|ем|ом|их|ых|ую|юю)(?:ся)?$/;

function isParticiple(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.text.length >= 7 && PARTICIPLE.test(t.text);
}
