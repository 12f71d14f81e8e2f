// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { reportRuntime } from './src/integrations/report-runtime.ts';

export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; unified() runs them.
    // GFM comes from our own remark-gfm, so the built-in copy is switched off.
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] }),
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  integrations: [reportRuntime(), mdx(), pagefindIndex()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // The only dynamic import is the Pagefind bundle, which has no chunks to preload.
      modulePreload: false,
      assetsInlineLimit: 0,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's own MDX marker trips this bundler check on every note (withastro/astro#18087); harmless.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
