import type { Config } from '../../shared/config/env.js';
import type { Logger } from '../../shared/log/logger.js';
import { runGeocode } from '../../analytics/registry/cli.js';

export async function geocodeCommand(args: string[], _c: Config, _l: Logger): Promise<number> {
  const text = args.join(' ').trim();
  if (!text) {
    console.error('usage: domovoy geocode "текст с адресом"');
    return 2;
  }
  console.log(await runGeocode(text));
  return 0;
}
