// Entry of the `domovoy` command: parse the command line, load configuration once,
// hand over to the command. Errors print one clear line and exit non-zero.
import { ConfigError, loadConfig, type Config } from '../shared/config/env.js';
import { createLogger, type Logger } from '../shared/log/logger.js';

const HELP = `Domovoy — мониторинг жалоб жителей на ЖКХ в реальном времени

Usage: domovoy <command> [options]

Commands:
  start                      run the whole system (web on PORT, workers, demo stream)
  migrate                    apply database migrations and exit
  import-registry            import houses, organisations and districts into the database
  replay FILE.jsonl [--rate N]  publish a recorded stream (N mentions/s, 0 = as fast as possible)
  classify                   JSON Lines on stdin → analysis JSON Lines on stdout
  geocode "текст"            resolve the address in a text to a house and its УК
  eval FILE.csv              precision/recall/F1 of the classifier on a labelled CSV
  train                      rebuild the classifier model from the training data

Configuration comes from environment variables; see README.md.`;

export function parseFlags(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags[k] = v;
      else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) flags[k] = args[++i]!;
      else flags[k] = 'true';
    } else positional.push(a);
  }
  return { positional, flags };
}

type Command = (args: string[], config: Config, log: Logger) => Promise<number | void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start.js')).start,
  migrate: async () => (await import('./commands/migrate.js')).migrateCommand,
  'import-registry': async () => (await import('./commands/import-registry.js')).importRegistryCommand,
  replay: async () => (await import('./commands/replay.js')).replayCommand,
  classify: async () => (await import('./commands/classify.js')).classifyCommand,
  geocode: async () => (await import('./commands/geocode.js')).geocodeCommand,
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  train: async () => (await import('./commands/train.js')).trainCommand,
};

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(HELP);
    return;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`domovoy: unknown command "${name}"\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`domovoy: ${e.message}`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  try {
    const code = await (await load())(rest, config, log);
    if (typeof code === 'number') process.exitCode = code;
  } catch (e) {
    console.error(`domovoy ${name}: ${(e as Error).message}`);
    if (config.LOG_LEVEL === 'debug') console.error(e);
    process.exitCode = 1;
  }
}
