import { defineConfig } from 'vitest/config';

// Node-side tests run without the SvelteKit plugin; browser tests drive the built app.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'build/**', '.svelte-kit/**', 'data/**', 'tmp/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
