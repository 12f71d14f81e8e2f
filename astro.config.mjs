// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { notesDirectory } from './src/lib/content-paths.ts';
import { loadGlossary } from './src/lib/glossary-file.ts';
import { joinBase } from './src/lib/urls.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { pagefindDev } from './src/integrations/pagefind-dev.ts';
import { reportRuntime } from './src/integrations/report-runtime.ts';
import { sectionRegister } from './src/integrations/section-register.ts';
import { remarkExplicitIds } from './src/plugins/remark-explicit-ids.ts';
import { rehypeSectionLinks } from './src/plugins/rehype-section-links.ts';
import { rehypeGlossary } from './src/plugins/rehype-glossary.ts';
import { rehypeBaseLinks } from './src/plugins/rehype-base-links.ts';

const base = process.env.BASE ?? '/';
const notesDir = notesDirectory();
const sections = sectionRegister({
  notesDir,
  registerFile: path.join(notesDir, '..', 'section-register.json'),
  update: process.env.UPDATE_SECTION_REGISTER === '1',
});

export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; unified() runs them.
    // GFM comes from our own remark-gfm, so the built-in copy is switched off.
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm, remarkExplicitIds],
      rehypePlugins: [
        rehypeSlug,
        rehypeSectionLinks,
        [rehypeGlossary, { entries: loadGlossary(path.join(notesDir, '..', 'glossary.yaml')), glossaryUrl: joinBase(base, 'glossary/') }],
        [rehypeBaseLinks, { base }],
        sections.rehypePlugin,
      ],
    }),
    // Both themes as CSS variables; the stylesheet picks one with light-dark().
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  integrations: [reportRuntime(), mdx(), sections.integration, pagefindIndex(), pagefindDev({ notesDir })],
  devToolbar: { enabled: false },
  vite: {
    // Pre-bundled up front so the dev server does not reload the page when search first opens.
    optimizeDeps: { include: ['fastest-levenshtein'] },
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
