import type { AstroIntegration } from 'astro';
import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as pagefind from 'pagefind';
import { joinBase } from '../lib/navigation/urls.ts';
import { PAGEFIND_OPTIONS } from './pagefind.ts';

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
 * Search in `astro dev`: serves a Pagefind bundle from memory at `<base>pagefind/`, built from the
 * dev server's own rendering of every note the first time search asks for it, and rebuilt on the
 * next request after any note changes. So authors search the notes they are writing.
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
        let stale = true;
        let building: Promise<void> | undefined;
        server.watcher.on('all', (_event, file) => {
          if (/\.(mdx?|ya?ml|json)$/.test(file)) stale = true;
        });

        const rebuild = async () => {
          stale = false;
          const { port } = server.httpServer!.address() as AddressInfo;
          const origin = `http://localhost:${port}`;
          const ids = (await readdir(options.notesDir))
            .filter((file) => /\.mdx?$/.test(file))
            .map((file) => file.replace(/\.mdx?$/, ''));
          const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          for (const id of ids) {
            const response = await fetch(`${origin}${joinBase(base, `notes/${id}/`)}`);
            if (response.ok) await index.addHTMLFile({ url: `/notes/${id}/`, content: await response.text() });
          }
          const bundle = await index.getFiles();
          files = new Map(bundle.files.map((file) => [file.path.replace(/\\/g, '/'), file.content]));
          await index.deleteIndex();
          logger.info(`Search index rebuilt from ${ids.length} notes`);
        };

        server.middlewares.use((request, response, next) => {
          const prefix = joinBase(base, 'pagefind/');
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (!path.startsWith(prefix)) {
            next();
            return;
          }
          void (async () => {
            if (stale) {
              building ??= rebuild().finally(() => (building = undefined));
              await building;
            }
            const file = files.get(path.slice(prefix.length));
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
