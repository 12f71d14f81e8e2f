import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser';
import { repoRoot } from '../support/build-site';
import { serveStatic, type StaticSite } from '../support/static-server';

const site = inject('site');
const notesDir = process.env.NOTES_DIR ?? path.join(repoRoot, 'content/notes');

interface SearchResult {
  url: string;
  title: string;
  sections: { url: string; title: string }[];
}

/**
 * Runs a query through the site's own Pagefind bundle, in the page, and returns the top results.
 * Passed as source text: Vitest rewrites `import()` in test code, which the browser cannot run.
 */
function searchInPage(page: Page, query: string, limit = 5): Promise<SearchResult[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(query)});
    const results = await Promise.all(search.results.slice(0, ${limit}).map((result) => result.data()));
    return results.map(({ url, meta, sub_results }) => ({
      url,
      title: meta.title,
      sections: sub_results.map(({ url, title }) => ({ url, title })),
    }));
  })()`);
}

describe.skipIf(!browserAvailable())('search in the browser', () => {
  let server: StaticSite;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(site.outDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the guardrails note and the section about canary traffic shifting', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    const [top] = await searchInPage(page, 'canary');
    expect(top!.url).toBe('/notes/deployment-guardrails/');
    const section = top!.sections.find((candidate) => candidate.url.includes('#'));
    expect(section, JSON.stringify(top)).toBeDefined();
    await page.goto(`${server.origin}${section!.url}`);
    const sectionText = await page.evaluate((id) => {
      const section = document.getElementById(id)!.closest('.heading-wrapper')!;
      let text = section.querySelector('h2, h3, h4')!.textContent ?? '';
      for (let node = section.nextElementSibling; node && !node.classList.contains('heading-wrapper'); node = node.nextElementSibling) text += node.textContent;
      return text;
    }, decodeURIComponent(section!.url.split('#')[1]!));
    expect(sectionText.toLowerCase()).toContain('canary');
    await page.close();
  });

  it('indexes every note: each one is found by its title', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    const ids = (await readdir(notesDir)).filter((file) => /\.mdx?$/.test(file)).map((file) => file.replace(/\.mdx?$/, ''));
    for (const id of ids) {
      const title = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('h1')!.textContent!;
      }, `/notes/${id}/`);
      const results = await searchInPage(page, title, 3);
      expect(results.map((result) => result.url), title).toContain(`/notes/${id}/`);
    }
    await page.close();
  });

  it('lets a reader type a query in the header box, click a section result and land on that section', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const searchRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) searchRequests.push(request.url());
    });
    await page.goto(`${server.origin}/`);
    await page.waitForLoadState('networkidle');
    expect(searchRequests, 'no search code before the reader uses search').toEqual([]);

    await page.getByRole('searchbox', { name: 'Search the notes' }).fill('canary');
    const sectionLink = page.locator('.search-hit-section[href^="/notes/deployment-guardrails/#"]').first();
    await sectionLink.waitFor();
    expect(searchRequests.some((url) => url.endsWith('pagefind.js'))).toBe(true);
    const href = (await sectionLink.getAttribute('href'))!;
    await sectionLink.click();
    await page.waitForURL(`**${href}`);
    const target = page.locator(`[id="${decodeURIComponent(href.split('#')[1]!)}"]`);
    await expect.poll(() => target.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(200);
    expect(await target.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('runs the query from the search page address, and explains search needs JavaScript when it is off', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/?q=fargate`);
    await expect.poll(() => page.locator('.search-hit-title').allTextContents()).toContain('Amazon EKS');
    await page.close();

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const staticPage = await noScript.newPage();
    await staticPage.goto(`${server.origin}/`);
    await staticPage.getByRole('searchbox', { name: 'Search the notes' }).fill('fargate');
    await staticPage.getByRole('button', { name: 'Search' }).click();
    await staticPage.waitForURL('**/search/?q=fargate');
    expect(await staticPage.locator('main').textContent()).toContain('Search runs in your browser and needs JavaScript');
    await noScript.close();
  });
});
