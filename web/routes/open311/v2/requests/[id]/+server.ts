// GET /open311/v2/requests/{id}.json — one request as a one-element array.
import type { RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { casesDeps } from '$lib/server/cases/deps.js';
import { Open311Error } from '$analytics/cases/open311.js';
import { getOpen311Requests } from '$analytics/queries/cases/open311-requests.js';
import { checkJurisdiction, guard, ok } from '../../open311-http.js';

export const GET: RequestHandler = ({ params, url }) =>
  guard(async () => {
    checkJurisdiction(url.searchParams.get('jurisdiction_id'));
    const m = /^(r[0-9a-f]{1,32})\.json$/.exec(params.id ?? '');
    if (!m) throw new Open311Error(404, `Unknown service_request_id / заявка не найдена`);
    const ctx = getApp();
    const deps = await casesDeps(ctx);
    const now = new Date();
    const rows = await getOpen311Requests(
      ctx.store,
      { ids: [m[1]], serviceCodes: [], status: [], start: now, end: now, page: 1, pageSize: 1 },
      deps.config.calendar.config.utcOffsetMinutes,
    );
    if (rows.length === 0) throw new Open311Error(404, `Unknown service_request_id "${m[1]}" / заявка не найдена`);
    return ok(rows);
  });
