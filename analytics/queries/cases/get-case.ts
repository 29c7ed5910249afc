// Everything the case card shows: the case, its timeline, linked mentions, and
// the house's recent cases.
import type { Store } from '../../../shared/storage/store.js';
import { foldCase, type CaseEvent, type CaseView } from '../../cases/lifecycle.js';
import { CASE_SUMMARY_COLUMNS, rowToSummary, type CaseMention, type CaseSummary } from './case-rows.js';
import { getCaseEvents } from './get-case-events.js';
import { getCaseMentions } from './link-mentions.js';

export interface CaseCard {
  view: CaseView;
  events: CaseEvent[];
  mentions: CaseMention[];
  houseHistory: CaseSummary[];
}

export async function getCase(store: Store, caseId: string): Promise<CaseCard | null> {
  const events = await getCaseEvents(store, caseId);
  const { view } = foldCase(events);
  if (!view) return null;
  const [mentions, houseHistory] = await Promise.all([
    getCaseMentions(store, caseId),
    view.houseId ? getHouseCases(store, view.houseId, { excludeId: caseId, limit: 10 }) : Promise.resolve([]),
  ]);
  return { view, events, mentions, houseHistory };
}

/** The latest cases of a house (its recent history on the card). */
export async function getHouseCases(store: Store, houseId: string, opts: { excludeId?: string; limit?: number } = {}): Promise<CaseSummary[]> {
  const rows = await store.query(
    `SELECT ${CASE_SUMMARY_COLUMNS} FROM cases FINAL
     WHERE house_id = {houseId:String} AND id != {excludeId:String}
     ORDER BY opened_at DESC LIMIT {limit:UInt32}`,
    { houseId, excludeId: opts.excludeId ?? '', limit: opts.limit ?? 10 },
  );
  return rows.map(rowToSummary);
}
