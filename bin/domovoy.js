#!/usr/bin/env node
// The `domovoy` command. TypeScript sources run through tsx's loader, so there is
// no separate compile step for the server side.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
await main(process.argv.slice(2));
