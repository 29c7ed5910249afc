// Browser tests drive the built app (build/handler.js). Build it once when it is
// missing or was not built from the current sources, so a test never runs a stale UI.
// The check is a fingerprint of the inputs (path, size, mtime) taken when our build
// started, not the output's mtime: a build started by someone else just before an
// edit finishes later than the edit and would look fresh by mtime alone.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HANDLER = path.join(ROOT, 'build', 'handler.js');
const STAMP = path.join(ROOT, 'build', '.inputs-fingerprint');
const INPUTS = ['web', 'shared', 'analytics', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function collect(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (!st.isDirectory()) {
    out.push(`${path.relative(ROOT, p)}\u0000${st.size}\u0000${st.mtimeMs}`);
    return;
  }
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    // tests beside the sources are not part of the build
    if (e.isFile() && /\.test\.ts$/.test(e.name)) continue;
    collect(path.join(p, e.name), out);
  }
}

export function inputsFingerprint(): string {
  const entries: string[] = [];
  for (const i of INPUTS) collect(path.join(ROOT, i), entries);
  return crypto.createHash('sha256').update(entries.sort().join('\n')).digest('hex');
}

export function buildIsStale(fingerprint = inputsFingerprint()): boolean {
  if (!fs.existsSync(HANDLER) || !fs.existsSync(STAMP)) return true;
  return fs.readFileSync(STAMP, 'utf8').trim() !== fingerprint;
}

/** Runs `vite build` when needed; throws with the build's output when it fails. */
export function ensureBuild(): void {
  const fingerprint = inputsFingerprint();
  if (!buildIsStale(fingerprint)) return;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    throw new Error(`vite build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  if (!fs.existsSync(HANDLER)) throw new Error(`vite build finished but ${HANDLER} is missing`);
  // the fingerprint from before the build: an edit made during it makes the next run rebuild
  fs.writeFileSync(STAMP, fingerprint + '\n');
}
