// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { pagefindIndex } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; unified() runs them.
    // GFM comes from our own remark-gfm, so the built-in copy is switched off.
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] }),
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  integrations: [mdx(), pagefindIndex()],
  devToolbar: { enabled: false },
});
