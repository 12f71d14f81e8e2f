import { defineMiddleware } from 'astro:middleware';

/**
 * During `astro build`, passes each rendered HTML page to the handler rendered-pages.ts put on
 * `globalThis` (the middleware is bundled apart from the integration, but runs in its process).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const handler = (globalThis as Record<symbol, unknown>)[Symbol.for('notes-site.rendered-page')] as
    ((pathname: string, html: string) => void) | undefined;
  if (handler && response.status === 200 && response.headers.get('content-type')?.startsWith('text/html')) {
    handler(context.url.pathname, await response.clone().text());
  }
  return response;
});
