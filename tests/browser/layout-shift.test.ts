import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { servedSite } from '../support/served-site.ts';
import { sitePages } from '../support/site-pages.ts';

const site = inject('site');

interface Shift {
  value: number;
  sources: string[];
}

/**
 * Records every layout shift not caused by the reader's own input (what Cumulative Layout Shift
 * adds up), with the elements that moved, from the very start of each document.
 */
function recordLayoutShifts(): void {
  const shifts: Shift[] = [];
  (window as unknown as { layoutShifts: Shift[] }).layoutShifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node | null }[];
    })[]) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        value: entry.value,
        sources: entry.sources.map(({ node }) =>
          node instanceof Element
            ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`
            : (node?.nodeName ?? '?'),
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

describe.skipIf(!browserAvailable())('content arriving after the first paint', () => {
  const served = servedSite(site.outDir);
  let pages: string[] = [];

  beforeAll(async () => {
    pages = await sitePages(site.outDir);
  });

  /** A reader with progress saved: a section marked as understood, so badges and counts have something to show. */
  async function readerWithProgress(width: number): Promise<BrowserContext> {
    const context = await served.browser.newContext({
      viewport: { width, height: 800 },
      isMobile: width < 500,
      hasTouch: width < 500,
    });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/eks/`);
    const toggle = page.locator('.understood-toggle').first();
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.close();
    await context.addInitScript(recordLayoutShifts);
    return context;
  }

  for (const width of [360, 1280]) {
    it(`moves nothing on any page at ${width} px (CLS 0) while progress, controls and islands arrive`, async () => {
      const context = await readerWithProgress(width);
      const tab = await context.newPage();
      const moved: string[] = [];
      for (const page of pages) {
        await tab.goto(`${served.server.origin}${page}`);
        // Idle islands, then a little longer for what they load.
        await tab.evaluate(
          () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500), { timeout: 2000 })),
        );
        const shifts = await tab.evaluate(() => (window as unknown as { layoutShifts: Shift[] }).layoutShifts);
        const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
        if (total > 0) {
          moved.push(
            `${page}: CLS ${total.toFixed(4)} (${[...new Set(shifts.flatMap((shift) => shift.sources))].join(', ')})`,
          );
        }
      }
      await context.close();
      expect(moved).toEqual([]);
    });
  }
});
