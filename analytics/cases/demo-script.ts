// How the demo's organisations and residents behave: for a demo case in a given
// state, the next action and when it happens. Most cases are taken within the
// first-response norm, many are resolved, residents confirm most resolutions,
// some reject them (the case reopens), some never answer (the scanner closes
// those as «не подтверждено» after the configured wait), and some cases are
// left to run overdue; the headquarters asks the authors of complaints with no
// address where they are. Deterministic: every choice is drawn from a hash of the
// seed, the case id, its reopen round and its state. Pure.
import type { CaseEventType, CaseState } from './lifecycle.js';
import { mulberry32 } from '../../shared/random/mulberry32.js';

export interface DemoCase {
  id: string;
  state: CaseState;
  category: string;
  orgKind: string;
  unroutable: boolean;
  openedAt: string;
  firstResponseDue: string;
  resolutionDue: string;
  reopenCount: number;
  /** somebody answered already (first response given) */
  answered: boolean;
  /** when the case entered its current state (the event that put it there) */
  anchor: string;
}

export interface DemoAction {
  type: Extract<CaseEventType, 'accepted' | 'replied' | 'resolved' | 'confirmed' | 'rejected' | 'closed'>;
  at: string;
  actor: string;
  comment: string;
}

const H = 3_600_000;
const M = 60_000;

export const DEMO_ACTORS = {
  uk: 'оператор: Диспетчер УК (демо)',
  ukMaster: 'оператор: Мастер УК (демо)',
  hoa: 'оператор: Председатель ТСЖ (демо)',
  district_admin: 'оператор: Специалист администрации района (демо)',
  supplier: 'оператор: Диспетчер ресурсоснабжающей организации (демо)',
  city: 'оператор: Городская служба (демо)',
  hq: 'оператор: Оператор ЦУР (демо)',
  resident: 'житель (демо)',
} as const;

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const NOTES: Record<string, string[]> = {
  heating: ['Стравили воздух из стояка, отопление восстановлено', 'Заменили задвижку в ИТП, батареи прогреты', 'Промыли стояк, температура в норме'],
  hot_water: ['Устранили утечку на вводе, горячая вода подана', 'Отрегулировали бойлер, температура воды в норме'],
  cold_water: ['Заменили участок трубы, вода подана', 'Устранили аварию на вводе, давление восстановлено'],
  water_supply: ['Устранили аварию на вводе, вода подана'],
  sewerage: ['Прочистили лежак в подвале, засор устранён', 'Устранили засор канализационного стояка'],
  electricity: ['Заменили автомат в этажном щите, свет есть', 'Восстановили питание после замены кабеля'],
  gas: ['Проверили стояк, утечки нет, газ подан'],
  elevator: ['Лифт отремонтирован, заменён датчик дверей', 'Лифт запущен после замены блока управления'],
  roof: ['Залатали кровлю над квартирой, протечка устранена'],
  snow_ice: ['Крыша и козырьки очищены от снега и сосулек', 'Двор и тротуар очищены, посыпали реагентом'],
  garbage: ['Мусор вывезен, площадка убрана', 'Контейнеры опорожнены, вывоз по графику'],
  yard: ['Территория убрана, яма засыпана', 'Двор приведён в порядок'],
  entrance_cleaning: ['Подъезд вымыт, график уборки вывешен'],
  billing: ['Перерасчёт сделан, житель уведомлён', 'Дали письменное разъяснение по начислениям'],
  uk_conduct: ['Провели проверку, дан письменный ответ жителю'],
};
const DEFAULT_NOTES = ['Работы выполнены', 'Неисправность устранена, житель уведомлён'];
const REJECTIONS = ['Ничего не изменилось, проблема осталась', 'Сделали только для вида, через день всё вернулось', 'Никто не приходил, всё как было'];

export function actorFor(orgKind: string, role: 'accept' | 'resolve' = 'accept'): string {
  if (orgKind === 'uk') return role === 'resolve' ? DEMO_ACTORS.ukMaster : DEMO_ACTORS.uk;
  return (DEMO_ACTORS as Record<string, string>)[orgKind] ?? DEMO_ACTORS.uk;
}

