import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { servedSite } from '../support/served-site.ts';
import { overlappingLabels, polylineCrossesBox, type LabelBox, type Point } from '../support/svg-labels.ts';

const site = inject('site');

/** What a learner meets in the guardrails simulator and the shadow demo, on a phone and on a desktop. */
describe.skipIf(!browserAvailable()).each([360, 1280])('the guardrails tools at %i px', (width) => {
  const served = servedSite(site.outDir);
  let page: Page;

  // A fresh page for each test, so one learner's path never starts where another left off.
  beforeEach(async () => {
    const context = await served.browser.newContext({ viewport: { width, height: 800 } });
    page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/deployment-guardrails/`);
    await page.waitForLoadState('networkidle');
    await simulator().scrollIntoViewIfNeeded();
    await simulator().locator('.sim-form').waitFor({ state: 'visible' });
    return () => context.close();
  });

  const simulator = () => page.locator('guardrails-simulator');
  const chart = () => simulator().locator('svg.sim-chart');
  const outcome = () => simulator().locator('.sim-outcome').textContent();
  const tripAlarm = () => simulator().getByRole('button', { name: 'Trip alarm' }).click();
  const clearAlarm = async () => {
    const clear = simulator().getByRole('button', { name: 'Clear alarm' });
    if (await clear.isEnabled()) await clear.click();
    await expect.poll(outcome).toMatch(/completed/);
  };

  /** Where the alarm line is drawn, as a share of the chart's width from its left edge. */
  const alarmPosition = () =>
    chart().evaluate((svg) => {
      const line = svg.querySelector('.sim-alarm');
      if (!line) return undefined;
      const box = svg.getBoundingClientRect();
      return (line.getBoundingClientRect().x - box.x) / box.width;
    });

  /** Every text label of the chart, as a box on the page. */
  const textBoxes = (): Promise<LabelBox[]> =>
    chart().evaluate((svg) =>
      [...svg.querySelectorAll('text')].map((text) => {
        const { x, y, width, height } = text.getBoundingClientRect();
        return { label: text.textContent ?? '', x, y, width, height };
      }),
    );

  /** Every line and curve of the chart (not the shaded area) as runs of points on the page, one per subpath. */
  const strokes = (): Promise<{ name: string; runs: Point[][] }[]> =>
    chart().evaluate((svg) =>
      [...svg.querySelectorAll<SVGGeometryElement>('line, path:not(.sim-area-green)')].map((shape) => {
        const matrix = shape.getScreenCTM()!;
        const runs: { x: number; y: number }[][] = [];
        let previous: DOMPoint | undefined;
        for (let at = 0; at <= shape.getTotalLength(); at += 1) {
          const point = shape.getPointAtLength(at).matrixTransform(matrix);
          // A jump between samples 1 unit apart along the path is a move to a new subpath.
          if (!previous || Math.hypot(point.x - previous.x, point.y - previous.y) > 3) runs.push([]);
          runs.at(-1)!.push({ x: point.x, y: point.y });
          previous = point;
        }
        return { name: shape.getAttribute('class') ?? shape.tagName, runs };
      }),
    );

  it('trips the first alarm during a baking period and draws the whole timeline', async () => {
    await tripAlarm();
    await expect.poll(outcome).toMatch(/went into ALARM at .* during "Baking period/);
    const position = await alarmPosition();
    expect(position).toBeGreaterThan(0.15);
    expect(position).toBeLessThan(0.85);
    // The time axis still runs to the end of the plan (30 min), not to the moment of the rollback.
    expect(await chart().locator('text.sim-tick').allTextContents()).toContain('30 min');
    await clearAlarm();
  });

  it('moves the tripped alarm with the slider', async () => {
    const slider = simulator().getByLabel('Alarm goes off at');
    await slider.fill('600');
    await tripAlarm();
    await expect.poll(outcome).toMatch(/went into ALARM at 10 min during/);
    const before = await alarmPosition();
    await slider.fill('1200');
    await expect.poll(outcome).toMatch(/went into ALARM at 20 min during/);
    expect(await alarmPosition()).toBeGreaterThan(before! + 0.1);
    await clearAlarm();
  });

  it('shows no old plan while a value is invalid', async () => {
    const canary = simulator().getByLabel('Canary size value');
    await canary.fill('75');
    await expect.poll(() => simulator().locator('.sim-issues').textContent()).toMatch(/CanarySize must be at most/);
    await expect.poll(() => simulator().locator('.sim-phases li').count()).toBe(0);
    expect(await chart().count()).toBe(0);
    expect(await simulator().locator('.sim-table tbody tr').count()).toBe(0);
    await canary.fill('25');
    await expect.poll(() => simulator().locator('.sim-phases li').count()).toBeGreaterThan(5);
    expect(await chart().count()).toBe(1);
  });

  it('asks for a whole number within the field’s bounds when a field is emptied', async () => {
    const issues = () => simulator().locator('.sim-issues').textContent();
    for (const [label, range] of [
      ['Instances in the fleet', 'from 1 to 100'],
      ['Wait interval / baking period (s)', 'from 0 to 3600'],
      ['Canary size value', 'from 1 to 50'],
    ] as const) {
      const field = simulator().getByLabel(label);
      const value = await field.inputValue();
      await field.fill('');
      await expect.poll(issues).toContain(`Enter a whole number ${range}`);
      expect(await issues()).not.toContain('NaN');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await field.fill(value);
      await expect.poll(() => simulator().locator('.sim-issues li.sim-issue-error').count()).toBe(0);
    }

    const demo = page.locator('shadow-traffic');
    await demo.scrollIntoViewIfNeeded();
    await expect.poll(() => demo.locator('.shadow-form').isVisible()).toBe(true);
    await demo.getByLabel('Traffic sampling percentage').fill('');
    await expect
      .poll(() => demo.locator('.shadow-error').textContent())
      .toContain('Enter a whole number from 1 to 100');
    expect(await demo.locator('.shadow-error').textContent()).not.toContain('NaN');
    await demo.getByLabel('Traffic sampling percentage').fill('25');
    await expect.poll(() => demo.locator('.shadow-error').textContent()).toBe('');
    await simulator().scrollIntoViewIfNeeded();
  });

  it('draws no text label over another, nor a line through one, whatever the mode or the alarm', async () => {
    const overlaps: string[] = [];
    const check = async (state: string) => {
      const texts = await textBoxes();
      for (const overlap of overlappingLabels(texts)) overlaps.push(`${state}: ${overlap}`);
      for (const stroke of await strokes()) {
        for (const text of texts) {
          if (stroke.runs.some((run) => polylineCrossesBox(run, text, 1))) {
            overlaps.push(`${state}: ${stroke.name} runs through "${text.label}"`);
          }
        }
      }
    };
    await check('default');
    const slider = simulator().getByLabel('Alarm goes off at');
    for (const [mode, name] of [
      ['all at once', 'Blue/green, all at once'],
      ['canary', 'Blue/green, canary'],
      ['linear', 'Blue/green, linear'],
      ['rolling', 'Rolling'],
    ] as const) {
      await simulator().getByRole('radio', { name, exact: true }).check();
      await expect.poll(() => chart().getAttribute('aria-label')).toMatch(new RegExp(mode, 'i'));
      await check(mode);
      const max = Number(await slider.getAttribute('max'));
      for (const share of [0, 0.1, 0.5, 0.95]) {
        await slider.fill(String(Math.round((max * share) / 30) * 30));
        await tripAlarm();
        await expect.poll(() => chart().locator('.sim-alarm').count()).toBe(1);
        await check(`${mode}, alarm at ${Math.round(share * 100)}%`);
      }
      await clearAlarm();
    }
    await simulator().getByRole('radio', { name: 'Blue/green, canary' }).check();
    expect(overlaps).toEqual([]);
  });

  it('fits the chart in the page, every label inside it and readable', async () => {
    const fit = await simulator()
      .locator('.sim-chart-box')
      .evaluate((box) => {
        const svg = box.querySelector('svg')!.getBoundingClientRect();
        const texts = [...box.querySelectorAll('svg text')].map((text) => text.getBoundingClientRect());
        return {
          scrolls: box.scrollWidth > box.clientWidth,
          svgRight: svg.right,
          pageWidth: document.documentElement.clientWidth,
          outside: texts.filter((text) => text.left < svg.left - 0.5 || text.right > svg.right + 0.5).length,
          smallest: Math.min(...texts.map((text) => text.height)),
        };
      });
    expect(fit.scrolls).toBe(false);
    expect(fit.svgRight).toBeLessThanOrEqual(fit.pageWidth);
    expect(fit.outside).toBe(0);
    expect(fit.smallest).toBeGreaterThanOrEqual(11);
  });

  it('shows both fleets where they run the same number of instances', async () => {
    // In the default canary, both fleets run 4 instances from the end of provisioning (5 min) until
    // blue is terminated: in that stretch of the instances panel, both lines must show.
    const colours = await chart().evaluate((svg) => {
      const [blue, green] = ['.sim-line-blue', '.sim-line-green'].map((selector) =>
        getComputedStyle(svg.querySelector(selector)!)
          .stroke.match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map(Number),
      );
      return { blue: blue!, green: green! };
    });
    const region = await chart().evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      // The vertical gridlines run from 0 to the end of the time axis, the plan's 30 minutes.
      const times = [...svg.querySelectorAll('.sim-grid')]
        .map((line) => line.getBoundingClientRect())
        .filter((line) => line.height > line.width)
        .map((line) => line.x + line.width / 2 - box.x);
      const start = Math.min(...times);
      const end = Math.max(...times);
      const title = [...svg.querySelectorAll('text')]
        .find((text) => text.textContent === 'Instances running')!
        .getBoundingClientRect();
      const axis = svg.querySelector('text.sim-tick')!.getBoundingClientRect();
      // From 10 to 20 minutes, between the panel's title and the time axis.
      return {
        x: start + (end - start) / 3,
        y: title.bottom - box.y,
        width: (end - start) / 3,
        height: axis.top - title.bottom,
      };
    });
    const png = await chart().screenshot();
    const counts = await page.evaluate(
      async ({ bytes, region, colours }) => {
        const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(
          Math.round(region.x),
          Math.round(region.y),
          Math.round(region.width),
          Math.round(region.height),
        );
        const near = (i: number, [r, g, b]: number[]) =>
          Math.hypot(data[i]! - r!, data[i + 1]! - g!, data[i + 2]! - b!) < 40;
        let blue = 0;
        let green = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (near(i, colours.blue)) blue += 1;
          if (near(i, colours.green)) green += 1;
        }
        return { blue, green };
      },
      { bytes: [...png], region, colours },
    );
    expect(counts.green).toBeGreaterThan(20);
    expect(counts.blue).toBeGreaterThan(20);
  });
});

describe.skipIf(!browserAvailable())('the tools’ markup, built and upgraded', () => {
  const served = servedSite(site.outDir);

  it('is the same whether the build or the island drew it', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/deployment-guardrails/`);
    await page.waitForLoadState('networkidle');
    const selectors = [
      'guardrails-simulator .sim-issues',
      'guardrails-simulator .sim-outcome',
      'guardrails-simulator .sim-phases',
      'guardrails-simulator .sim-table tbody',
      'guardrails-simulator .sim-json-code',
      'guardrails-simulator .sim-alarm-time',
      'shadow-traffic .shadow-error',
      'shadow-traffic .shadow-summary',
      'shadow-traffic .shadow-requests',
    ];
    const built = await page.evaluate(async (selectors) => {
      const html = await (await fetch(location.href)).text();
      const document = new DOMParser().parseFromString(html, 'text/html');
      return selectors.map((selector) => document.querySelector(selector)!.innerHTML);
    }, selectors);

    await page.locator('guardrails-simulator').scrollIntoViewIfNeeded();
    await page.locator('guardrails-simulator .sim-form').waitFor({ state: 'visible' });
    const demo = page.locator('shadow-traffic');
    await demo.scrollIntoViewIfNeeded();
    await demo.locator('.shadow-form').waitFor({ state: 'visible' });
    // The demo draws on input: the same percentage again makes it draw the default once more.
    await demo.getByLabel('Traffic sampling percentage').fill('25');
    const upgraded = await page.evaluate(
      (selectors) => selectors.map((selector) => document.querySelector(selector)!.innerHTML),
      selectors,
    );
    expect(upgraded).toEqual(built);
    expect(built[2]).toContain('<li>');
    await context.close();
  });
});
