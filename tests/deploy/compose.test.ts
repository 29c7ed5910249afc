// There is no Docker engine here; this checks the scaled-out deployment file for
// what it must promise: JetStream, a ClickHouse server, several workers, web on 3000,
// and every Domovoy container configured for NATS + ClickHouse rather than embedded mode.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../shared/config/env.js';

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true });
const services = compose.services as Record<string, any>;

describe('docker-compose.yml', () => {
  it('runs NATS with JetStream and a persistent store', () => {
    const cmd = services.nats.command.join(' ');
    expect(cmd).toMatch(/-js/);
    expect(cmd).toMatch(/-sd \/data/);
    expect(services.nats.volumes.join(' ')).toMatch(/:\/data/);
  });

  it('runs a current ClickHouse server (DateTime64 and LowCardinality need ≥ 19)', () => {
    const m = /clickhouse-server:(\d+)/.exec(services.clickhouse.image);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(23);
  });

  it('scales processing workers out and keeps stateful detectors single', () => {
    expect(services.worker.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(services.worker.environment.ROLES).toBe('worker');
    expect(services.analytics.deploy?.replicas ?? 1).toBe(1);
  });

  it('gives every Domovoy container a valid server-mode configuration', () => {
    const domovoy = Object.entries(services).filter(([, s]) => String(s.image ?? '').startsWith('domovoy'));
    expect(domovoy.map(([n]) => n).sort()).toEqual(['analytics', 'migrate', 'sources', 'web', 'worker']);
    for (const [name, s] of domovoy) {
      const env = Object.fromEntries(Object.entries(s.environment).map(([k, v]) => [k, String(v).replace(/\$\{[^}]*:-([^}]*)\}/g, '$1')]));
      const c = loadConfig(env);
      expect(c.embedded, name).toBe(false);
      expect(c.NATS_URL, name).toBe('nats://nats:4222');
      expect(c.CLICKHOUSE_URL, name).toBe('http://clickhouse:8123');
    }
  });

  it('publishes the web on port 3000 and waits for migrations', () => {
    expect(services.web.ports).toContain('3000:3000');
    expect(services.web.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(services.worker.depends_on.nats.condition).toBe('service_healthy');
  });
});