/** The next scripted action of a demo case, or null when nobody will act (yet or ever). */
export function nextDemoAction(c: DemoCase, seed: number): DemoAction | null {
  const rnd = mulberry32(hash32(`${seed}:${c.id}:${c.reopenCount}:${c.state}`));
  const u = (a: number, b: number) => a + (b - a) * rnd();
  const anchor = Date.parse(c.anchor);
  const opened = Date.parse(c.openedAt);
  const at = (ms: number) => new Date(Math.round(anchor + ms)).toISOString();
  const frWindow = Math.max(5 * M, Date.parse(c.firstResponseDue) - opened);
  const resWindow = Math.max(30 * M, Date.parse(c.resolutionDue) - opened);
  const pick = (xs: readonly string[]) => xs[Math.floor(rnd() * xs.length)];

  if (c.unroutable || !c.orgKind) {
    // «не распределено»: the headquarters' operator asks the resident where it is; routing it stays a person's job
    if (c.state !== 'new' || c.answered || rnd() < 0.25) return null;
    return { type: 'replied', at: at(frWindow * u(0.3, 1.5)), actor: DEMO_ACTORS.hq, comment: 'Здравствуйте! Уточните, пожалуйста, адрес дома — передадим обращение ответственной организации.' };
  }
  switch (c.state) {
    case 'routed':
    case 'reopened': {
      if (rnd() < 0.07) return null; // nobody ever takes it: it runs overdue
      const late = rnd() < 0.17;
      const delay = late ? frWindow * u(1.2, 4) : frWindow * u(0.15, 0.9);
      const comment = c.state === 'reopened' ? 'Повторно взято в работу' : 'Заявка принята, передана исполнителю';
      return { type: 'accepted', at: at(delay), actor: actorFor(c.orgKind), comment };
    }
    case 'accepted': {
      if (rnd() < 0.18) return null; // stuck in work: the resolution clock runs out
      const late = rnd() < 0.2;
      // long written-answer norms (10 working days) are still usually met within a day or two
      const delay = late ? resWindow * u(1.1, 1.8) : Math.min(resWindow, 30 * H) * u(0.15, 0.9);
      return { type: 'resolved', at: at(delay), actor: actorFor(c.orgKind, 'resolve'), comment: pick(NOTES[c.category] ?? DEFAULT_NOTES) };
    }
    case 'resolved': {
      const r = rnd();
      const rejectShare = c.reopenCount === 0 ? 0.12 : 0.04;
      if (r < 0.68) return { type: 'confirmed', at: at(u(0.5, 10) * H), actor: DEMO_ACTORS.resident, comment: 'Да, всё сделано, спасибо' };
      if (r < 0.68 + rejectShare) return { type: 'rejected', at: at(u(1, 12) * H), actor: DEMO_ACTORS.resident, comment: pick(REJECTIONS) };
      return null; // no answer: closed as «не подтверждено» when the wait runs out
    }
    case 'confirmed':
      return { type: 'closed', at: at(u(2, 40) * M), actor: actorFor(c.orgKind), comment: 'Закрыто после подтверждения жителя' };
    default:
      return null;
  }
}

/**
 * The operator's clock: now, but never far ahead of the latest demo complaint
 * taken in. While the backfilled day is being taken in (hours of history in
 * seconds), the organisations act in the history's time, so a case is not
 * resolved and closed before the complaints that joined it later that day.
 */
export function demoClock(now: Date, latestMention: Date | null, leadMs = 10 * M): Date {
  if (!latestMention) return now;
  return new Date(Math.min(now.getTime(), latestMention.getTime() + leadMs));
}

/** State changes whose time anchors the next scripted action. */
export const ANCHOR_EVENTS: ReadonlySet<CaseEventType> = new Set(['opened', 'routed', 'rerouted', 'accepted', 'resolved', 'confirmed', 'rejected', 'reopened']);
