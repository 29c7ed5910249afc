// POST /open311/v2/requests.json — file a request (form-encoded, api_key required);
// it is routed like any other complaint and the id comes back at once.
// GET  /open311/v2/requests.json — list requests (ids, service_code, dates ≤ 90 days, status, page/page_size).
import type { RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { casesDeps } from '$lib/server/cases/deps.js';
import { LABELS } from '$shared/types/taxonomy.js';
import { Open311Error, parseCreateRequest, parseListFilter, withOffset } from '$analytics/cases/open311.js';
import { createOpen311Request, getOpen311Requests } from '$analytics/queries/cases/open311-requests.js';
import { STATE_NAMES_RU } from '$analytics/cases/lifecycle.js';
import { checkJurisdiction, guard, ok, open311Config } from '../open311-http.js';

async function readForm(request: Request): Promise<Record<string, string>> {
  // web/server.ts moves the type aside so SvelteKit's browser-form CSRF check lets the API through
  const type = request.headers.get('x-original-content-type') ?? request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await request.json().catch(() => null)) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'Body must be a JSON object or a form / неверное тело запроса');
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v == null ? '' : String(v)]));
  }
  const text = await request.text();
  return Object.fromEntries(new URLSearchParams(text));
}

export const POST: RequestHandler = ({ request, url }) =>
  guard(async () => {
    const form = await readForm(request);
    checkJurisdiction(form.jurisdiction_id ?? url.searchParams.get('jurisdiction_id'));
    const key = form.api_key ?? url.searchParams.get('api_key') ?? '';
    const client = open311Config().apiKeys.find((k) => k.key === key);
    if (!client) throw new Open311Error(403, "Invalid api_key received -- can't proceed with create_request.");
    const req = parseCreateRequest(form, (code) => code in LABELS);
    const ctx = getApp();
    const deps = await casesDeps(ctx);
    const r = await createOpen311Request(deps, ctx.registry, req, { channel: `open311:${client.name}` });
    const offset = deps.config.calendar.config.utcOffsetMinutes;
    const notice = r.view.orgName
      ? `Передано: ${r.view.orgName}. Статус: ${STATE_NAMES_RU[r.view.state]}. Срок решения: ${withOffset(r.view.resolutionDue, offset)}`
      : 'Ответственная организация не определена: заявка в очереди «не распределено»';
    return ok([{ service_request_id: r.requestId, service_notice: notice, account_id: null }]);
  });

export const GET: RequestHandler = ({ url }) =>
  guard(async () => {
    checkJurisdiction(url.searchParams.get('jurisdiction_id'));
    const ctx = getApp();
    const deps = await casesDeps(ctx);
    const filter = parseListFilter(url.searchParams, new Date(), open311Config().maxPageSize);
    return ok(await getOpen311Requests(ctx.store, filter, deps.config.calendar.config.utcOffsetMinutes));
  });
