import { describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { typeQuery } from '../support/search-page.ts';
import { servedSite } from '../support/served-site.ts';

const site = inject('site');

// Timed: vitest.config.ts runs this file after the others, on its own.
describe.skipIf(!browserAvailable())('search latency', () => {
  const served = servedSite(site.outDir);

  it('shows first results within 50 ms of the debounced query, and within 100 ms of the last keystroke', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${served.server.origin}/`);
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('/');
    await typeQuery(page, 'warm');
    const fromQuery: number[] = [];
    const fromKeystroke: number[] = [];
    for (const query of ['rollback', 'subnet', 'allreduce', 'eventbridge', 'glue', 'private load balancer', 'spot']) {
      const [afterQuery, afterKeystroke] = await page.evaluate(async (text) => {
        const dialog = document.querySelector('search-dialog')!;
        const input = document.querySelector<HTMLInputElement>('#search-input')!;
        const done = new Promise<number>((resolve) =>
          dialog.addEventListener(
            'search-rendered',
            (event) => resolve((event as CustomEvent<{ fired: number }>).detail.fired),
            { once: true },
          ),
        );
        input.value = text;
        const typed = performance.now();
        input.dispatchEvent(new Event('input'));
        const fired = await done;
        const rendered = performance.now();
        return [rendered - fired, rendered - typed];
      }, query);
      fromQuery.push(afterQuery!);
      fromKeystroke.push(afterKeystroke!);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(
      `Time to first results (ms): from the debounced query ${fromQuery.map((time) => time.toFixed(1)).join(', ')}; median ${median(fromQuery).toFixed(1)}. From the last keystroke: median ${median(fromKeystroke).toFixed(1)}`,
    );
    expect(median(fromQuery)).toBeLessThan(50);
    expect(median(fromKeystroke)).toBeLessThan(100);
    await page.close();
  });
});
