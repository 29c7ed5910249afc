// Builds the text of one message the way people write in VK comments and house chats:
// a fragment or two, an address somewhere (or none), emotion, a question, typos, emoji.
import type { House } from '../../../shared/types/registry.js';
import type { Rng } from './prng.js';
import { writeAddress, writeFormalAddress, writeStreetOnly } from './address.js';
import { ALSO, CLOSERS, EMOJI, EMOTIONS, FRIENDLY_EMOJI, LONG, OPENERS, QUESTIONS, SINCE, TYPOS } from './texts-style.js';

export type AddressMode = 'full' | 'street' | 'none';

export interface FillContext {
  house: House | null;
  rng: Rng;
  /** day of month the message is written on, for announcements */
  day: number;
  /** announcements write addresses the official way («ул. Типанова, д. 19») */
  formal?: boolean;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function fill(template: string, c: FillContext): string {
  if (template.indexOf('{') < 0) return template;
  const { rng } = c;
  // announcements name a day a few days ahead; the end of a period comes after its start
  const d = ((c.day + rng.int(1, 5) - 1) % 20) + 1;
  return template.replace(PLACEHOLDER, (_m, key: string) => {
    switch (key) {
      case 'since': return rng.pick(SINCE);
      case 'floor': return String(rng.int(2, 12));
      case 'entr': return String(rng.int(1, 6));
      case 'n': return String(rng.int(1, 650));
      case 'date': return String(d);
      case 'date2': return String(d + rng.int(7, 8));
      case 'addr': return c.house ? (c.formal ? writeFormalAddress(c.house, rng) : writeAddress(c.house, rng)) : 'в нашем доме';
      case 'street': return c.house ? writeStreetOnly(c.house, rng, c.formal) : 'у метро';
      case 'long': return rng.pick(LONG);
      default: return '';
    }
  });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Put an address into a body of text, in one of the places people put it. */
export function placeAddress(body: string, house: House | null, mode: AddressMode, rng: Rng): string {
  if (!house || mode === 'none') return body;
  if (mode === 'street') {
    const s = writeStreetOnly(house, rng);
    return rng.chance(0.6) ? `${upperFirst(s)} ${lowerFirst(body)}` : `${body.replace(/[.!]$/, '')} ${s}.`;
  }
  let a = writeAddress(house, rng);
  // «у нас на Типанова 19 у нас во всём доме…» reads as a stutter
  if (/^у нас/i.test(body)) a = a.replace(/^у нас /, '');
  if (/^(у нас )?на /.test(a) && rng.chance(0.7)) return `${upperFirst(a)} ${lowerFirst(body)}`;
  switch (rng.int(0, 5)) {
    case 0: return `${upperFirst(a)}: ${body}`;
    case 1: return `${upperFirst(a)}. ${body}`;
    case 2: return `${body} Адрес: ${a}.`;
    case 3: return `${body} (${a})`;
    case 4: return `${upperFirst(a)} — ${lowerFirst(body)}`;
    default: return `${body} ${a}.`;
  }
}

export interface ComplaintSpec {
  fragments: readonly string[];
  /** an unrelated second problem tacked on the end, sometimes */
  extra?: readonly string[];
  house: House | null;
  mode: AddressMode;
  day: number;
  /** local hour, so that «Доброе утро» is not written at night */
  hour: number;
}

const TIMED: Record<string, [number, number]> = { 'Доброе утро.': [5, 11], 'Добрый день!': [11, 17], 'Добрый вечер.': [17, 24] };

function opener(hour: number, rng: Rng): string {
  const o = rng.pick(OPENERS);
  const span = TIMED[o];
  return span && (hour < span[0] || hour >= span[1]) ? 'Здравствуйте.' : o;
}

export function composeComplaint(spec: ComplaintSpec, rng: Rng): string {
  const c: FillContext = { house: spec.house, rng, day: spec.day };
  const first = rng.pick(spec.fragments);
  let body = fill(first, c);
  if (rng.chance(0.3)) {
    const second = rng.pick(spec.fragments);
    if (second !== first) body += ' ' + fill(second, c);
  }
  if (spec.extra && rng.chance(0.15)) body += ` ${rng.pick(ALSO)} ${lowerFirst(fill(rng.pick(spec.extra), c))}`;
  let text = placeAddress(body, spec.house, spec.mode, rng);
  if (rng.chance(0.22)) {
    const o = opener(spec.hour, rng);
    text = `${o} ${/[,—]$/.test(o) ? lowerFirst(text) : text}`;
  }
  if (rng.chance(0.35)) text += ' ' + rng.pick(EMOTIONS);
  if (rng.chance(0.22)) text += ' ' + rng.pick(QUESTIONS);
  if (rng.chance(0.18)) text += ' ' + rng.pick(CLOSERS);
  return voice(text, rng, EMOJI);
}

/** A non-complaint post: announcement, advert, chatter. */
export function composeChatter(templates: readonly string[], house: House | null, day: number, rng: Rng): string {
  const text = fill(rng.pick(templates), { house, rng, day, formal: true });
  return rng.chance(0.5) ? voice(text, rng, FRIENDLY_EMOJI) : text;
}

/** How the message is typed: lower case without full stops, typos, emoji, shouting. */
export function voice(text: string, rng: Rng, emoji: readonly string[]): string {
  let t = text;
  const r = rng.next();
  if (r < 0.25) t = t.toLowerCase().replace(/\.(\s|$)/g, '$1').trim();
  else if (r < 0.3) t = t.replace(/!/g, '!!!');
  if (rng.chance(0.22)) {
    const start = rng.int(0, TYPOS.length - 1);
    let done = 0;
    for (let i = 0; i < TYPOS.length && done < 2; i++) {
      const [from, to] = TYPOS[(start + i) % TYPOS.length]!;
      const at = t.indexOf(from);
      // whole words only: «что» must not turn «чтобы» into «чебы»
      if (at >= 0 && !isLetter(t.charCodeAt(at - 1)) && !isLetter(t.charCodeAt(at + from.length))) {
        t = t.slice(0, at) + to + t.slice(at + from.length);
        done++;
      }
    }
  }
  if (rng.chance(0.18)) t += ' ' + rng.pick(emoji) + (rng.chance(0.4) ? rng.pick(emoji) : '');
  return t;
}

function isLetter(code: number): boolean {
  return (code >= 0x430 && code <= 0x44f) || (code >= 0x410 && code <= 0x42f) || code === 0x451 || code === 0x401 || code === 0x2d;
}
