// Builds resident-style messages from fragment sets: an optional greeting and
// address, the problem, duration / scale / repetition / vulnerable people, a
// second issue, УК inaction, emotions, a closing line; then surface noise.
import type { Category, Label } from '../../../shared/types/taxonomy.js';
import { chance, expand, pick, roughen, type Rng } from './text-kit.js';

export interface Frames {
  CITIES: string[];
  STREETS: string[];
  ADDRESS: string[];
  OPENERS: string[];
  DURATIONS: string[];
  VULNERABLE: string[];
  SCALE: string[];
  REPEAT: string[];
  UK_INACTION: string[];
  EMOTIONS: string[];
  CLOSERS: string[];
}

export interface Row {
  text: string;
  zhkh_label: Category;
  zhkh_label_alt: string;
  /** index of the main template: training keeps whole templates out for its own validation split */
  template?: number;
}

const DATES = ['12 марта', '3 октября', '20.11', 'понедельник', '5 числа', '14.02', 'вторник'];

function fill(rng: Rng, f: Frames, s: string): string {
  return s
    .replace(/@S/g, () => pick(rng, f.STREETS))
    .replace(/@N/g, () => String(1 + Math.floor(rng() * 120)))
    .replace(/@P/g, () => String(1 + Math.floor(rng() * 8)))
    .replace(/@C/g, () => pick(rng, f.CITIES) || 'СПб')
    .replace(/@D/g, () => pick(rng, DATES))
    .replace(/@PHONE/g, () => `8-9${Math.floor(10 + rng() * 89)}-${Math.floor(100 + rng() * 899)}-${Math.floor(10 + rng() * 89)}-${Math.floor(10 + rng() * 89)}`);
}

const say = (rng: Rng, f: Frames, list: string[]): string => fill(rng, f, expand(rng, pick(rng, list)));

function join(rng: Rng, parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    if (!out) out = p[0].toUpperCase() + p.slice(1);
    else {
      const sep = pick(rng, ['. ', '. ', ', ', ' ', '\n', '! ', ' - ']);
      out += sep + (sep.startsWith('.') || sep.startsWith('!') || sep === '\n' ? p[0].toUpperCase() + p.slice(1) : p);
    }
  }
  return out;
}

export function complaint(rng: Rng, f: Frames, topics: Partial<Record<Label, string[]>>, label: Label): Row {
  const list = topics[label]!;
  const template = Math.floor(rng() * list.length);
  const main = fill(rng, f, expand(rng, list[template]));
  const others = (Object.keys(topics) as Label[]).filter((l) => l !== label);
  let alt = '';
  if (chance(rng, 0.08)) {
    return { text: roughen(rng, main, 1), zhkh_label: label, zhkh_label_alt: '', template };
  }
  const short = chance(rng, 0.3);
  const addr = chance(rng, short ? 0.3 : 0.6) ? say(rng, f, f.ADDRESS) : '';
  const parts: string[] = [];
  if (!short && chance(rng, 0.5)) parts.push(say(rng, f, f.OPENERS));
  const addrFirst = chance(rng, 0.5);
  if (addr && addrFirst) parts.push(addr);
  parts.push(main);
  if (addr && !addrFirst) parts.push(addr);
  if (chance(rng, 0.35)) parts.push(say(rng, f, f.DURATIONS));
  if (chance(rng, short ? 0.05 : 0.2)) parts.push(say(rng, f, f.SCALE));
  if (chance(rng, 0.2)) parts.push(say(rng, f, f.REPEAT));
  if (!short && chance(rng, 0.2)) parts.push(say(rng, f, f.VULNERABLE));
  if (!short && chance(rng, 0.2)) {
    const other = pick(rng, others);
    parts.push(pick(rng, ['а еще ', 'и ', 'плюс ', 'кроме того ', 'заодно ', '']) + say(rng, f, topics[other]!));
    alt = other;
  }
  if (!short && chance(rng, 0.35)) parts.push(say(rng, f, f.UK_INACTION));
  if (chance(rng, short ? 0.2 : 0.5)) parts.push(say(rng, f, f.EMOTIONS));
  if (!short && chance(rng, 0.3)) parts.push(say(rng, f, f.CLOSERS));
  return { text: roughen(rng, join(rng, parts), 1), zhkh_label: label, zhkh_label_alt: alt, template };
}

export function nonComplaint(rng: Rng, f: Frames, templates: string[]): Row {
  const template = Math.floor(rng() * templates.length);
  let text = fill(rng, f, expand(rng, templates[template]));
  if (chance(rng, 0.2)) text = join(rng, [text, say(rng, f, templates)]);
  return { text: roughen(rng, text, 0.6), zhkh_label: 'irrelevant', zhkh_label_alt: '', template };
}
