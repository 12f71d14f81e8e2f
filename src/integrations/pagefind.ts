import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Indexing settings shared by the production build and the dev server. */
export const PAGEFIND_OPTIONS = { forceLanguage: 'en' } as const;

/** Fails loudly: a partially written index would make search silently miss notes. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Indexes the built site with Pagefind's Node API once `astro build` has written it,
 * so the search bundle can never be forgotten or go stale.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
        assertNoErrors('createIndex', errors);
        if (!index) throw new Error('Pagefind did not create an index.');
        try {
          const added = await index.addDirectory({ path: outDir });
          assertNoErrors('addDirectory', added.errors);
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          assertNoErrors('writeFiles', written.errors);
          logger.info(`Indexed ${added.page_count} pages into ${path.relative(process.cwd(), written.outputPath)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
