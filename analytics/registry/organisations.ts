// One organisation per company out of messy registry spellings:
// «ООО  " ЖКС №2 Центрального района "», «ЖКС № 2 Центрального района», «OOO "ЖКС №2 …"» → one id.
import { createHash } from 'node:crypto';
import type { OrgKind } from '../../shared/types/taxonomy.js';
import { fold, stem } from '../address/normalise.js';

// Legal forms are dropped from the key: a company keeps its identity when ООО becomes АО.
const LEGAL_FORMS = [
  'общество с ограниченной ответственностью', 'открытое акционерное общество', 'закрытое акционерное общество',
  'публичное акционерное общество', 'непубличное акционерное общество', 'акционерное общество',
  'государственное унитарное предприятие', 'санкт-петербургское государственное унитарное предприятие',
  'муниципальное унитарное предприятие', 'муниципальное предприятие', 'спб гуп', 'спбгуп', 'гуп', 'муп', 'ооо', 'оао',
  'зао', 'пао', 'ао', 'мп', 'смуп', 'ип', 'нао', 'фгуп', 'гбу', 'мку', 'мбу', 'спб гку', 'гку',
];
// Long forms that mean the same as a short one.
const SYNONYMS: [RegExp, string][] = [
  [/товарищество собственников (жилья|недвижимости)/g, 'тсж'],
  [/жилищно[- ]строительный кооператив/g, 'жск'],
  [/жилищный кооператив/g, 'жк'],
  [/жилкомсервис/g, 'жкс'],
  [/управляющая компания/g, 'ук'],
  [/жилищно[- ]коммунальный сервис/g, 'жкс'],
];
const HOA_TOKENS = new Set(['тсж', 'жск', 'жк', 'тсн', 'дск']);

const legalFormRe = new RegExp(`(^| )(${LEGAL_FORMS.map((f) => f.replace(/ /g, ' ')).join('|')})(?= |$)`, 'g');

/** The comparison key of an organisation name; null for missing values. */
export function organisationKey(raw: string): string | null {
  if (isMissing(raw)) return null;
  let s = fold(raw, true);
  s = s.replace(/[«»"“”„'`]/g, ' ').replace(/[^0-9a-zа-я№ ]+/g, ' ');
  // «№2», «№ 2», «n 2», «жкс2» → «жкс 2»
  s = s.replace(/№/g, ' ').replace(/([a-zа-я])(\d)/g, '$1 $2').replace(/(\d)([a-zа-я])/g, '$1 $2');
  s = s.replace(/\s+/g, ' ').trim();
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  s = s.replace(legalFormRe, ' ').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  // declensions inside names («Пушкинский район» / «Пушкинского района») compare by stem
  return s.split(' ').map((w) => (/^\d+$/.test(w) ? w : stem(w))).join(' ');
}

export function isMissing(v: string | undefined | null): boolean {
  if (v == null) return true;
  const t = v.trim().toLowerCase();
  return t === '' || t === 'не заполнено' || t === 'незаполнено' || t === 'не указано' || t === 'нет данных';
}

export function organisationId(key: string): string {
  return 'org:' + createHash('sha1').update(key).digest('hex').slice(0, 12);
}

export function organisationKind(key: string): OrgKind {
  for (const w of key.split(' ')) if (HOA_TOKENS.has(w)) return 'hoa';
  return 'uk';
}

/** A display form of one spelling: single spaces, no spaces just inside quotes. */
export function cleanSpelling(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/"\s+/g, (m, off: number, str: string) => (countQuotes(str.slice(0, off)) % 2 === 0 ? '"' : m))
    .replace(/\s+"/g, (m, off: number, str: string) => (countQuotes(str.slice(0, off)) % 2 === 1 ? '"' : m))
    .trim();
}

function countQuotes(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '"') n++;
  return n;
}

export interface OrganisationGroup {
  id: string;
  key: string;
  kind: OrgKind;
  name: string;
  spellings: string[];
  houseCount: number;
}

/** Groups spellings (with their house counts) into organisations; deterministic order by id. */
export function groupOrganisations(spellingCounts: ReadonlyMap<string, number>): Map<string, OrganisationGroup> {
  const byKey = new Map<string, { counts: Map<string, number>; total: number }>();
  for (const [spelling, count] of spellingCounts) {
    const key = organisationKey(spelling);
    if (!key) continue;
    const g = byKey.get(key) ?? { counts: new Map(), total: 0 };
    const clean = cleanSpelling(spelling);
    g.counts.set(clean, (g.counts.get(clean) ?? 0) + count);
    g.total += count;
    byKey.set(key, g);
  }
  const out = new Map<string, OrganisationGroup>();
  for (const key of [...byKey.keys()].sort()) {
    const g = byKey.get(key)!;
    const spellings = [...g.counts.keys()].sort();
    // the most used spelling names the organisation; ties break alphabetically
    const name = [...g.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0];
    const id = organisationId(key);
    out.set(key, { id, key, kind: organisationKind(key), name, spellings, houseCount: g.total });
  }
  return out;
}
