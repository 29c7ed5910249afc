// Shared plumbing of the Open311 endpoints: the standard's error bodies, the
// jurisdiction check, JSON arrays with the right headers.
import { json } from '@sveltejs/kit';
import { Open311Error } from '$analytics/cases/open311.js';
import { loadOpen311Config, type Open311Config } from '$analytics/cases/load-config.js';

let cached: Open311Config | undefined;
export function open311Config(): Open311Config {
  return (cached ??= loadOpen311Config());
}

export function checkJurisdiction(value: string | null | undefined): void {
  const id = open311Config().jurisdictionId;
  if (value && id && value !== id) throw new Open311Error(404, `Unknown jurisdiction_id "${value}" / неизвестная юрисдикция`);
}

export function ok(body: unknown, status = 200): Response {
  return json(body, { status, headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*' } });
}

/** Run a handler; Open311Error (and anything else) becomes the standard's error array. */
export async function guard(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Open311Error) return ok(e.body(), e.status);
    console.error('open311 handler failed', e);
    return ok([{ code: 500, description: 'Internal error / внутренняя ошибка' }], 500);
  }
}
