import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { acceptRenderedPages } from '../node/built-pages.ts';

/** Where the build puts the function the middleware hands each rendered page to (the middleware names it too). */
const RENDERED_PAGE_HANDLER = Symbol.for('notes-site.rendered-page');

type Handler = (pathname: string, html: string) => void;

/**
 * Hands every page to the built-page workers (src/node/built-pages.ts) the moment it is rendered,
 * so the search records and the site check's facts are worked out on the idle core while the
 * build renders the next pages, not after the last one. Only `astro build` does this.
 */
export function renderedPages(): AstroIntegration {
  let base = '/';
  let outDir = '';
  return {
    name: 'rendered-pages',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build')
          addMiddleware({ entrypoint: new URL('./rendered-page-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const accept = acceptRenderedPages(outDir);
        const prefix = base.replace(/\/+$/, '');
        const handler: Handler = (pathname, html) => {
          if (pathname.startsWith(`${prefix}/`)) accept(pathname.slice(prefix.length), html);
        };
        (globalThis as Record<symbol, unknown>)[RENDERED_PAGE_HANDLER] = handler;
      },
      'astro:build:done': () => {
        delete (globalThis as Record<symbol, unknown>)[RENDERED_PAGE_HANDLER];
      },
    },
  };
}
