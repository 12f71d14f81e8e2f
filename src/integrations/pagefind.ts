import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { spellingVocabulary } from '../lib/search/query-correction.ts';
import { sectionRecords } from '../lib/search/section-records.ts';

/** Indexing settings shared by the production build and the dev server. */
export const PAGEFIND_OPTIONS = { forceLanguage: 'en' } as const;

/** Where search finds the spelling vocabulary, next to the site's pages. */
export const VOCABULARY_FILE = 'search-vocabulary.json';

/** Fails loudly: a partially written index would make search silently miss notes. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Adds every section of these pages to a Pagefind index as its own record, so Pagefind ranks
 * sections, and returns the spelling vocabulary of exactly the text it indexed (as JSON).
 */
export async function indexSections(
  index: pagefind.PagefindIndex,
  pages: Iterable<{ url: string; html: string }>,
): Promise<{ records: number; vocabulary: string }> {
  const texts: string[] = [];
  let records = 0;
  for (const { url, html } of pages) {
    for (const record of sectionRecords(html, url)) {
      const added = await index.addCustomRecord({ ...record, language: PAGEFIND_OPTIONS.forceLanguage });
      assertNoErrors(`indexing ${record.url}`, added.errors);
      texts.push(record.meta.title, record.content);
      records++;
    }
  }
  return { records, vocabulary: JSON.stringify(spellingVocabulary(texts)) };
}

/** Every built HTML page with its URL: `notes/eks/index.html` → `/notes/eks/`. */
async function builtPages(outDir: string): Promise<{ url: string; html: string }[]> {
  const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
  return Promise.all(
    files.map(async (file) => ({
      url: `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, ''),
      html: await readFile(path.join(outDir, file), 'utf8'),
    })),
  );
}

/**
 * Indexes the built site with Pagefind's Node API once `astro build` has written it, section by
 * section, and writes the spelling vocabulary beside it, so neither can be forgotten or go stale.
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
          const { records, vocabulary } = await indexSections(index, await builtPages(outDir));
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          assertNoErrors('writeFiles', written.errors);
          await writeFile(path.join(outDir, VOCABULARY_FILE), vocabulary);
          logger.info(`Indexed ${records} sections into ${path.relative(process.cwd(), written.outputPath)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
