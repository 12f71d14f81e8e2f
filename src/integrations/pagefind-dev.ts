import type { AstroIntegration } from 'astro';
import type { AddressInfo } from 'node:net';
import * as pagefind from 'pagefind';
import { joinBase } from '../lib/navigation/urls.ts';
import { listNoteFiles } from '../node/content-paths.ts';
import { indexSections, PAGEFIND_OPTIONS, VOCABULARY_FILE } from './pagefind.ts';

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript',
  json: 'application/json',
  css: 'text/css',
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

/**
 * Search in `astro dev`: serves a Pagefind bundle from memory at `<base>pagefind/` and the spelling
 * vocabulary at `<base>search-vocabulary.json`, built section by section (as the production build
 * does) from the dev server's own rendering of every note the first time search asks for them,
 * and rebuilt on the next request after any note changes. So authors search the notes they write.
 */
export function pagefindDev(options: { notesDir: string }): AstroIntegration {
  let base = '/';
  return {
    name: 'pagefind-dev',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server, logger }) => {
        let files = new Map<string, Uint8Array>();
        let vocabulary = new Uint8Array();
        let stale = true;
        let building: Promise<void> | undefined;
        server.watcher.on('all', (_event, file) => {
          if (/\.(mdx?|ya?ml|json)$/.test(file)) stale = true;
        });

        const rebuild = async () => {
          stale = false;
          const { port } = server.httpServer!.address() as AddressInfo;
          const origin = `http://localhost:${port}`;
          const ids = listNoteFiles(options.notesDir).map((note) => note.id);
          const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const pages: { url: string; html: string }[] = [];
          for (const id of ids) {
            const response = await fetch(`${origin}${joinBase(base, `notes/${id}/`)}`);
            if (response.ok) pages.push({ url: `/notes/${id}/`, html: await response.text() });
          }
          const { vocabulary: words } = await indexSections(index, pages);
          const bundle = await index.getFiles();
          files = new Map(bundle.files.map((file) => [file.path.replace(/\\/g, '/'), file.content]));
          vocabulary = new TextEncoder().encode(words);
          await index.deleteIndex();
          logger.info(`Search index rebuilt from ${ids.length} notes`);
        };

        server.middlewares.use((request, response, next) => {
          const prefix = joinBase(base, 'pagefind/');
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          const isVocabulary = path === joinBase(base, VOCABULARY_FILE);
          if (!path.startsWith(prefix) && !isVocabulary) {
            next();
            return;
          }
          void (async () => {
            // The bundle and the vocabulary are asked for together: both wait for one rebuild.
            if (stale) building ??= rebuild().finally(() => (building = undefined));
            if (building) await building;
            const file = isVocabulary ? vocabulary : files.get(path.slice(prefix.length));
            if (!file) {
              response.statusCode = 404;
              response.end();
              return;
            }
            response.setHeader(
              'content-type',
              CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
            );
            response.setHeader('cache-control', 'no-store');
            response.end(file);
          })().catch(next);
        });
      },
    },
  };
}
