// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { pagefindDev } from './src/integrations/pagefind-dev.ts';
import { reportRuntime } from './src/integrations/report-runtime.ts';
import { siteCheck } from './src/integrations/site-check.ts';
import { renderedPages } from './src/integrations/rendered-pages.ts';
import { contentPaths } from './src/node/content-paths.ts';
import { cacheDirectory, noteFactsRecorder } from './src/node/note-facts-cache.ts';
import { notesMarkdownProcessor } from './src/node/markdown-pipeline.ts';
import { openCodeHighlightCache } from './src/plugins/syntax-highlighting.ts';
import { codeColorsStylesheet } from './src/integrations/code-colors-stylesheet.ts';
import { inlineScriptHashes } from './src/node/csp-hashes.ts';

const base = process.env.BASE ?? '/';
const paths = contentPaths();
const cacheDir = cacheDirectory();
const highlightCache = openCodeHighlightCache(cacheDir);
process.once('exit', () => highlightCache.save());
const pipelineStores = { highlightCache, recordFacts: noteFactsRecorder().record };

export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir,
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; ours is unified() with them
    // (src/node/markdown-pipeline.ts).
    processor: notesMarkdownProcessor(pipelineStores),
    // Highlighting runs in our own pipeline (src/plugins/syntax-highlighting.ts), without inline styles.
    syntaxHighlight: false,
  },
  integrations: [
    reportRuntime(),
    // Static parts of a note compile to HTML strings rather than JSX: less to compile and to render.
    // Notes override no HTML element (their components are used by name), so the pages are the same.
    mdx({ optimize: true }),
    sitemap({ filter: (page) => !page.endsWith('/search/') }),
    // The index and the site check share one reading of the built pages, done on worker threads as
    // each page is rendered; the index is written while the site check runs.
    renderedPages(),
    siteCheck({ paths, update: process.env.UPDATE_SECTION_REGISTER === '1' }),
    pagefindIndex(),
    pagefindDev({ notesDir: paths.notes }),
  ],
  devToolbar: { enabled: false },
  security: {
    // Every page carries this policy: scripts and styles only from the site itself (plus the one
    // theme script, by hash), Pagefind's WebAssembly, and nothing loaded from anywhere else.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inlineScriptHashes() },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    plugins: [codeColorsStylesheet()],
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
