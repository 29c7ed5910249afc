// The main heap's young generation is fixed when node starts, so the flags of
// shared/app/heap.ts must be on every command line that starts the system.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_HEAP_FLAGS } from '../../shared/app/heap.js';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

describe('heap flags', () => {
  it('`npm start` passes them to node before the entry script', () => {
    const start = JSON.parse(read('package.json')).scripts.start as string;
    const [node, ...args] = start.split(/\s+/);
    expect(node).toBe('node');
    const entry = args.indexOf('bin/domovoy.js');
    expect(entry).toBeGreaterThan(0);
    for (const f of NODE_HEAP_FLAGS) expect(args.slice(0, entry)).toContain(f);
  });

  it('the image starts node with them', () => {
    const line = read('Dockerfile').split('\n').find((l) => l.startsWith('ENTRYPOINT'));
    const argv = JSON.parse(line!.slice('ENTRYPOINT'.length)) as string[];
    expect(argv[0]).toBe('node');
    const entry = argv.indexOf('bin/domovoy.js');
    for (const f of NODE_HEAP_FLAGS) expect(argv.slice(1, entry)).toContain(f);
  });
});
