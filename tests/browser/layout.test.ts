import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { CHROME_STYLE_INPUT, chromeStyles, inspectLayout, type LayoutFindings } from '../support/layout-probes.ts';
import { servedSite } from '../support/served-site.ts';
import { sitePages } from '../support/site-pages.ts';

const site = inject('site');

const WIDTHS = [360, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
/** The boxes that may scroll sideways: wide tables, code and state-machine diagrams. */
const DECLARED_SCROLL_BOXES = '.table-scroll, pre, .asl-diagram-scroll';

interface PageResult extends LayoutFindings {
  view: string;
  page: string;
  chrome: Record<string, string>;
}

/** Resolves once the page's idle-time islands (progress, controls beside headings) have arrived. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 250), { timeout: 2000 })),
  );
}

describe.skipIf(!browserAvailable())('every page, as a reader sees it at 360, 768 and 1280 px, light and dark', () => {
  const served = servedSite(site.outDir);
  const results: PageResult[] = [];

  beforeAll(async () => {
    const pages = await sitePages(site.outDir);
    const views = WIDTHS.flatMap((width) => SCHEMES.map((colorScheme) => ({ width, colorScheme })));
    // Three windows at once: enough to keep two cores busy while pages load.
    const worker = async () => {
      for (let view = views.shift(); view; view = views.shift()) {
        const context = await served.browser.newContext({
          viewport: { width: view.width, height: 800 },
          colorScheme: view.colorScheme,
        });
        const tab = await context.newPage();
        for (const page of pages) {
          await tab.goto(`${served.server.origin}${page}`);
          await settled(tab);
          results.push({
            view: `${view.width} px ${view.colorScheme}`,
            page,
            ...(await tab.evaluate(inspectLayout, DECLARED_SCROLL_BOXES)),
            chrome: await tab.evaluate(chromeStyles, CHROME_STYLE_INPUT),
          });
        }
        await context.close();
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  }, 170_000);

  const problems = (pick: (result: PageResult) => string[]) =>
    results.flatMap((result) => pick(result).map((problem) => `${result.page} at ${result.view}: ${problem}`));

  it('never scrolls sideways', () => {
    expect(results.length).toBeGreaterThan(0);
    expect(
      problems((result) => (result.sidewaysScroll > 0 ? [`the page is ${result.sidewaysScroll} px too wide`] : [])),
    ).toEqual([]);
  });

  it('lets only tables, code and diagrams scroll sideways, and they show that they scroll', () => {
    expect(problems((result) => result.scrollBoxes)).toEqual([]);
  });

  it('gives every heading the lines its text needs, and no more', () => {
    expect(problems((result) => result.squeezedHeadings)).toEqual([]);
  });

  it('never overlaps two pieces of text in the header, sidebar, contents, headings or footer', () => {
    expect(problems((result) => result.overlappingText)).toEqual([]);
  });

  it('draws the shared chrome (header, sidebar, headings, body text) the same on every page', () => {
    const differences: string[] = [];
    for (const view of new Set(results.map((result) => result.view))) {
      const inView = results.filter((result) => result.view === view);
      for (const part of Object.keys(CHROME_STYLE_INPUT.chrome)) {
        const looks = new Map<string, string[]>();
        for (const result of inView) {
          const style = result.chrome[part];
          if (style !== undefined) looks.set(style, [...(looks.get(style) ?? []), result.page]);
        }
        if (looks.size > 1) {
          const [usual, ...others] = [...looks.entries()].sort((a, b) => b[1].length - a[1].length);
          for (const [style, pages] of others) {
            const usualParts = new Set(usual![0].split('; '));
            const changed = style.split('; ').filter((declaration) => !usualParts.has(declaration));
            differences.push(`${part} at ${view} on ${pages.join(', ')}: ${changed.join('; ')}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  });
});
