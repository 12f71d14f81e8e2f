// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// A default Starlight site: the notes folder becomes the sidebar, and Pagefind search is on
// (Starlight's default). OUT_DIR and CACHE_DIR let the benchmark build into throwaway folders.
export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  integrations: [
    starlight({
      title: 'Study notes',
      pagefind: true,
      sidebar: [{ label: 'Notes', items: [{ autogenerate: { directory: 'notes' } }] }],
    }),
  ],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's MDX marker trips this bundler check once per note (withastro/astro#18087). The
          // message is harmless, and thousands of them would only slow the log down.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
