// Text normalisation for Russian addresses: case/ё folding, a light suffix-stripping
// stemmer (enough to meet declensions of street names) and a linear-time tokenizer
// (no regular expressions, so no backtracking on long or hostile input).

export type TokenKind = 'word' | 'num' | 'punct' | 'junk';

export interface Token {
  kind: TokenKind;
  /** folded text: lower case, ё→е; for num the digits; for punct the character */
  text: string;
  /** stem of a word token (equal to text for short words) */
  stem: string;
  start: number;
  end: number;
  /** num: numeric value */
  value: number;
  /** num: ordinal suffix written after it («7-я», «10я», «46-го»), folded, without hyphen */
  ordinal: string;
  /** num: one-letter suffix («15а», «9б») */
  letter: string;
  /** num: «13/15» → 15 */
  slash: number;
  /** num: «18-20» → 20 */
  dash: number;
}

const LATIN_LOOKALIKE: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', y: 'у' };

/** Lower case, ё→е; Latin letters that look Cyrillic become Cyrillic when `lookalikes` (for «OOO»). */
export function fold(s: string, lookalikes = false): string {
  let out = s.toLowerCase().replace(/ё/g, 'е');
  if (lookalikes) out = out.replace(/[acepoxkmthby]/g, (ch) => LATIN_LOOKALIKE[ch] ?? ch);
  return out;
}

// Longest endings first; a stem keeps at least MIN_STEM letters.
const ENDINGS = [
  'ыми', 'ими', 'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ией',
  'ая', 'яя', 'ое', 'ее', 'ой', 'ей', 'ий', 'ый', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем', 'ых', 'их', 'ым', 'им',
  'ах', 'ях', 'ам', 'ям', 'ов', 'ев', 'ия', 'ии', 'ию',
  'а', 'я', 'о', 'е', 'у', 'ю', 'ы', 'и', 'ь', 'й',
];
const MIN_STEM = 3;

// endings grouped by their last letter, longest first: a word is checked against a few only
const BY_LAST = new Map<string, string[]>();
for (const e of ENDINGS) BY_LAST.set(e[e.length - 1], [...(BY_LAST.get(e[e.length - 1]) ?? []), e]);
for (const list of BY_LAST.values()) list.sort((a, b) => b.length - a.length);

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

export function stem(word: string): string {
  if (word.length <= MIN_STEM) return word;
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  let out = word;
  for (const e of BY_LAST.get(word[word.length - 1]) ?? []) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) {
      out = word.slice(0, -e.length);
      break;
    }
  }
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(word, out);
  return out;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 0x430 && c <= 0x44f) || c === 0x451 || (c >= 97 && c <= 122);

function tok(kind: TokenKind, text: string, start: number, end: number): Token {
  return { kind, text, stem: text, start, end, value: 0, ordinal: '', letter: '', slash: 0, dash: 0 };
}

const ORDINAL_SUFFIXES = new Set(['я', 'й', 'ая', 'ой', 'ий', 'ый', 'ое', 'ья', 'го', 'ого', 'ому', 'ему', 'ую', 'ей', 'м', 'ом', 'ю', 'е', 'ех', 'х', 'ых', 'ие', 'ые', 'ый']);
/** Letters that may follow a house number as its own letter («15а»); «к» is korpus when a digit follows. */
const HOUSE_LETTERS = new Set('абвгдежзиклмнопрстуфхэю');

/** Tokenize folded text. Offsets refer to the original string (folding keeps lengths). */
export function tokenize(original: string): Token[] {
  const s = fold(original);
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      // keep internal hyphens for now («пр-кт», «римского-корсакова»); split below
      while (j < n && (isLetter(s.charCodeAt(j)) || (s[j] === '-' && j + 1 < n && isLetter(s.charCodeAt(j + 1))))) j++;
      const word = s.slice(i, j);
      if (word.includes('-') && !HYPHEN_WORDS.has(word)) {
        let p = i;
        for (const part of word.split('-')) {
          const t = tok('word', part, p, p + part.length);
          t.stem = stem(part);
          out.push(t);
          p += part.length + 1;
        }
      } else if (gluedMarker(original, s, i, j)) {
        // «Германад.35», «Шаумянад.54»: the house marker «д.» glued to the street name
        const t = tok('word', word.slice(0, -1), i, j - 1);
        t.stem = stem(t.text);
        out.push(t, tok('word', 'д', j - 1, j));
      } else {
        const t = tok('word', word, i, j);
        t.stem = stem(word);
        out.push(t);
      }
      i = j;
    } else if (isDigit(c)) {
      i = scanNumber(s, i, out);
    } else if (c === 32 || c === 9 || c === 0xa0) {
      i++;
    } else {
      out.push(tok('punct', c === 13 ? '\n' : s[i], i, i + 1));
      i++;
    }
  }
  return mergeQualifiers(out);
}

