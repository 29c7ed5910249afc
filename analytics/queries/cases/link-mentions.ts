// Rows of case_mentions: the complaint as the card shows it. Re-linking the same
// mention (redelivery) writes the same key and version again and collapses; an
// exclusion ("не жалоба") is written with a higher version (a timestamp) and wins.
import type { Store } from '../../../shared/storage/store.js';
import { mentionToRow, rowToMention, type CaseMention } from './case-rows.js';

export async function linkMentions(store: Store, mentions: CaseMention[], version = 1): Promise<void> {
  await store.insert('case_mentions', mentions.map((m) => mentionToRow(m, version)));
}

export async function getCaseMentions(store: Store, caseId: string): Promise<CaseMention[]> {
  const rows = await store.query(
    `SELECT case_id, mention_id, linked_at, mention_ts, source, channel, text, url, house_id, excluded
     FROM case_mentions FINAL WHERE case_id = {caseId:String} ORDER BY mention_ts`,
    { caseId },
  );
  return rows.map(rowToMention);
}
