// Complaints into the case workflow: each joins the open case of the same house
// and category (or outage area), or opens a routed case with both clocks set.
// A batch costs the same few queries as one complaint: find the open cases of
// the affected houses and areas, load their events, decide in memory
// (planIntake), append everything in one insert. Used by the cases worker (in
// micro-batches) and by Open311 (one request, which must answer with the id).
import type { CasesConfig } from '../../cases/cases-config.js';
import { withKnownDistrict, type IntakeMention } from '../../cases/intake.js';
import { casesToLoad, planIntake, type IntakeOutcome } from '../../cases/intake-plan.js';
import type { CaseView } from '../../cases/lifecycle.js';
import { areaKey } from '../../cases/matching.js';
import type { RoutingDirectory } from '../../cases/routing.js';
import { commitCases, loadCases, withCaseLock, withCaseLocks, type CaseDeps } from './case-commands.js';
import { findOpenCasesOf } from './find-open-case.js';
import { linkMentions } from './link-mentions.js';

export interface IntakeDeps extends CaseDeps {
  config: CasesConfig;
  directory: RoutingDirectory;
}

export interface IntakeResult {
  caseId: string;
  view: CaseView;
  joined: boolean;
}

export type BatchOutcome = { ok: true; result: IntakeResult } | { ok: false; error: Error };

/**
 * Intake of a batch, in order. One batch at a time per process: two neighbours
 * reporting the same outage in two batches must not both open a case. A storage
 * failure rejects the whole batch (nothing is acknowledged; redelivery is safe);
 * a complaint the rules refuse gets its own error outcome.
 */
export async function intakeMentions(deps: IntakeDeps, given: readonly IntakeMention[], actor = 'system'): Promise<BatchOutcome[]> {
  if (given.length === 0) return [];
  const mentions = given.map((m) => withKnownDistrict(m, deps.directory));
  return withCaseLock('intake', async () => {
    const open = await findOpenCasesOf(deps.store, {
      houseIds: mentions.map((m) => m.houseId ?? ''),
      areaKeys: mentions.map((m) => areaKey(m) ?? ''),
    });
    const ids = casesToLoad(mentions, open);
    const { plan, now } = await withCaseLocks(ids, async () => {
      const now = deps.now?.() ?? new Date();
      const loaded = await loadCases(deps.store, ids);
      const plan = planIntake(mentions, open, loaded, {
        routing: deps.config.routing, deadlines: { table: deps.config.deadlines, calendar: deps.config.calendar }, directory: deps.directory, now, actor,
      });
      await commitCases(deps, plan.appended, plan.cases.values(), now);
      return { plan, now };
    });
    const links = plan.outcomes.flatMap((o: IntakeOutcome, i) => {
      if (!o.ok) return [];
      const m = mentions[i];
      return [{ caseId: o.caseId, mentionId: m.id, linkedAt: now.toISOString(), mentionTs: m.ts, source: m.source, channel: m.channel, text: m.text, url: m.url, houseId: m.houseId ?? '', excluded: false }];
    });
    await linkMentions(deps.store, links);
    return plan.outcomes.map((o): BatchOutcome => (o.ok ? { ok: true, result: { caseId: o.caseId, joined: o.joined, view: plan.cases.get(o.caseId)!.view! } } : o));
  });
}

export async function intakeMention(deps: IntakeDeps, m: IntakeMention, actor = 'system'): Promise<IntakeResult> {
  const [o] = await intakeMentions(deps, [m], actor);
  if (!o.ok) throw o.error;
  return o.result;
}