/** A capitalised word of 5+ letters ending in «д» right before «.» and a digit. */
function gluedMarker(original: string, s: string, i: number, j: number): boolean {
  if (j - i < 5 || s[j - 1] !== 'д' || s[j] !== '.' || !isDigit(s.charCodeAt(j + 1))) return false;
  const c = original.charCodeAt(i);
  return (c >= 0x410 && c <= 0x42f) || c === 0x401;
}

/** Hyphenated abbreviations that are one token. */
const HYPHEN_WORDS = new Set(['пр-кт', 'пр-т', 'б-р', 'пр-д', 'кв-л', 'пл-ка', 'наб-я']);

function readDigits(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

function scanNumber(s: string, i: number, out: Token[]): number {
  const n = s.length;
  let j = readDigits(s, i);
  // dates, times, decimals, phone numbers, long digit runs: one junk token
  const next = s[j];
  if ((next === '.' || next === ':') && j + 1 < n && isDigit(s.charCodeAt(j + 1))) {
    while (j < n && (isDigit(s.charCodeAt(j)) || ((s[j] === '.' || s[j] === ':' || s[j] === '-') && j + 1 < n && isDigit(s.charCodeAt(j + 1))))) j++;
    out.push(tok('junk', s.slice(i, j), i, j));
    return j;
  }
  const t = tok('num', s.slice(i, j), i, j);
  t.value = Number(t.text);
  if (j - i > 4) t.kind = 'junk';
  if (s[j] === '/' && j + 1 < n && isDigit(s.charCodeAt(j + 1))) {
    const k = readDigits(s, j + 1);
    t.slash = Number(s.slice(j + 1, k));
    j = k;
  } else if (s[j] === '-' && j + 1 < n && isDigit(s.charCodeAt(j + 1))) {
    const k = readDigits(s, j + 1);
    if (s[k] === '-' && k + 1 < n && isDigit(s.charCodeAt(k + 1))) {
      // 123-45-67: a phone number
      let m = k;
      while (m < n && (isDigit(s.charCodeAt(m)) || (s[m] === '-' && m + 1 < n && isDigit(s.charCodeAt(m + 1))))) m++;
      out.push(tok('junk', s.slice(i, m), i, m));
      return m;
    }
    t.dash = Number(s.slice(j + 1, k));
    j = k;
  }
  // suffix letters: «-я», «я», «а», «-го»
  const hyphen = s[j] === '-';
  const k = hyphen ? j + 1 : j;
  let m = k;
  while (m < n && isLetter(s.charCodeAt(m))) m++;
  if (m > k) {
    const suffix = s.slice(k, m);
    const korpusNext = suffix === 'к' && m < n && isDigit(s.charCodeAt(m));
    if (!t.slash && !t.dash && (hyphen ? ORDINAL_SUFFIXES.has(suffix) : suffix === 'я' || suffix === 'й' || (suffix.length > 1 && ORDINAL_SUFFIXES.has(suffix)))) {
      t.ordinal = suffix;
      j = m;
    } else if (suffix.length === 1 && HOUSE_LETTERS.has(suffix) && !korpusNext) {
      t.letter = suffix;
      j = m;
    }
  }
  t.end = j;
  out.push(t);
  return j;
}

/** «В.О.», «в.о», «ВО» → word «во»; «П.С.» → «пс» (the island/side qualifiers of street names). */
function mergeQualifiers(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.text === 'в' || t.text === 'п')) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    if (a.kind === 'word' && (a.text === 'в' || a.text === 'п')) {
      let j = i + 1;
      if (tokens[j]?.text === '.') j++;
      const b = tokens[j];
      const want = a.text === 'в' ? 'о' : 'с';
      if (b && b.kind === 'word' && b.text === want && b.start - a.end <= 2) {
        let end = b.end;
        if (tokens[j + 1]?.text === '.' && tokens[j + 1].start === end) {
          j++;
          end++;
        }
        const q = tok('word', a.text + want, a.start, end);
        out.push(q);
        i = j;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
