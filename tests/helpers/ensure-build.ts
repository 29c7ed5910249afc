// Browser tests drive the built app (build/handler.js). Build it once when it is
// missing or older than anything it is built from, so a test never runs a stale UI.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HANDLER = path.join(ROOT, 'build', 'handler.js');
const INPUTS = ['web', 'shared', 'analytics', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    // tests beside the sources are not part of the build
    if (e.isFile() && /\.test\.ts$/.test(e.name)) continue;
    t = Math.max(t, newestMtime(path.join(p, e.name)));
  }
  return t;
}

export function buildIsStale(): boolean {
  if (!fs.existsSync(HANDLER)) return true;
  const built = fs.statSync(HANDLER).mtimeMs;
  return INPUTS.some((i) => newestMtime(path.join(ROOT, i)) > built);
}

/** Runs `vite build` when needed; throws with the build's output when it fails. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    throw new Error(`vite build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  if (!fs.existsSync(HANDLER)) throw new Error(`vite build finished but ${HANDLER} is missing`);
  // the handler may be older than an input touched during the build; mark it as fresh
  const now = new Date();
  fs.utimesSync(HANDLER, now, now);
}
