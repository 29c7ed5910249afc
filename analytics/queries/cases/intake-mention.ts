// One complaint into the case workflow: join the open case of the same house
// and category (or outage area), or open a routed case with both clocks set.
// Used by the cases worker and by Open311 (which must answer with the id at once).
import type { CasesConfig } from '../../cases/cases-config.js';
import { caseIdFor, joinDrafts, openDrafts, type IntakeMention } from '../../cases/intake.js';
import { isOpenState, type CaseView } from '../../cases/lifecycle.js';
import { areaKey, findCaseToJoin, houseKey } from '../../cases/matching.js';
import { routeCase, type RoutingDirectory } from '../../cases/routing.js';
import { appendToCase, withCaseLock, type CaseDeps } from './case-commands.js';
import { findOpenCases } from './find-open-case.js';
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

export async function intakeMention(deps: IntakeDeps, m: IntakeMention, actor = 'system'): Promise<IntakeResult> {
  // One matcher at a time per area (or house): two neighbours reporting the same
  // outage at once must not both open a case.
  const lockKey = `match:${areaKey(m) ?? houseKey(m) ?? m.id}`;
  const result = await withCaseLock(lockKey, async (): Promise<IntakeResult> => {
    const candidates = await findOpenCases(deps.store, { houseId: m.houseId, category: m.category, areaKey: areaKey(m) });
    const target = findCaseToJoin(m, candidates);
    if (target) {
      const joined = await appendToCase(deps, target.id, (view) => (view && isOpenState(view.state) ? joinDrafts(view, m, actor) : []));
      if (joined.view && (isOpenState(joined.view.state) || joined.view.mentionIds.includes(m.id))) {
        return { caseId: target.id, view: joined.view, joined: true };
      }
    }
    const caseId = caseIdFor(m.id);
    const route = routeCase({ category: m.category, houseId: m.houseId, district: m.district, houseOrgId: m.houseOrgId }, deps.config.routing, deps.directory);
    const opened = await appendToCase(deps, caseId, (view) =>
      view ? [] : openDrafts(m, route, { table: deps.config.deadlines, calendar: deps.config.calendar }, actor),
    );
    return { caseId, view: opened.view!, joined: false };
  });
  const now = (deps.now?.() ?? new Date()).toISOString();
  await linkMentions(deps.store, [
    { caseId: result.caseId, mentionId: m.id, linkedAt: now, mentionTs: m.ts, source: m.source, channel: m.channel, text: m.text, url: m.url, houseId: m.houseId ?? '', excluded: false },
  ]);
  return result;
}
