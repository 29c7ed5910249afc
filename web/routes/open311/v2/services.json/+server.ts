// GET /open311/v2/services.json — the categories a request may be filed under, with their deadline norms.
import type { RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { casesDeps } from '$lib/server/cases/deps.js';
import { open311Services } from '$analytics/cases/open311.js';
import { checkJurisdiction, guard, ok } from '../open311-http.js';

export const GET: RequestHandler = ({ url }) =>
  guard(async () => {
    checkJurisdiction(url.searchParams.get('jurisdiction_id'));
    const deps = await casesDeps(getApp());
    return ok(open311Services(deps.config.deadlines));
  });
