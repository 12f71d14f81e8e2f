import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { repoRoot } from '../support/build-site.ts';
import { resultOptions, typeQuery } from '../support/search-page.ts';
import { servedSite } from '../support/served-site.ts';

const site = inject('site');
const notesDir = process.env.NOTES_DIR ?? path.join(repoRoot, 'content/notes');

describe.skipIf(!browserAvailable())('the search dialog', () => {
  const served = servedSite(site.outDir);

  async function openPage(urlPath = '/notes/eks/'): Promise<{ page: Page; requests: string[] }> {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${served.server.origin}${urlPath}`);
    await page.waitForLoadState('networkidle');
    return { page, requests };
  }

  it('loads no search code or index on a note page until search is opened', async () => {
    const { page, requests } = await openPage();
    expect(requests.filter((url) => url.includes('/pagefind/') || url.includes('search-vocabulary'))).toEqual([]);
    await page.getByRole('link', { name: 'Search' }).click();
    await expect.poll(() => requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await page.close();
  });

  it('opens with /, Ctrl+K and Cmd+K, moves focus into the box, and Escape returns focus', async () => {
    const { page } = await openPage();
    const dialog = page.getByRole('dialog', { name: 'Search the notes' });
    for (const keys of ['/', 'Control+k', 'Meta+k']) {
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press(keys);
      await expect.poll(() => dialog.isVisible(), { message: keys }).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
      await page.keyboard.press('Escape');
      expect(await dialog.isVisible()).toBe(false);
    }
    const button = page.getByRole('link', { name: 'Search' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-button'))).toBe(true);
    await page.close();
  });

  it('keeps every character typed straight after / on a page that has not loaded search yet', async () => {
    for (const opener of ['/', 'click']) {
      const { page, requests } = await openPage('/notes/step-functions/');
      expect(requests.some((url) => url.includes('/pagefind/'))).toBe(false);
      if (opener === '/') await page.keyboard.press('/');
      else await page.getByRole('link', { name: 'Search' }).click();
      await page.keyboard.type('horovod', { delay: 0 });
      await expect.poll(() => page.locator('#search-input').inputValue(), { message: opener }).toBe('horovod');
      await expect
        .poll(async () => (await resultOptions(page))[0]?.href, { message: opener })
        .toMatch(/^\/notes\/horovod\//);
      await page.close();
    }
  });

  it('closes with one Escape, even with a query typed, and returns focus to where it was', async () => {
    const { page } = await openPage();
    const dialog = page.getByRole('dialog', { name: 'Search the notes' });
    await page.getByRole('link', { name: 'Search' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await typeQuery(page, 'canary');
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-button'))).toBe(true);
    await page.close();
  });

  it('clears the query with the × button and keeps the dialog open, focused in the box', async () => {
    const { page } = await openPage();
    const dialog = page.getByRole('dialog', { name: 'Search the notes' });
    await page.keyboard.press('/');
    await typeQuery(page, 'canary');
    await page.getByRole('button', { name: 'Clear the query' }).click();
    expect(await page.locator('#search-input').inputValue()).toBe('');
    expect(await dialog.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await expect.poll(async () => (await resultOptions(page)).length).toBe(0);
    await page.close();
  });

  it('offers "More results" only while results wait behind it', async () => {
    const { page } = await openPage('/search/');
    await page.keyboard.press('/');
    const more = page.locator('.search-more');
    await expect.poll(() => page.locator('#search-input').isVisible()).toBe(true);
    expect(await more.isVisible()).toBe(false);
    await typeQuery(page, 'sagemaker');
    expect(await more.isVisible()).toBe(true);
    const before = (await resultOptions(page)).length;
    await more.click();
    await expect.poll(async () => (await resultOptions(page)).length).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Clear the query' }).click();
    await expect.poll(() => more.isVisible()).toBe(false);
    await page.close();
  });

  it('moves nothing on the search page while the dialog, the index and its filters arrive', async () => {
    for (const width of [360, 1280]) {
      const page = await served.browser.newPage({ viewport: { width, height: 740 } });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${served.server.origin}/search/`);
      await page.locator('.search-filters:not([hidden])').waitFor({ state: 'attached' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      expect(shifts, `layout shifts at ${width} px`).toEqual([]);
      await page.close();
    }
  });

  it('fills a 360 px phone screen, with the first result in the top half and five results in view', async () => {
    const page = await served.browser.newPage({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${served.server.origin}/`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: 'Search' }).click();
    await typeQuery(page, 'sagemaker endpoint');
    const box = (await page.locator('dialog.search-dialog').boundingBox())!;
    expect(box.x).toBeLessThanOrEqual(0.5);
    expect(box.width).toBeGreaterThanOrEqual(359.5);
    expect(box.height).toBeGreaterThanOrEqual(739.5);
    const input = (await page.locator('#search-input').boundingBox())!;
    expect(input.y).toBeLessThan(80);
    const options = await page
      .locator('#search-results [role="option"]')
      .evaluateAll((links) =>
        links.map((link) => link.getBoundingClientRect()).map(({ top, bottom }) => ({ top, bottom })),
      );
    expect(options.length).toBeGreaterThanOrEqual(5);
    expect(options[0]!.top).toBeLessThan(740 / 2);
    expect(options.filter((option) => option.bottom <= 740).length).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('on a wide screen, shows every topic filter and the folded tags whole, with nothing cut off below', async () => {
    const { page } = await openPage();
    await page.keyboard.press('/');
    await typeQuery(page, 'gateway endpoint s3');
    const filters = page.locator('.search-filters');
    const { box, chips, hiddenBelow } = await filters.evaluate((element) => ({
      box: element.getBoundingClientRect().toJSON() as DOMRect,
      chips: [...element.querySelectorAll('[data-filter="topic"] .search-chip, .search-tag-filters > summary')].map(
        (chip) => chip.getBoundingClientRect().toJSON() as DOMRect,
      ),
      hiddenBelow: element.scrollHeight - element.clientHeight,
    }));
    expect(chips.length).toBeGreaterThanOrEqual(6);
    for (const chip of chips) expect(chip.bottom).toBeLessThanOrEqual(box.bottom + 0.5);
    expect(hiddenBelow).toBeLessThanOrEqual(0);

    // The tags unfold on request; folded again, their line says how many are chosen.
    const tags = page.locator('.search-tag-filters > summary');
    await tags.click();
    await page.locator('.search-chip:has(input[name="tag"][value="sagemaker"])').click();
    await tags.click();
    expect((await tags.textContent())!.replace(/\s+/g, ' ').trim()).toBe('Tags (1 chosen)');
    await page.close();
  });

  it('marks the words of an excerpt without the brackets, commas and quotes around them', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('/');
    await typeQuery(page, 'sagemaker endpoint');
    const marks = await page.locator('.search-option-excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(10);
    expect(marks.filter((mark) => !/^[\p{L}\p{N}](.*[\p{L}\p{N}])?$/su.test(mark))).toEqual([]);
    // The punctuation is still there, beside the mark.
    const excerpts = await page.locator('.search-option-excerpt').allTextContents();
    expect(excerpts.some((text) => /\(endpoints|endpoints,/.test(text))).toBe(true);
    await page.close();
  });

  it('highlights whole words on the landing page, never a fragment inside a word', async () => {
    const { page } = await openPage('/notes/eks/?highlight=er&highlight=ow&highlight=pods&highlight=rollback');
    await expect.poll(() => page.locator('.note-body mark.pagefind-highlight').count()).toBeGreaterThan(0);
    const fragments = await page.locator('.note-body').evaluate((body) => {
      const word = /[\p{L}\p{N}]/u;
      // The text that runs on, in the same line of text, right before or after a mark.
      const neighbour = (node: Node | null): string => {
        if (node === null) return '';
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        return node instanceof HTMLElement && getComputedStyle(node).display === 'inline'
          ? (node.textContent ?? '')
          : '';
      };
      const broken: string[] = [];
      for (const mark of body.querySelectorAll('mark.pagefind-highlight')) {
        const previous = neighbour(mark.previousSibling).slice(-1);
        const next = neighbour(mark.nextSibling).slice(0, 1);
        if (word.test(previous) || word.test(next)) broken.push(`${previous}[${mark.textContent}]${next}`);
      }
      return broken;
    });
    expect(fragments).toEqual([]);
    await page.close();
  });

  it('shows notes with their matching sections and excerpts, navigable with arrow keys and Enter', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('/');
    await typeQuery(page, 'canary');
    const options = await resultOptions(page);
    expect(options[0]).toEqual(expect.objectContaining({ kind: 'note', href: '/notes/deployment-guardrails/' }));
    expect(options.some((option) => option.href === '/notes/deployment-guardrails/#canary-traffic-shifting')).toBe(
      true,
    );
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
    const input = page.locator('#search-input');
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-option-0');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('search-option-1');
    expect(await page.locator('#search-option-1').getAttribute('aria-selected')).toBe('true');
    const target = options[1]!.href;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === target);
    await page.close();
  });

  it('filters by topic and tag, combined with the query, with counts', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('/');
    await typeQuery(page, 'role');
    const notesFor = async () =>
      (await resultOptions(page)).filter((option) => option.kind === 'note').map((option) => option.href);
    // The query reaches notes of more than two topics (the list shows only its best matches).
    const topicCounts = await page
      .locator('.search-filter[data-filter="topic"] .search-chip-count')
      .evaluateAll((counts) => counts.map((count) => Number(count.textContent!.slice(1, -1))));
    expect(topicCounts.filter((count) => count > 0).length).toBeGreaterThan(2);
    expect((await notesFor()).length).toBeGreaterThan(0);
    const topic = page.locator('.search-filter[data-filter="topic"] label', { hasText: 'Networking and access' });
    expect(await topic.locator('.search-chip-count').textContent()).toMatch(/^\(\d+\)$/);
    const rendered = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.querySelector('search-dialog')!.addEventListener('search-rendered', resolve, { once: true }),
        ),
    );
    await topic.locator('input').check();
    await rendered;
    expect(await notesFor()).toEqual(['/notes/networking-and-access/']);
    const tagged = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.querySelector('search-dialog')!.addEventListener('search-rendered', resolve, { once: true }),
        ),
    );
    await topic.locator('input').uncheck();
    await page.locator('.search-tag-filters > summary').click(); // the tags are folded at first
    await page
      .locator('.search-filter[data-filter="tag"] label', { hasText: /^asl\b/ })
      .locator('input')
      .check();
    await tagged;
    await expect.poll(notesFor).toEqual(['/notes/step-functions/']);
    await page.close();
  });

  it('corrects a misspelt query and says so', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('/');
    await typeQuery(page, 'sagemker endpint');
    expect(await page.locator('.search-status').textContent()).toMatch(
      /^Showing results for “sagemaker endpoint” \(you typed “sagemker endpint”\)\./,
    );
    expect((await resultOptions(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('highlights the searched words on the page a result opens, and can clear them', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('/');
    await typeQuery(page, 'fargate');
    await page.locator('#search-results [role="option"]').first().click();
    await page.waitForURL(/highlight=fargate/);
    await expect.poll(() => page.locator('.note-body mark.pagefind-highlight').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clear highlights' }).click();
    expect(await page.locator('.note-body mark.pagefind-highlight').count()).toBe(0);
    expect(page.url()).not.toContain('highlight=');
    await page.close();
  });

  it('indexes every note: each one is found by its title', async () => {
    const { page } = await openPage('/');
    await page.keyboard.press('/');
    const ids = (await readdir(notesDir))
      .filter((file) => /\.mdx?$/.test(file))
      .map((file) => file.replace(/\.mdx?$/, ''));
    for (const id of ids) {
      const title = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('h1')!.textContent!;
      }, `/notes/${id}/`);
      await typeQuery(page, title);
      const notes = (await resultOptions(page)).filter((option) => option.kind === 'note').map((option) => option.href);
      expect(notes.slice(0, 3), title).toContain(`/notes/${id}/`);
    }
    await page.close();
  });

  it('loads at most one result fragment per result shown', async () => {
    const { page, requests } = await openPage('/');
    await page.keyboard.press('/');
    await typeQuery(page, 'what happens to the old instances when the update is done');
    const fragments = requests.filter((url) => url.includes('/pagefind/fragment/')).length;
    expect(fragments).toBeGreaterThan(0);
    expect(fragments).toBeLessThanOrEqual((await resultOptions(page)).length);
    await page.close();
  });

  it('without JavaScript, the search button leads to a page that explains and links the topics', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/eks/`);
    await page.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL('**/search/');
    expect(await page.locator('main').textContent()).toContain('Search runs in your browser and needs JavaScript');
    await page.getByRole('link', { name: 'Containers and Kubernetes' }).first().click();
    await page.waitForURL('**/topics/containers/');
    await context.close();
  });
});
