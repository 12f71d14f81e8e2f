import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { spellingVocabulary } from '../lib/search/query-correction.ts';
import { sectionRecords, type SectionRecord } from '../lib/search/section-records.ts';
import { onBuiltPage, readBuiltPages, renderedPageCount } from '../node/built-pages.ts';
import { closePagefind } from '../node/pagefind-process.ts';

/** Indexing settings shared by the production build and the dev server. */
export const PAGEFIND_OPTIONS = { forceLanguage: 'en' } as const;

/** Where search finds the spelling vocabulary, next to the site's pages. */
export const VOCABULARY_FILE = 'search-vocabulary.json';

/** Fails loudly: a partially written index would make search silently miss notes. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Adds one record to the index, failing if Pagefind refuses it. */
async function addRecord(index: pagefind.PagefindIndex, record: SectionRecord): Promise<void> {
  const added = await index.addCustomRecord({ ...record, language: PAGEFIND_OPTIONS.forceLanguage });
  assertNoErrors(`indexing ${record.url}`, added.errors);
}

/** The spelling vocabulary of exactly the text of these records, as JSON. */
function vocabularyOf(records: readonly SectionRecord[]): string {
  return JSON.stringify(spellingVocabulary(records.flatMap((record) => [record.meta.title, record.content])));
}

/**
 * Adds every section of these pages to a Pagefind index as its own record, so Pagefind ranks
 * sections, and returns the spelling vocabulary of exactly the text it indexed (as JSON).
 */
export async function indexSections(
  index: pagefind.PagefindIndex,
  pages: Iterable<{ url: string; html: string }>,
): Promise<{ records: number; vocabulary: string }> {
  const records = [...pages].flatMap(({ url, html }) => sectionRecords(html, url));
  // Sent in order without waiting for each answer: Pagefind indexes one while the next is sent.
  await Promise.all(records.map((record) => addRecord(index, record)));
  return { records: records.length, vocabulary: vocabularyOf(records) };
}

/**
 * Indexes the built site with Pagefind's Node API, section by section, and writes the spelling
 * vocabulary beside it, so neither can be forgotten or go stale. Pages reach the index as the
 * build renders them (taken apart on worker threads, once, for the site check too), so Pagefind
 * indexes on the core the renderer leaves idle; the index is written as soon as the last page is
 * rendered, while the build's other last steps (sitemap, site check) run.
 */
export function pagefindIndex(): AstroIntegration {
  let outDir = '';
  let indexing: Promise<{ index: pagefind.PagefindIndex; records: SectionRecord[]; added: Promise<void>[] }>;
  let writing: Promise<string> | undefined;

  /** Writes the index and the vocabulary once every page is in; resolves to what the log says. */
  async function writeIndex(): Promise<string> {
    const { index, records, added } = await indexing;
    const pages = await readBuiltPages(outDir);
    const written = Promise.all(added).then(() => index.writeFiles({ outputPath: path.join(outDir, 'pagefind') }));
    // Worked out while Pagefind finishes indexing and writes its files.
    const vocabulary = vocabularyOf(records);
    const { errors, outputPath } = await written;
    assertNoErrors('writeFiles', errors);
    await writeFile(path.join(outDir, VOCABULARY_FILE), vocabulary);
    return (
      `Indexed ${records.length} sections into ${path.relative(process.cwd(), outputPath)} ` +
      `(${renderedPageCount(outDir)} of ${pages.length} pages taken as they were rendered)`
    );
  }

  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        indexing = (async () => {
          const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
          assertNoErrors('createIndex', errors);
          if (!index) throw new Error('Pagefind did not create an index.');
          const records: SectionRecord[] = [];
          const added: Promise<void>[] = [];
          onBuiltPage(outDir, (page) => {
            records.push(...page.records);
            added.push(...page.records.map((record) => addRecord(index, record)));
          });
          return { index, records, added };
        })();
        // A failure is reported where it is awaited (astro:build:done), not as an unhandled rejection.
        indexing.catch(() => {});
      },
      'astro:build:generated': () => {
        writing = writeIndex();
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        try {
          logger.info(await (writing ?? writeIndex()));
        } finally {
          await closePagefind(pagefind.close);
        }
      },
    },
  };
}
