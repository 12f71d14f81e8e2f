import type { Page } from 'playwright-core';

/** Types a query into the open search dialog and waits until its results are on screen. */
export async function typeQuery(page: Page, query: string): Promise<void> {
  const rendered = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.querySelector('search-dialog')!.addEventListener('search-rendered', () => resolve(), { once: true }),
      ),
  );
  await page.locator('#search-input').fill(query);
  await rendered;
}

/** The result options as the reader sees them, top to bottom, with the highlight parameter dropped. */
export async function resultOptions(page: Page): Promise<{ kind: 'note' | 'section'; href: string; title: string }[]> {
  return page.locator('#search-results [role="option"]').evaluateAll((options) =>
    options.map((option) => {
      const url = new URL((option as HTMLAnchorElement).href);
      url.searchParams.delete('highlight');
      return {
        kind: option.classList.contains('search-option-section') ? ('section' as const) : ('note' as const),
        href: `${url.pathname}${url.search}${url.hash}`,
        title: option.querySelector('.search-option-title')!.textContent ?? '',
      };
    }),
  );
}
