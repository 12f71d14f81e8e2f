import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { buildSite, removeBuilds, repoRoot, startDevServer, type BuildResult } from '../support/build-site.ts';
import { resultOptions, typeQuery } from '../support/search-page.ts';
import { serveStatic } from '../support/static-server.ts';

const BASE = '/mla-notes/';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

describe('a site served under a sub-path', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildSite({ base: BASE });
    expect(build.exitCode, build.log).toBe(0);
  });

  afterAll(removeBuilds);

  it('puts the base path on every internal link, script, stylesheet and icon', () => {
    const offenders: string[] = [];
    for (const file of htmlFiles(build.outDir)) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/\s(?:href|src|data-bundle|data-vocabulary)="(\/[^"]*)"/g)) {
        if (!match[1]!.startsWith(BASE)) offenders.push(`${path.relative(build.outDir, file)}: ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it.skipIf(!browserAvailable())('searches, opens results and highlights under the base path', async () => {
    const server = await serveStatic(build.outDir, BASE);
    const browser: Browser = await launchBrowser();
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}${BASE}notes/eks/`);
    await page.keyboard.press('/');
    await typeQuery(page, 'canary');
    const first = page.locator('#search-results a.search-option-section').first();
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/^\/mla-notes\/notes\/deployment-guardrails\/\?highlight=canary#/);
    expect(requests.some((url) => url === `${BASE}pagefind/pagefind.js`)).toBe(true);
    expect(
      requests.filter((url) => url.includes('/pagefind/')).every((url) => url.startsWith(`${BASE}pagefind/`)),
    ).toBe(true);
    await first.click();
    await page.waitForURL(`**${href}`);
    await expect.poll(() => page.locator('.note-body mark.pagefind-highlight').count()).toBeGreaterThan(0);
    expect((await resultOptions(page)).length).toBeGreaterThanOrEqual(0);
    await browser.close();
    await server.close();
  });
});

describe.skipIf(!browserAvailable())('search in the development server', () => {
  it('searches the current notes, and sees an edit without a restart', async () => {
    const notes = await mkdtemp(path.join(os.tmpdir(), 'dev-notes-'));
    await cp(path.join(repoRoot, 'content/notes'), path.join(notes, 'notes'), { recursive: true });
    const dev = await startDevServer({ notesDir: path.join(notes, 'notes'), port: 4599 });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${dev.origin}/notes/eks/`);
      await page.waitForLoadState('networkidle');
      await page.keyboard.press('/');
      await typeQuery(page, 'fargate');
      expect((await resultOptions(page)).some((option) => option.href.startsWith('/notes/eks/'))).toBe(true);

      const file = path.join(notes, 'notes/eks.mdx');
      await writeFile(
        file,
        `${await readFile(file, 'utf8')}\n\n## Zanzibar drill\n\nA quokka section added while the server runs.\n`,
      );
      await page.waitForTimeout(1500); // the file watcher notices the edit
      await page.goto(`${dev.origin}/notes/horovod/`);
      await page.waitForLoadState('networkidle');
      await page.keyboard.press('/');
      await typeQuery(page, 'quokka');
      expect((await resultOptions(page)).map((option) => option.href)).toContain('/notes/eks/#zanzibar-drill');
    } finally {
      await browser.close();
      await dev.stop();
      await rm(notes, { recursive: true, force: true });
      await removeBuilds();
    }
  }, 120_000);
});
