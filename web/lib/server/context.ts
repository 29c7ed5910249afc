// The running app's handles for SvelteKit server code (+page.server.ts, +server.ts).
// The built handler (build/server) is a separate module graph from web/server.ts,
// so a module-level variable would not be shared: the context lives on globalThis
// under a registered symbol that both graphs resolve to the same key.
import type { AppContext } from '../../../shared/app/context.js';

const KEY = Symbol.for('domovoy.app');

type Holder = { [KEY]?: AppContext };

export function setApp(ctx: AppContext | undefined): void {
  (globalThis as Holder)[KEY] = ctx;
}

export function getApp(): AppContext {
  const ctx = (globalThis as Holder)[KEY];
  if (!ctx) {
    throw new Error('Domovoy app context is not set: the web app must be started through startWeb() (web/server.ts), not `vite dev` or build/index.js');
  }
  return ctx;
}
