// Seeded randomness, the {a|b} pattern expander and resident-style noise for the
// generated social-media texts. Fixed seeds: the same run writes the same files.

import { mulberry32 } from '../../../shared/random/mulberry32.js';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for sampling text fragments. */
export const makeRng: (seed: number) => Rng = mulberry32;

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const chance = (rng: Rng, p: number): boolean => rng() < p;

/** Expands `{a|b|c}` alternatives (nestable) choosing one branch at random; `{|x}` = optional x. */
export function expand(rng: Rng, pattern: string): string {
  let out = '';
  let i = 0;
  const parseGroup = (): string => {
    // at pattern[i] === '{'
    i++;
    const branches: string[] = [];
    let cur = '';
    while (i < pattern.length && pattern[i] !== '}') {
      if (pattern[i] === '{') cur += parseGroup();
      else if (pattern[i] === '|') {
        branches.push(cur);
        cur = '';
        i++;
      } else cur += pattern[i++];
    }
    i++; // '}'
    branches.push(cur);
    return pick(rng, branches);
  };
  while (i < pattern.length) {
    if (pattern[i] === '{') out += parseGroup();
    else out += pattern[i++];
  }
  return out.replace(/ {2,}/g, ' ').replace(/ ([,.!?])/g, '$1').trim();
}

const NEIGHBOUR: Record<string, string> = { а: 'о', о: 'а', е: 'и', и: 'е', с: 'з', т: 'д' };

/** Typos the way people type on a phone: dropped, doubled, swapped or confused letters. */
export function typo(rng: Rng, word: string): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(rng() * (word.length - 2));
  const r = rng();
  if (r < 0.3) return word.slice(0, i) + word.slice(i + 1);
  if (r < 0.5) return word.slice(0, i) + word[i] + word.slice(i);
  if (r < 0.7) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  const sub = NEIGHBOUR[word[i]];
  return sub ? word.slice(0, i) + sub + word.slice(i + 1) : word;
}

/** Resident-style surface noise: case, punctuation, typos, emoji, ё/е. */
export function roughen(rng: Rng, text: string, level: number): string {
  let t = text;
  if (chance(rng, 0.25 * level)) t = t.replace(/\S+/g, (w) => (chance(rng, 0.12 * level) ? typo(rng, w) : w));
  if (chance(rng, 0.3 * level)) t = t.toLowerCase();
  if (chance(rng, 0.15 * level)) t = t.replace(/[.,]/g, '');
  if (chance(rng, 0.05 * level)) t = t.toUpperCase();
  if (chance(rng, 0.3)) t = t.replace(/ё/g, 'е');
  if (chance(rng, 0.2 * level)) t += pick(rng, [' !!!', '!!', ' ((((', ' 😡', ' 🤬', ' ?!', ')))', ' 🙏', '...', ' 😢']);
  return t;
}
