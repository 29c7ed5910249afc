// The same start as `npm start`, with NATS_URL set: the app runs over JetStream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/env.js';
import { silentLogger } from '../../shared/log/logger.js';
import { startApp, type RunningApp } from '../../shared/app/start.js';
import { startNatsServer } from '../helpers/nats-server.js';
import { waitFor } from './pipeline-harness.js';

describe('start with NATS_URL', () => {
  let nats: Awaited<ReturnType<typeof startNatsServer>>;
  let app: RunningApp | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'domovoy-nats-start-'));
  beforeAll(async () => {
    nats = await startNatsServer();
    if (!nats) console.warn('SKIP: nats-server is not installed (apt-get install -y nats-server); start over JetStream not tested');
  });
  afterAll(async () => {
    await app?.stop();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('processes the demo stream over JetStream into the store and serves the web', async () => {
    if (!nats) return;
    const config = loadConfig({ NATS_URL: nats.url, DATA_DIR: dir, DEMO: 'on', DEMO_RATE: '3000', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    app = await startApp(config, silentLogger);
    expect(app.ctx.bus.kind).toBe('nats');
    await waitFor(async () => {
      const [r] = await app!.ctx.store.query<{ n: string }>('SELECT count() AS n FROM mentions FINAL');
      return Number(r!.n) >= 20;
    }, 60_000, 'mentions stored over JetStream');
    const web = app.services.find((s) => s.name === 'web') as unknown as { port: number } | undefined;
    expect(web).toBeDefined();
    const health = await (await fetch(`http://127.0.0.1:${web!.port}/healthz`)).json();
    expect(health).toMatchObject({ bus: 'nats' });
  });
});
