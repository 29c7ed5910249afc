// Grammatical gender of adjectival street names: «Загородная 41» is not «Загородный пр., 41»,
// «саперная дом 6» not «Саперный пер.», «Балтийский бульвар» not «Балтийская ул.». The registry
// writes names in the nominative; a text declines them, so only endings that tell the gender
// unambiguously count («-ой» is both «Большой» and «Садовой»).
import type { Token } from './normalise.js';
import { fold } from './normalise.js';
import { TEXT_TYPES } from './vocabulary.js';

export type Gender = 'f' | 'm' | 'n';

// longest first
const TEXT_ENDINGS: [string, Gender][] = [
  ['ого', 'm'], ['его', 'm'], ['ому', 'm'], ['ему', 'm'],
  ['ая', 'f'], ['яя', 'f'], ['ую', 'f'], ['юю', 'f'], ['ей', 'f'],
  ['ый', 'm'], ['ий', 'm'], ['ым', 'm'], ['им', 'm'],
  ['ое', 'n'], ['ее', 'n'],
];
// «-ой» is not read: «Большой» (m) but also genitive names («Обуховской Обороны»)
const REGISTRY_ENDINGS: [string, Gender][] = [
  ['ая', 'f'], ['яя', 'f'], ['ый', 'm'], ['ий', 'm'], ['ое', 'n'], ['ее', 'n'],
];

/** «-ого»/«-ому» also decline neuter names («Ропшинского шоссе»): m and n agree on them. */
function compatible(text: Gender, reg: Gender, ending: string): boolean {
  if (text === reg) return true;
  return text === 'm' && reg === 'n' && /^(ого|его|ому|ему|ым|им)$/.test(ending);
}

function genderOf(word: string, table: [string, Gender][]): [Gender, string] | null {
  if (word.length < 5) return null;
  for (const [e, g] of table) if (word.endsWith(e)) return [g, e];
  return null;
}

/** Gender of the first adjectival word of a registry name («Загородный» → m), or null. */
export function registryGender(name: string): Gender | null {
  for (const w of fold(name).split(/[\s-]+/)) {
    const g = genderOf(w, REGISTRY_ENDINGS);
    if (g) return g[0];
  }
  return null;
}

/** What the text's words in [first, last] say about the name's gender: null when they do not tell. */
export interface TextGender {
  gender: Gender;
  ending: string;
}

export function textGender(tokens: Token[], first: number, last: number): TextGender | null {
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || TEXT_TYPES.has(t.text)) continue;
    const g = genderOf(t.text, TEXT_ENDINGS);
    if (g) return { gender: g[0], ending: g[1] };
    // the first adjectival word decides; an ambiguous «-ой» says nothing
    if (t.text.endsWith('ой')) return null;
  }
  return null;
}

/** false when the text's gender contradicts the registry name's (computed once per street: `registryGender`). */
export function genderAgrees(text: TextGender | null, reg: Gender | null): boolean | null {
  if (!text || !reg) return null;
  return compatible(text.gender, reg, text.ending);
}

/** Whether the words of the text in [first, last] agree in gender with a registry name (null: cannot tell). */
export function agrees(tokens: Token[], first: number, last: number, name: string): boolean | null {
  return genderAgrees(textGender(tokens, first, last), registryGender(name));
}
