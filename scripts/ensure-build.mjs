// Before tests: make sure the SvelteKit build exists and is newer than the web sources,
// so browser tests never run against a stale UI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'build/handler.js');
const newest = (dir) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const sources = ['web', 'shared', 'analytics'].map((d) => join(root, d)).filter(existsSync);
const stale = !existsSync(out) || Math.max(...sources.map(newest), statSync(join(root, 'svelte.config.js')).mtimeMs) > statSync(out).mtimeMs;
if (stale) {
  console.log('ensure-build: building the web UI (vite build)');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
