// The street alone, when the text names no house of it: reported only when the words are
// written as a street, or every ordinary word that happens to be a street name («октября»,
// «подстанции», «центре») would fill the address.
import type { Token } from './normalise.js';
import type { Street } from './gazetteer.js';
import { formatNumber } from './house-number.js';
import { capitalisedInside, type StreetMatch } from './matcher.js';
import { isDistrictWord } from './context.js';
import type { Resolution } from './resolver.js';

/**
 * With its type word («ул. Октября»), its «В.О.»/«П.С.», as an ordinal street («7-я линия»), or
 * capitalised inside a sentence («у нас на Ленина опять»), spelled right and not a district's
 * adjective («Выборгского района»).
 */
export function writtenAsStreet(m: StreetMatch, tokens: Token[], text: string): boolean {
  if (m.kind || m.qualifier || m.entry.ordinal) return true;
  return !m.fuzzy && capitalisedInside(tokens, m.first, text) && !isDistrictWord(tokens[m.last + 1]);
}

export function streetOnly(s: Street, m: StreetMatch, span: [number, number], raw: string, conf: number): Resolution {
  return { house: null, street: { name: s.name, type: s.rawType, locality: s.locality }, address: { street: `${s.rawType} ${s.name}`.trim(), house: m.number ? formatNumber(m.number) : '', raw }, span, confidence: Math.round(conf * 100) / 100, ambiguous: false, candidates: [] };
}
