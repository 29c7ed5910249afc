// The case writers' dependencies for SvelteKit server code, built once per app
// context (the config files are read at the first request after start).
import type { AppContext } from '../../../../shared/app/context.js';
import { caseIntakeDeps } from '../../../../ingest/workers/cases.worker.js';
import type { IntakeDeps } from '../../../../analytics/queries/cases/intake-mention.js';

const KEY = Symbol.for('domovoy.cases.deps');
type Holder = { [KEY]?: { ctx: AppContext; deps: Promise<IntakeDeps> } };

export function casesDeps(ctx: AppContext): Promise<IntakeDeps> {
  const g = globalThis as Holder;
  const cur = g[KEY];
  if (cur && cur.ctx === ctx) return cur.deps;
  const deps = caseIntakeDeps(ctx);
  g[KEY] = { ctx, deps };
  return deps;
}
