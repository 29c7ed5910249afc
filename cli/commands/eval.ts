import { existsSync } from 'node:fs';
import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';
import { loadClassifier } from '../../analytics/classify/index.js';
import { runEval } from '../../analytics/classify/eval.js';

export async function evalCommand(args: string[], _c: Config, _l: Logger): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error('usage: domovoy eval FILE.csv   (columns: text, zhkh_label, optional zhkh_label_alt)');
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`domovoy eval: no such file: ${file}`);
    return 2;
  }
  console.log(runEval(file, loadClassifier()));
  return 0;
}
