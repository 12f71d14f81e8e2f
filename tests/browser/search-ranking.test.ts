import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { repoRoot } from '../support/build-site.ts';
import { resultOptions, typeQuery } from '../support/search-page.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';

const site = inject('site');
const queries = parse(await readFile(path.join(repoRoot, 'tests/search/queries.yaml'), 'utf8')) as {
  query: string;
  expect: string;
}[];

describe.skipIf(!browserAvailable())('search result quality', () => {
  let server: StaticSite;
  let browser: Browser;
  let page: Page;
  const ranks = new Map<string, number>();

  beforeAll(async () => {
    server = await serveStatic(site.outDir);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    await page.keyboard.press('/');
  });

  afterAll(async () => {
    const found = [...ranks.values()];
    const rate = (limit: number) =>
      ((100 * found.filter((rank) => rank >= 1 && rank <= limit).length) / queries.length).toFixed(0);
    console.log(`Search ranking set: ${queries.length} queries, top-1 ${rate(1)}%, top-3 ${rate(3)}%`);
    await browser?.close();
    await server?.close();
  });

  it('has a committed set of at least 25 learner queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(25);
  });

  it.each(queries)('"$query" finds $expect in the top 3 sections', async ({ query, expect: expected }) => {
    await typeQuery(page, query);
    const sections = (await resultOptions(page))
      .filter((option) => option.kind === 'section')
      .map((option) => option.href);
    const rank = sections.indexOf(expected) + 1;
    ranks.set(query, rank);
    expect(sections.slice(0, 3), `rank ${rank || 'not found'}`).toContain(expected);
  });
});
