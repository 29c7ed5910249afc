// Reads config/{deadlines,routing,holidays}.json from the project (or a region's folder).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCasesConfig, type CasesConfig } from './cases-config.js';

export const CONFIG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../config');

export function loadCasesConfig(dir: string = CONFIG_DIR): CasesConfig {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown;
  return parseCasesConfig({ deadlines: read('deadlines.json'), routing: read('routing.json'), holidays: read('holidays.json') });
}
