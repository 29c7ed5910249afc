import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';

export async function trainCommand(args: string[], _c: Config, _l: Logger): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train.ts', ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}
