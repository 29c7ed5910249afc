// Reads config/{deadlines,routing,holidays}.json from the project (or a region's folder).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCasesConfig, type CasesConfig } from './cases-config.js';

/**
 * The project's config/ folder. Found by walking up from this module, because the
 * same code also runs bundled into build/server/chunks by the web build.
 */
export const CONFIG_DIR = findConfigDir(path.dirname(fileURLToPath(import.meta.url)));

function findConfigDir(from: string): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'config');
    if (fs.existsSync(path.join(candidate, 'deadlines.json'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.resolve(from, '../../config');
}

export function loadCasesConfig(dir: string = CONFIG_DIR): CasesConfig {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown;
  return parseCasesConfig({ deadlines: read('deadlines.json'), routing: read('routing.json'), holidays: read('holidays.json') });
}

export interface Open311Config {
  jurisdictionId: string;
  apiKeys: { key: string; name: string }[];
  maxPageSize: number;
}

export function loadOpen311Config(dir: string = CONFIG_DIR): Open311Config {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'open311.json'), 'utf8')) as Partial<Open311Config>;
  return { jurisdictionId: raw.jurisdictionId ?? '', apiKeys: raw.apiKeys ?? [], maxPageSize: raw.maxPageSize ?? 1000 };
}
