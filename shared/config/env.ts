import { availableParallelism } from 'node:os';
import { z } from 'zod';

const onOff = z.enum(['on', 'off']);
export const ROLE_NAMES = ['web', 'worker', 'sources', 'hotspots', 'cases'] as const;
export type Role = (typeof ROLE_NAMES)[number];
const optionalUrl = (name: string, schemes: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || schemes.some((s) => v.startsWith(`${s}://`)), {
      message: `${name} must start with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    });

/** Every setting of a Domovoy process. Parsed once at start-up and passed down. */
export const EnvSchema = z.object({
  /** 0 = any free port (tests) */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  NATS_URL: optionalUrl('NATS_URL', ['nats', 'tls', 'ws', 'wss']),
  CLICKHOUSE_URL: optionalUrl('CLICKHOUSE_URL', ['http', 'https']),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _ only').default('domovoy'),
  /** on by default in embedded mode, off when a NATS or ClickHouse server is configured */
  DEMO: onOff.optional(),
  /** demo mentions per minute */
  DEMO_RATE: z.coerce.number().min(0).max(600_000).default(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** which parts this process runs; embedded runs all of them */
  ROLES: z
    .string()
    .default('web,worker,sources,cases,hotspots')
    .transform((s) => s.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROLE_NAMES)).min(1)),
  /** base map tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; none = offline map */
  TILE_URL: z.string().optional(),
  /** writer batch: flush at this many rows or after this many ms */
  BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(2000),
  BATCH_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** threads that classify and resolve addresses off the event loop; 0 = on the main thread */
  // One per spare core, at most 4: on 2 cores a second analysis thread only fights the
  // event loop and the store for the same CPU (bench/pipeline).
  ANALYSE_THREADS: z.coerce.number().int().min(0).max(16).default(Math.max(1, Math.min(4, availableParallelism() - 1))),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'DEMO'> {
  demo: boolean;
  embedded: boolean;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const ALLOWED: Partial<Record<keyof Env, string>> = {
  DEMO: 'on | off',
  LOG_LEVEL: 'debug | info | warn | error | silent',
  PORT: 'an integer 0..65535',
  ROLES: 'comma-separated: web, worker, sources, hotspots, cases',
};

/** Parse the environment. Throws ConfigError naming each bad variable and what is allowed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = EnvSchema.safeParse(known);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '?');
      const allowed = ALLOWED[name as keyof Env];
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}${allowed ? ` (allowed: ${allowed})` : ''}`;
    });
    throw new ConfigError(issues);
  }
  const e = parsed.data;
  const embedded = !e.NATS_URL && !e.CLICKHOUSE_URL;
  const { DEMO, ...rest } = e;
  return { ...rest, demo: DEMO ? DEMO === 'on' : embedded, embedded };
}
