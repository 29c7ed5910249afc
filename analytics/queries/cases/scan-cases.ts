// The periodic duties of the case workflow: announce clocks that ran out (once
// per case and clock: the "overdue" event id is deterministic and the projection
// remembers it), and close resolved cases nobody confirmed in time as
// «не подтверждено».
import { SUBJECTS } from '../../../shared/types/subjects.js';
import type { CaseOverdueMessage } from '../../cases/messages.js';
import { addDuration, type DurationSpec } from '../../cases/deadlines.js';
import type { Calendar } from '../../cases/calendar.js';
import { CaseTransitionError } from '../../cases/lifecycle.js';
import { appendToCase, type CaseDeps } from './case-commands.js';
import { summaryFromView } from './case-rows.js';
import { getExpiredConfirmations } from './get-expired-confirmations.js';
import { getOverdueCases } from './get-overdue-cases.js';

const CLOCK_RU = { first_response: 'первого ответа', resolution: 'решения' } as const;

export async function scanOverdue(deps: CaseDeps, now: Date): Promise<CaseOverdueMessage[]> {
  const out: CaseOverdueMessage[] = [];
  for (const o of await getOverdueCases(deps.store, { now })) {
    try {
      const r = await appendToCase(deps, o.case.id, (view) =>
        view
          ? [{ id: `${o.case.id}:overdue:${o.clock}`, type: 'overdue', actor: 'system', comment: `Истёк срок ${CLOCK_RU[o.clock]}`, payload: { clock: o.clock, due: o.due } }]
          : [],
      );
      if (r.appended.length === 0 || !r.view) continue;
      const msg: CaseOverdueMessage = { caseId: o.case.id, clock: o.clock, due: o.due, case: summaryFromView(r.view) };
      await deps.bus?.publish(SUBJECTS.caseOverdue, msg, { msgId: `overdue:${o.case.id}:${o.clock}` });
      out.push(msg);
    } catch (e) {
      // the case moved on since the read (taken into work, resolved): nothing to announce
      if (!(e instanceof CaseTransitionError)) throw e;
    }
  }
  return out;
}

export async function closeUnconfirmed(deps: CaseDeps, now: Date, timeout: DurationSpec, calendar: Calendar): Promise<string[]> {
  // A cheap bound first (a working-time timeout is never shorter than its calendar
  // minimum), then the exact working-time check per case.
  const coarse = new Date(now.getTime() - minCalendarMinutes(timeout) * 60_000);
  const closed: string[] = [];
  for (const c of await getExpiredConfirmations(deps.store, { resolvedBefore: coarse })) {
    if (addDuration(calendar, new Date(c.resolvedAt), timeout).getTime() > now.getTime()) continue;
    try {
      const r = await appendToCase(deps, c.id, (view) =>
        view && view.state === 'resolved'
          ? [{ id: `${c.id}:unconfirmed:${c.resolvedAt}`, type: 'unconfirmed', actor: 'system', comment: 'Житель не ответил в срок — закрыто как «не подтверждено»' }]
          : [],
      );
      if (r.appended.length) closed.push(c.id);
    } catch (e) {
      if (!(e instanceof CaseTransitionError)) throw e;
    }
  }
  return closed;
}

function minCalendarMinutes(spec: DurationSpec): number {
  switch (spec.unit) {
    case 'm':
      return spec.value;
    case 'h':
    case 'wh':
      return spec.value * 60;
    case 'd':
      return spec.value * 1440;
    case 'wd':
      return Math.max(0, spec.value - 1) * 1440;
  }
}
