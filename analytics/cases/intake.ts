// How a complaint enters a case: the events that open a case for it, or that
// join it to an open one. Pure; ids are derived from the mention id, so a
// redelivered mention produces the same events and is stored once.
import { createHash } from 'node:crypto';
import type { ProcessedMention } from '../../shared/types/mention.js';
import type { Calendar } from './calendar.js';
import { computeDeadlines, type DeadlineTable } from './deadlines.js';
import type { CaseView } from './lifecycle.js';
import { areaKey, type MatchInput } from './matching.js';
import type { NoRoute, RouteDecision, RoutingDirectory } from './routing.js';
import type { EventDraft } from '../queries/cases/case-commands.js';

/** What a case needs to know about a complaint, whatever the channel. */
export interface IntakeMention extends MatchInput {
  id: string;
  source: string;
  channel: string;
  text: string;
  /** when the resident wrote it: the clocks start here */
  ts: string;
  url: string;
  address: string;
  lat: number | null;
  lon: number | null;
  houseOrgId: string | null;
  /** a special situation of the deadline table (dead_end_main, single_source, …) */
  variant?: string;
}

export function intakeFromProcessed(m: ProcessedMention): IntakeMention {
  return {
    id: m.id, source: m.source, channel: m.channel, text: m.text, ts: m.ts, url: m.url, category: m.category,
    houseId: m.houseId, district: m.district, street: m.address?.street ?? null,
    address: m.address ? [m.address.street, m.address.house].filter(Boolean).join(', ') : '', lat: m.lat, lon: m.lon, houseOrgId: m.organisation?.id ?? null,
  };
}

/**
 * Fill in the district from the street when processing found a street but no
 * house: the case then shows its district, joins its area and routes there.
 */
export function withKnownDistrict(m: IntakeMention, dir: RoutingDirectory): IntakeMention {
  if (m.district || !m.street || !dir.districtOfStreet) return m;
  const district = dir.districtOfStreet(m.street);
  return district ? { ...m, district } : m;
}

/** A complaint the case workflow takes: relevant and with a real category. */
export function opensCase(m: Pick<ProcessedMention, 'relevant' | 'category'>): boolean {
  return m.relevant && m.category !== 'irrelevant';
}

export function caseIdFor(mentionId: string): string {
  return 'c' + createHash('sha1').update(mentionId).digest('hex').slice(0, 11);
}

/** Human case number for screens and phone calls: the id without its prefix, upper case. */
export function caseNumber(caseId: string): string {
  return caseId.replace(/^c/, '').slice(0, 8).toUpperCase();
}

/** Sources where the resident can be asked in the same thread; others go through the operator. */
const REPLYABLE = new Set(['vk', 'telegram', 'max', 'ok', 'open311', 'portal']);
export function confirmVia(source: string): 'source' | 'operator' {
  return REPLYABLE.has(source) ? 'source' : 'operator';
}

/** The first n characters (code points: an emoji is never cut in half, which a JSON insert refuses). */
export function excerpt(t: string, n = 140): string {
  const cps = Array.from(t);
  return cps.length > n ? `${cps.slice(0, n - 1).join('')}…` : t;
}

export function openDrafts(
  m: IntakeMention,
  route: RouteDecision | NoRoute,
  deadlines: { table: DeadlineTable; calendar: Calendar },
  actor = 'system',
): EventDraft[] {
  const caseId = caseIdFor(m.id);
  const d = computeDeadlines(deadlines.table, deadlines.calendar, m.category, new Date(m.ts), m.variant);
  const opened: EventDraft = {
    id: `${caseId}:opened`,
    type: 'opened',
    actor,
    at: m.ts,
    payload: {
      category: m.category, houseId: m.houseId ?? '', district: m.district ?? '', address: m.address, title: excerpt(m.text),
      source: m.source, areaKey: areaKey(m) ?? '', lat: m.lat, lon: m.lon, mentionId: m.id, mentionTs: m.ts, variant: m.variant ?? '',
      firstResponseDue: d.firstResponseDue.toISOString(), resolutionDue: d.resolutionDue.toISOString(), basis: d.rule.basis,
    },
  };
  // routing is automatic and immediate: it happens at the complaint's time, also when a backlog is replayed
  const next: EventDraft =
    route.orgId === null
      ? { id: `${caseId}:unroutable`, type: 'unroutable', actor, at: m.ts, comment: route.reason }
      : { id: `${caseId}:routed`, type: 'routed', actor, at: m.ts, orgId: route.orgId, comment: route.reason, payload: { orgName: route.orgName, orgKind: route.orgKind } };
  return [opened, next];
}

/** Events that add a complaint to an open case; a new complaint on a "resolved" case means it is not. */
export function joinDrafts(view: CaseView, m: IntakeMention, actor = 'system'): EventDraft[] {
  if (view.mentionIds.includes(m.id)) return [];
  // at the complaint's time (a replayed backlog keeps its history coherent), never before the case's last move
  const at = m.ts > view.lastEventAt ? m.ts : view.lastEventAt;
  const linked: EventDraft = {
    id: `${view.id}:linked:${m.id}`,
    type: 'mention_linked',
    actor,
    at,
    payload: { mentionId: m.id, mentionTs: m.ts, source: m.source, houseId: m.houseId ?? '' },
  };
  if (view.state !== 'resolved') return [linked];
  return [
    linked,
    { id: `${view.id}:reopened:${m.id}`, type: 'reopened', actor, at, comment: `Новая жалоба после отметки о решении: «${excerpt(m.text, 200)}»` },
  ];
}
