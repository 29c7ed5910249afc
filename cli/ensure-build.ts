// The web UI is a SvelteKit build; `npm install` builds it (prepare), and start
// builds it once more only when it is missing, so a fresh clone always starts.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../shared/log/logger.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function ensureWebBuild(log: Logger): Promise<void> {
  if (existsSync(new URL('../build/handler.js', import.meta.url))) return;
  log.info('web build missing: building it once (vite build)');
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed; run `npm run build` to see why');
}
