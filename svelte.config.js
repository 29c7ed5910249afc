import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    files: {
      routes: 'web/routes',
      lib: 'web/lib',
      appTemplate: 'web/app.html',
      hooks: { server: 'web/hooks.server', client: 'web/hooks.client' },
      params: 'web/params',
      assets: 'web/static',
    },
    alias: { $shared: 'shared', $analytics: 'analytics', $ingest: 'ingest' },
  },
};
