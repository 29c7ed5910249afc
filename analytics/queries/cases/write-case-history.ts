// Bulk write of whole case histories (events + projection) — for imports, the
// synthetic history of tests and benchmarks, and rebuilding after a rule change.
import type { Store } from '../../../shared/storage/store.js';
import type { CaseEvent, CaseView } from '../../cases/lifecycle.js';
import { eventToRow, viewToRow } from './case-rows.js';

export async function writeCaseHistory(store: Store, cases: readonly { view: CaseView; events: readonly CaseEvent[] }[], now = new Date()): Promise<void> {
  if (cases.length === 0) return;
  await store.insert('case_events', cases.flatMap((c) => c.events.map((e) => eventToRow(e, now))));
  await store.insert('cases', cases.map((c) => viewToRow(c.view, now)));
}
