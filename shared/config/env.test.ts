import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('gives embedded defaults with the demo on', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.embedded).toBe(true);
    expect(c.demo).toBe(true);
    expect(c.ROLES).toEqual(['web', 'worker', 'sources', 'cases', 'hotspots']);
  });

  it('turns the demo off by default when a server is configured, unless asked', () => {
    expect(loadConfig({ NATS_URL: 'nats://127.0.0.1:4222' }).demo).toBe(false);
    expect(loadConfig({ NATS_URL: 'nats://127.0.0.1:4222', DEMO: 'on' }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'off' }).demo).toBe(false);
  });

  it('names the variable and what is allowed when a value is wrong', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(bad({ PORT: 'abc' })).toMatch(/PORT="abc".*allowed: an integer 0\.\.65535/);
    expect(bad({ PORT: '70000' })).toMatch(/PORT/);
    expect(bad({ DEMO: 'yes' })).toMatch(/DEMO="yes".*allowed: on \| off/);
    expect(bad({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL/);
    expect(bad({ NATS_URL: 'localhost:4222' })).toMatch(/NATS_URL.*nats:\/\//);
    expect(bad({ CLICKHOUSE_URL: 'clickhouse:8123' })).toMatch(/CLICKHOUSE_URL.*http:\/\//);
    expect(bad({ ROLES: 'web,cooking' })).toMatch(/ROLES/);
    // several problems are reported together
    const both = bad({ PORT: '-1', DEMO: 'maybe' });
    expect(both).toMatch(/PORT/);
    expect(both).toMatch(/DEMO/);
  });

  it('treats empty strings as unset', () => {
    const c = loadConfig({ NATS_URL: '', PORT: '' });
    expect(c.NATS_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
  });
});
