import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { buildSite, removeBuilds, repoRoot } from '../support/build-site.ts';
import { servedSite } from '../support/served-site.ts';
import { serveStatic } from '../support/static-server.ts';

const site = inject('site');

describe.skipIf(!browserAvailable())('reading a note in the browser', () => {
  const served = servedSite(site.outDir);

  async function desktop(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    return served.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  }

  it('copies the full URL of a section and says so', async () => {
    const context = await desktop();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.server.origin });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/eks/`);
    const heading = page.locator('.heading-wrapper', { has: page.locator('#data-volumes') });
    await heading.hover();
    const button = heading.getByRole('button', { name: 'Copy link to section: Data volumes' });
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${served.server.origin}/notes/eks/#data-volumes`,
    );
    await expect
      .poll(() => page.locator('#copy-status').textContent())
      .toBe(`Link copied: ${served.server.origin}/notes/eks/#data-volumes`);
    expect(await button.getAttribute('data-state')).toBe('Link copied');
    // The note says so beside the button, not as a bar across the column.
    const badge = heading.locator('.copy-badge');
    const badgeBox = (await badge.boundingBox())!;
    expect(badgeBox.width).toBeLessThan(150);
    const headingBox = (await page.locator('#data-volumes').boundingBox())!;
    expect(badgeBox.y).toBeGreaterThan(headingBox.y + headingBox.height - 1);
    await context.close();
  });

  it('shows a glossary definition beside a term on hover and on keyboard focus, and Escape hides it', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/networking-and-access/`);
    // Islands that arrive when the page is idle add controls beside headings; hover once they are in.
    await page.waitForLoadState('networkidle');
    const term = page.locator('.note-body a.term', { hasText: /^VPC$/ }).first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    const popup = page.locator('.term-popup');
    await expect.poll(() => popup.textContent()).toMatch(/^virtual private cloud: /i);
    await page.mouse.move(5, 5);
    await expect.poll(() => popup.count()).toBe(0);
    await term.focus();
    await expect.poll(() => popup.isVisible()).toBe(true);
    const box = await popup.boundingBox();
    const termBox = (await term.boundingBox())!;
    expect(box!.y).toBeGreaterThan(termBox.y);
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
    expect(
      await term.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby')!)!.textContent),
    ).toMatch(/virtual private cloud/i);
    await context.close();
  });

  it('marks the section being read in the table of contents as the reader scrolls', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/networking-and-access/`);
    const current = () => page.locator('.toc a[aria-current="true"]').getAttribute('href');
    await expect.poll(current).toBe('#vpc');
    // A section with a long table under its heading, so it alone fills the top third of the window.
    await page.evaluate(() =>
      document.getElementById('security-groups-vs-network-acls')!.scrollIntoView({ block: 'start' }),
    );
    await expect.poll(current).toBe('#security-groups-vs-network-acls');
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(current).toBe('#vpc');
    await context.close();
  });

  it('brings a reader arriving at #section to that section and marks it', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/step-functions/#standard-vs-express-workflows`);
    const top = await page
      .locator('#standard-vs-express-workflows')
      .evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(200);
    const animation = await page
      .locator('.heading-wrapper:has(#standard-vs-express-workflows)')
      .evaluate((element) => getComputedStyle(element).animationName);
    expect(animation).toBe('arrive');
    await context.close();
  });

  it('remembers the chosen theme and applies it before the first paint on the next page', async () => {
    const context = await desktop({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/eks/`);
    await page.getByLabel('Colour theme').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    // Record the theme at the very first moment the next document exists, before any paint.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtFirstBody: string | undefined }).themeAtFirstBody =
            document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${served.server.origin}/notes/horovod/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtFirstBody: string }).themeAtFirstBody)).toBe(
      'dark',
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 22, 27)');
    expect(await page.getByLabel('Colour theme').inputValue()).toBe('dark');

    await page.getByLabel('Colour theme').selectOption('system');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await context.close();
  });

  it('folds the sidebar and the table of contents into keyboard-usable menus on a phone', async () => {
    const context = await served.browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/eks/`);
    const sidebarLink = page
      .getByRole('navigation', { name: 'Notes' })
      .getByRole('link', { name: 'AWS Step Functions' });
    expect(await sidebarLink.isVisible()).toBe(false);
    const menu = page.locator('.sidebar-menu > .menu-toggle > summary');
    await menu.focus();
    await page.keyboard.press('Enter');
    // Every topic is listed; the one being read is open, the others fold, one keypress from their notes.
    expect(await page.locator('.sidebar-group').count()).toBe(5);
    expect(await page.locator('.sidebar-group[open]').count()).toBe(1);
    expect(
      await page.getByRole('navigation', { name: 'Notes' }).getByRole('link', { name: 'Amazon EKS' }).isVisible(),
    ).toBe(true);
    expect(await sidebarLink.isVisible()).toBe(false);
    const events = page.locator('.sidebar-topic', { hasText: 'Events and orchestration' });
    await events.focus();
    await page.keyboard.press('Enter');
    expect(await sidebarLink.isVisible()).toBe(true);
    const toc = page.locator('.toc-menu summary');
    await toc.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Data volumes' }).click();
    await page.waitForURL('**/notes/eks/#data-volumes');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await context.close();
  });

  it('reaches home, Review, Glossary and the course map from the header, in a menu on a phone', async () => {
    const wide = await desktop();
    const page = await wide.newPage();
    await page.goto(`${served.server.origin}/notes/horovod/`);
    const nav = page.getByRole('navigation', { name: 'Study pages' });
    // The Review link also carries the number of questions due.
    for (const name of [/^Notes$/, /^Course map$/, /^Glossary$/, /^Review\b/]) {
      expect(await nav.getByRole('link', { name }).isVisible()).toBe(true);
    }
    await nav.getByRole('link', { name: 'Glossary' }).click();
    await page.waitForURL('**/glossary/');
    expect(await nav.getByRole('link', { name: 'Glossary' }).getAttribute('aria-current')).toBe('page');
    await wide.close();

    const phone = await served.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const tab = await phone.newPage();
    await tab.goto(`${served.server.origin}/notes/eks/`);
    const review = tab.getByRole('navigation', { name: 'Study pages' }).getByRole('link', { name: 'Review' });
    expect(await review.isVisible()).toBe(false);
    await tab.locator('.site-menu-toggle > summary').click();
    await review.click();
    await tab.waitForURL('**/review/');
    await phone.close();
  });

  it('lists the end-of-note quiz in "On this page"', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/eks/`);
    const entry = page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Test yourself' });
    expect(await entry.getAttribute('href')).toBe('#note-quiz-title');
    expect(await page.locator('#note-quiz-title').count()).toBe(1);
    await context.close();
  });

  it('keeps reading, navigation, the table of contents and section links working without JavaScript', async () => {
    const context = await desktop({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/`);
    await page.getByRole('link', { name: 'Amazon EKS' }).first().click();
    await page.waitForURL('**/notes/eks/');
    expect(await page.getByRole('navigation', { name: 'On this page' }).isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Data volumes' }).click();
    await page.waitForURL('**/notes/eks/#data-volumes');
    expect(await page.locator('.anchor-link[href="#data-volumes"]').count()).toBe(1);
    expect(await page.locator('.copy-link').first().isVisible()).toBe(false);
    await page.getByRole('link', { name: /Next/ }).click();
    await page.waitForURL('**/notes/networking-and-access/');
    await context.close();
  });
});

describe.skipIf(!browserAvailable())('an old section link after a heading was renamed', () => {
  it('still brings the reader to the renamed section', async () => {
    const build = await buildSite({ notesDir: path.join(repoRoot, 'tests/fixtures/moved-sections/notes') });
    expect(build.exitCode, build.log).toBe(0);
    const server = await serveStatic(build.outDir);
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 500 } });
    await page.goto(`${server.origin}/notes/guardrails/#linear-mode`);
    const top = await page.locator('#linear-steps').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(150);
    expect(
      await page
        .locator('.heading-wrapper:has(#linear-mode)')
        .evaluate((element) => getComputedStyle(element).animationName),
    ).toBe('arrive');
    await browser.close();
    await server.close();
    await removeBuilds();
  });
});
