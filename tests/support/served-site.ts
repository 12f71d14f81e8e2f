import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

/**
 * Serves a built site and opens Chromium for the tests of one `describe` block, and closes both
 * after them. Read `server` and `browser` inside tests, once the hooks have run.
 */
export function servedSite(outDir: string): { readonly server: StaticSite; readonly browser: Browser } {
  let server: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(outDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
