import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';

const site = inject('site');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .map((file) => `/${file.replace(/index\.html$/, '')}`)
  .sort();
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/** Runs axe-core in the page (through the debugging protocol, which the page's CSP does not restrict). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }, AXE_TAGS);
  return violations;
}

describe.skipIf(!browserAvailable())('every page, as a reader gets it', () => {
  let server: StaticSite;
  let browser: Browser;
  const contexts: Record<'light' | 'dark', BrowserContext | undefined> = { light: undefined, dark: undefined };

  beforeAll(async () => {
    server = await serveStatic(site.outDir);
    browser = await launchBrowser();
    contexts.light = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
    contexts.dark = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
    console.log(`axe-core: ${pages.length} pages × 2 themes, tags ${AXE_TAGS.join(', ')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Pages are independent, so several load at once: the browser works on one while axe runs on another.
  for (const theme of ['light', 'dark'] as const) {
    it.concurrent.for(pages)(`%s has no accessibility violations in the ${theme} theme`, async (path, { expect }) => {
      const page = await contexts[theme]!.newPage();
      await page.goto(`${server.origin}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it.concurrent.for(pages)(
    '%s makes no request outside the site and breaks no rule of its Content-Security-Policy',
    async (path, { expect }) => {
      const page = await contexts.light!.newPage();
      const outside: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) outside.push(request.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      await page.goto(`${server.origin}${path}`);
      // Scroll through the page so islands that load on visibility load too, then open search.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      });
      await page.keyboard.press('/');
      await page.locator('#search-input').fill('canary');
      await page.waitForLoadState('networkidle');
      expect(outside).toEqual([]);
      expect(errors.filter((error) => !/status of 404/.test(error) || path !== '/404.html')).toEqual([]);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(csp).not.toMatch(/unsafe-inline/);
      await page.close();
    },
  );

  it('has no inline event handlers or inline styles in any page', () => {
    for (const path of pages) {
      const html = readFileSync(`${site.outDir}${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');
      expect(html, path).not.toMatch(/\son[a-z]+="/);
      expect(html, path).not.toMatch(/\sstyle="/);
    }
  });

  it('stays accessible with search open and with the simulator and diagrams loaded', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const page = await contexts[theme]!.newPage();
      await page.goto(`${server.origin}/notes/deployment-guardrails/`);
      await page.locator('guardrails-simulator').scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator('.sim-form').isVisible()).toBe(true);
      await page.keyboard.press('/');
      await page.locator('#search-input').fill('rollback');
      await page.locator('#search-results [role="option"]').first().waitFor();
      expect(await axeViolations(page), theme).toEqual([]);
      await page.close();
    }
  });

  it('can be used from the keyboard alone: skip link, search, a result, and a copy-link button', async () => {
    const page = await contexts.light!.newPage();
    await page.goto(`${server.origin}/notes/eks/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('fargate');
    await page.locator('#search-results [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/highlight=fargate/);
    // Tab to the first copy-link button: it shows itself when focused.
    let focused = '';
    for (let presses = 0; presses < 80 && !focused.includes('copy-link'); presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toContain('copy-link');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).opacity)).toBe('1');
    await page.close();
  });
});
