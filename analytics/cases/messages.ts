// Payloads of the case subjects on the bus (cases.event, cases.overdue) and of
// the matching live events in the browser.
import type { CaseEvent } from './lifecycle.js';
import type { CaseSummary } from '../queries/cases/case-rows.js';

/** `cases.event`: one appended event and the case as it is after it. */
export interface CaseEventMessage {
  event: CaseEvent;
  case: CaseSummary;
}

export type DeadlineClock = 'first_response' | 'resolution';

/** `cases.overdue`: a clock ran out; announced once per case and clock. */
export interface CaseOverdueMessage {
  caseId: string;
  clock: DeadlineClock;
  due: string;
  case: CaseSummary;
}
