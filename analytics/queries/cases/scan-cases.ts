// The periodic duties of the case workflow: announce clocks that ran out (once
// per case and clock: the "overdue" event id is deterministic and the projection
// remembers it), and close resolved cases nobody confirmed in time as
// «не подтверждено».
import { SUBJECTS } from '../../../shared/types/subjects.js';
import type { CaseOverdueMessage } from '../../cases/messages.js';
import { addDuration, type DurationSpec } from '../../cases/deadlines.js';
import type { Calendar } from '../../cases/calendar.js';
import { CaseTransitionError } from '../../cases/lifecycle.js';
import { appendToCase, commitCases, loadCases, withCaseLocks, type CaseDeps } from './case-commands.js';
import { applyDrafts, type LoadedCase } from '../../cases/append.js';
import type { CaseEvent } from '../../cases/lifecycle.js';
import { summaryFromView } from './case-rows.js';
import { getExpiredConfirmations } from './get-expired-confirmations.js';
import { getOverdueCases, type OverdueCase } from './get-overdue-cases.js';

const CLOCK_RU = { first_response: 'первого ответа', resolution: 'решения' } as const;

export async function scanOverdue(deps: CaseDeps, now: Date): Promise<CaseOverdueMessage[]> {
  const found = await getOverdueCases(deps.store, { now });
  const out: CaseOverdueMessage[] = [];
  // in batches: a backlog of thousands of clocks (a first start) is a few writes, not thousands
  const ids = [...new Set(found.map((o) => o.case.id))];
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const clocks = found.filter((o) => batch.includes(o.case.id));
    const appended = await withCaseLocks(batch, async () => {
      const loaded = await loadCases(deps.store, batch);
      const events: CaseEvent[] = [];
      const touched = new Map<string, LoadedCase>();
      for (const o of clocks) {
        const c = loaded.get(o.case.id)!;
        if (!c.view) continue;
        try {
          const added = applyDrafts(c, [{ id: `${o.case.id}:overdue:${o.clock}`, type: 'overdue', actor: 'system', comment: `Истёк срок ${CLOCK_RU[o.clock]}`, payload: { clock: o.clock, due: o.due } }], now);
          if (added.length) events.push(...added), touched.set(c.id, c);
        } catch (e) {
          // the case moved on since the read (taken into work, resolved): nothing to announce
          if (!(e instanceof CaseTransitionError)) throw e;
        }
      }
      await commitCases(deps, events, touched.values(), now);
      return events.map((e) => ({ e, view: touched.get(e.caseId)!.view! }));
    });
    for (const { e, view } of appended) {
      const clock = e.payload.clock as OverdueCase['clock'];
      const msg: CaseOverdueMessage = { caseId: e.caseId, clock, due: String(e.payload.due), case: summaryFromView(view) };
      await deps.bus?.publish(SUBJECTS.caseOverdue, msg, { msgId: `overdue:${e.caseId}:${clock}` });
      out.push(msg);
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
