// Stopping the embedded process mid-stream and starting it again keeps every stored
// mention and stores no duplicates — with a graceful stop and with SIGKILL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createChdbStore } from '../../shared/storage/chdb-store.js';

const bin = fileURLToPath(new URL('../../bin/domovoy.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'domovoy-restart-'));

/** Runs `domovoy start` until it has stored mentions for a while, then stops it with `signal`. */
async function runFor(ms: number, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...process.env, DATA_DIR: dir, ROLES: 'worker,sources', DEMO: 'on', DEMO_RATE: '6000', LOG_LEVEL: 'info', BATCH_MS: '100' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const started = await new Promise<boolean>((resolve) => {
    const t = setInterval(() => {
      if (log.includes('Domovoy started')) {
        clearInterval(t);
        resolve(true);
      }
    }, 100);
    child.once('exit', () => {
      clearInterval(t);
      resolve(false);
    });
  });
  if (!started) throw new Error(`domovoy did not start:\n${log}`);
  await new Promise((r) => setTimeout(r, ms));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill(signal);
  const code = await exited;
  return { code, log };
}

async function snapshot() {
  const store = await createChdbStore(join(dir, 'chdb'));
  try {
    const [c] = await store.query<{ rows: string; ids: string; texts: string }>(
      'SELECT count() AS rows, uniqExact(id) AS ids, uniqExact(id, text) AS texts FROM mentions FINAL',
    );
    const ids = (await store.query<{ id: string }>('SELECT id FROM mentions FINAL')).map((r) => r.id);
    await store.command('OPTIMIZE TABLE mentions FINAL');
    const [p] = await store.query<{ n: string }>('SELECT count() AS n FROM mentions');
    return { rows: Number(c!.rows), ids: new Set(ids), texts: Number(c!.texts), physical: Number(p!.n) };
  } finally {
    await store.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded restart', () => {
  it('keeps every stored mention and stores none twice, after SIGTERM and after SIGKILL', async () => {
    const first = await runFor(4000, 'SIGTERM');
    expect(first.code).toBe(0);
    expect(first.log).toMatch(/stopped/);
    const a = await snapshot();
    expect(a.rows).toBeGreaterThan(50);
    expect(a.ids.size).toBe(a.rows);
    expect(a.physical).toBe(a.rows);

    await runFor(4000, 'SIGKILL');
    const b = await snapshot();
    expect(b.rows).toBeGreaterThan(a.rows);
    for (const id of a.ids) expect(b.ids.has(id)).toBe(true);
    expect(b.ids.size).toBe(b.rows);
    expect(b.texts).toBe(b.rows); // an id never comes back with another text
    expect(b.physical).toBe(b.rows);

    await runFor(3000, 'SIGTERM');
    const c = await snapshot();
    expect(c.rows).toBeGreaterThan(b.rows);
    for (const id of b.ids) expect(c.ids.has(id)).toBe(true);
    expect(c.physical).toBe(c.rows);
  }, 180_000);
});
