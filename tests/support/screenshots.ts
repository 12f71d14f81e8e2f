/**
 * `npm run screenshots`: builds the site (or reads `--dist <folder>`), serves it, and writes a PNG of
 * every page at 360 and 1280 px, in light and dark, into one folder (default `screenshots/`), so a
 * change can be reviewed by eye. `--only notes/eks` limits it to matching pages.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { chromiumPath, launchBrowser } from './browser.ts';
import { buildSite, removeBuilds, repoRoot } from './build-site.ts';
import { pageSlug, sitePages } from './site-pages.ts';
import { serveStatic } from './static-server.ts';

/** Waits until the page's idle-time islands have had their chance to arrive. */
async function settled(tab: Page): Promise<void> {
  await tab.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300), { timeout: 2000 })),
  );
}

const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'screenshots' },
    dist: { type: 'string' },
    /** Only the pages whose path contains this text. */
    only: { type: 'string' },
  },
});
if (!chromiumPath) throw new Error('No Chromium found: install it with apt-get install -y chromium');

const outFolder = path.resolve(repoRoot, values.out);
let outDir = values.dist ? path.resolve(values.dist) : undefined;
if (!outDir) {
  console.log('Building the site…');
  const build = await buildSite();
  if (build.exitCode !== 0) throw new Error(`The site build failed:\n${build.log}`);
  outDir = build.outDir;
}

await mkdir(outFolder, { recursive: true });
const server = await serveStatic(outDir);
const browser = await launchBrowser();
try {
  const pages = (await sitePages(outDir)).filter((page) => !values.only || page.includes(values.only));
  const views = WIDTHS.flatMap((width) => SCHEMES.map((colorScheme) => ({ width, colorScheme })));
  // Two views at a time: full-page PNGs of long notes are heavy to encode, and machines are small.
  const worker = async () => {
    for (let view = views.shift(); view; view = views.shift()) {
      const context = await browser.newContext({
        viewport: { width: view.width, height: 900 },
        colorScheme: view.colorScheme,
      });
      const tab = await context.newPage();
      for (const page of pages) {
        await tab.goto(`${server.origin}${page}`, { waitUntil: 'load' });
        await settled(tab);
        const file = path.join(outFolder, `${pageSlug(page)}-${view.width}-${view.colorScheme}.png`);
        await tab.screenshot({ path: file, fullPage: true, timeout: 180_000 });
      }
      await context.close();
    }
  };
  const total = pages.length * views.length;
  await Promise.all([worker(), worker()]);
  console.log(`Wrote ${total} screenshots to ${outFolder}`);
} finally {
  await browser.close();
  await server.close();
  await removeBuilds();
}
