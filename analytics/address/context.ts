// What a text says about the place besides the street: settlements («г. Пушкин», «Колпино»),
// districts («в Калининском районе») and the island/side cue («Васильевский»).
import type { Token } from './normalise.js';
import type { Gazetteer, LocalityName } from './gazetteer.js';
import type { StreetMatch } from './matcher.js';

/** locality name → token range of its mention */
export type Mentions = Map<string, [number, number]>;

const LOCALITY_MARKERS = new Set(['г', 'гор', 'город', 'городе', 'города', 'пос', 'поселок', 'поселке', 'поселка', 'п', 'пгт', 'дер', 'деревня', 'деревне', 'село', 'селе', 'мкр', 'тер']);
const isUpper = (c: number) => (c >= 0x410 && c <= 0x42f) || c === 0x401;
export const isDistrictWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && (t.text.startsWith('район') || t.text === 'р' || t.text === 'рн');

/**
 * A case form of a settlement name written without «г.»/«пос.»: the name itself, or a noun's
 * declension («Пушкине», «Пискарёвке»). Adjective-like names («Ленинское», «Советский») must be
 * exact, or the street «Ленинский пр.» would name a settlement.
 */
function unmarkedForm(word: string, name: string): boolean {
  if (word === name) return true;
  const last = name[name.length - 1];
  if ('оеиыйяю'.includes(last)) return false;
  if (last === 'а') return word.length === name.length + (word.endsWith('ой') ? 1 : 0) && word.startsWith(name.slice(0, -1)) && /(е|у|и|ы|ой)$/.test(word);
  if (last === 'ь') return false;
  return word.startsWith(name) && ['а', 'е', 'у', 'ом'].includes(word.slice(name.length));
}

export function mentionedLocalities(tokens: Token[], g: Gazetteer, text: string, streets: readonly StreetMatch[] = []): Mentions {
  const out: Mentions = new Map();
  // words of a street written with its type or number («Ленинский пр. 53», «Ивановская 7») are the street
  const inStreet = (i: number) => streets.some((m) => (m.kind || m.number) && !m.entry.area && i >= m.first && i <= m.last);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const cands = g.localities.get(t.stem);
    if (!cands) continue;
    const prev = tokens[i - 1]?.text === '.' ? tokens[i - 2] : tokens[i - 1];
    const marked = prev !== undefined && LOCALITY_MARKERS.has(prev.text);
    if (!marked && (t.stem.length < 3 || g.common.has(t.stem) || !isUpper(text.charCodeAt(t.start)) || inStreet(i))) continue;
    for (const ln of cands) {
      const end = i + ln.words.length - 1;
      if (isDistrictWord(tokens[end + 1]) || !matchesName(tokens, i, ln, marked)) continue;
      if (!out.has(ln.locality)) out.set(ln.locality, [i, end]);
    }
  }
  return out;
}

function matchesName(tokens: Token[], i: number, ln: LocalityName, marked: boolean): boolean {
  for (let k = 0; k < ln.words.length; k++) {
    const t = tokens[i + k];
    if (!t || t.stem !== ln.words[k]) return false;
    if (!marked && ln.folded[k] !== undefined && !unmarkedForm(t.text, ln.folded[k])) return false;
  }
  return true;
}

/** Districts named with the word «район»: «Калининского района», «в Колпинском р-не». */
export function mentionedDistricts(tokens: Token[], g: Gazetteer): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !isDistrictWord(tokens[i + 1])) continue;
    for (const d of g.districts.get(t.stem) ?? []) out.add(d);
  }
  return out;
}

export function qualifierCue(tokens: Token[]): string {
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (t.text.startsWith('васильевск')) return 'во';
    if (t.text.startsWith('петроградск')) return 'пс';
  }
  return '';
}

export function addressCue(tokens: Token[], first: number): boolean {
  for (let k = Math.max(0, first - 4); k < first; k++) if (tokens[k].kind === 'word' && tokens[k].text.startsWith('адрес')) return true;
  return false;
}
