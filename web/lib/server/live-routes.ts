// The table of live routes: which bus subject becomes which browser event, for whom.
// Add a route here (and its event in shared/types/live-events.ts) to put a new kind
// of update on the dashboard; web/lib/server/relay.ts does the rest.
import type { ProcessedMention } from '../../../shared/types/mention.js';
import { SUBJECTS } from '../../../shared/types/subjects.js';
import { LIVE_BATCH_MS, ROOMS } from '../../../shared/types/live-events.js';
import { feedItemFromProcessed } from './feed-item.js';
import type { HotspotAlert } from '../../../analytics/hotspots/types.js';
import { route, type RelayRoute } from './relay-route.js';
import type { CaseEventMessage, CaseOverdueMessage } from '../../../analytics/cases/messages.js';

/**
 * The routes of the dashboard. Extension points for other features:
 *   route({ subject: SUBJECTS.hotspotAlert, event: 'alerts.hotspot', toItem: ..., rooms: (a) => [ROOMS.all, ROOMS.district(a.district)] })
 *   route({ subject: SUBJECTS.caseEvent, event: 'cases.event', toItem: ..., rooms: (e) => [ROOMS.org(e.orgId)], batch: {...} })
 * after adding the event to ServerToClientEvents in shared/types/live-events.ts.
 */
export const LIVE_ROUTES: RelayRoute[] = [
  route({
    subject: SUBJECTS.processed,
    event: 'mentions',
    toItem: (data) => feedItemFromProcessed(data as ProcessedMention),
    // everyone sees the city feed; an УК's cabinet can join only its own room later
    rooms: (item) => (item.orgId ? [ROOMS.all, ROOMS.org(item.orgId)] : [ROOMS.all]),
    batch: { ms: LIVE_BATCH_MS, max: 200 },
  }) as RelayRoute,
  // hotspot alerts are rare and small: each change goes out at once, to everyone
  route({
    subject: SUBJECTS.hotspotAlert,
    event: 'alerts.hotspot',
    toItem: (data) => (data && typeof data === 'object' && 'id' in data ? (data as HotspotAlert) : null),
  }) as RelayRoute,
  // case events go to HQ (all) and to the organisation that holds the case
  route({
    subject: SUBJECTS.caseEvent,
    event: 'cases.event',
    toItem: (data) => (data && typeof data === 'object' && 'event' in data && 'case' in data ? (data as CaseEventMessage) : null),
    rooms: (m) => (m.case.orgId ? [ROOMS.all, ROOMS.org(m.case.orgId)] : [ROOMS.all]),
    batch: { ms: LIVE_BATCH_MS, max: 500 },
  }) as RelayRoute,
  route({
    subject: SUBJECTS.caseOverdue,
    event: 'cases.overdue',
    toItem: (data) => (data && typeof data === 'object' && 'caseId' in data ? (data as CaseOverdueMessage) : null),
    rooms: (m) => (m.case.orgId ? [ROOMS.all, ROOMS.org(m.case.orgId)] : [ROOMS.all]),
  }) as RelayRoute,
];
