import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { servedSite } from '../support/served-site.ts';

const site = inject('site');

interface Measured {
  layoutShift: number;
  longTasks: number[];
  scrollWidth: number;
}

/** Records layout shifts and long tasks from the very start of the page, before any of its scripts. */
function recordPerformance(): void {
  const seen = { layoutShift: 0, longTasks: [] as number[] };
  Object.assign(window, { studyPerformance: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) seen.layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask', buffered: true });
}

describe.skipIf(!browserAvailable())('the review page before the reader acts', () => {
  const served = servedSite(site.outDir);
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  async function measure(page: Page, path: string, seed?: string): Promise<Measured> {
    await page.addInitScript(recordPerformance);
    if (seed) await page.addInitScript((text) => localStorage.setItem('study-progress', text), seed);
    await page.goto(`${served.server.origin}${path}`);
    // The island has run once the counts are filled; then give idle work its chance.
    await page.locator('[data-count="due"]:not(:empty)').waitFor();
    await expect.poll(() => page.locator('[data-count="due"]').textContent()).not.toBe('–');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    return page.evaluate(() => ({
      ...(window as unknown as { studyPerformance: Omit<Measured, 'scrollWidth'> }).studyPerformance,
      scrollWidth: document.documentElement.scrollWidth,
    }));
  }

  it('shifts no layout and blocks the main thread little, on a phone, with saved progress to count', async () => {
    // Lighthouse's mobile screen (the old page shifted by 0.081 here when its panel appeared).
    const context = await served.browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    // A mid-range phone, as Lighthouse's mobile run assumes: the CPU four times slower.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // A question of the built page, answered long ago and so due now.
    const html = readFileSync(path.join(site.outDir, 'questions/index.html'), 'utf8');
    const key = /data-card="([^"]+)"/.exec(html)![1]!;
    const measured = await measure(
      page,
      '/review/',
      JSON.stringify({
        version: 3,
        cards: {
          [key]: {
            due: 0,
            stability: 1,
            difficulty: 5,
            state: 2,
            reps: 1,
            lapses: 0,
            step: 0,
            scheduledDays: 1,
            reviewed: 0,
            grade: 3,
          },
        },
        understood: {},
      }),
    );
    const blocking = measured.longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0);
    console.log(
      `review page at 412 px, CPU ×4: layout shift ${measured.layoutShift}, long tasks ${JSON.stringify(measured.longTasks)} ms, blocking ${blocking} ms`,
    );
    expect(measured.layoutShift).toBe(0);
    // Parsing the page's HTML is the one long task allowed; no script work adds to it.
    expect(blocking).toBeLessThan(250);
    expect(await page.locator('[data-count="due"]').textContent()).toBe('1');
  });

  it('does not scroll sideways at 375 px: the scores table fits', async () => {
    const context = await served.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    contexts.push(context);
    const page = await context.newPage();
    const measured = await measure(page, '/review/');
    expect(measured.scrollWidth).toBeLessThanOrEqual(375);
    const table = await page.locator('.review-scores table').boundingBox();
    expect(table!.x + table!.width).toBeLessThanOrEqual(375);
  });

  it('loads no scheduler until a session starts', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await measure(page, '/review/');
    const before = scripts.length;
    await page.getByRole('button', { name: 'Start review' }).click();
    await page.locator('review-session .quiz-question.is-current').waitFor();
    expect(scripts.length).toBeGreaterThan(before);
  });
});
