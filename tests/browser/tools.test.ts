import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';

const site = inject('site');

describe.skipIf(!browserAvailable())('the deployment guardrails simulator', () => {
  let server: StaticSite;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(site.outDir);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${server.origin}/notes/deployment-guardrails/`);
    await page.waitForLoadState('networkidle');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const simulator = () => page.locator('guardrails-simulator');

  it('shows a real timeline without JavaScript and loads its code only when scrolled to', async () => {
    expect(requests.some((url) => url.includes('guardrails-simulator'))).toBe(false);
    expect(await simulator().locator('svg.sim-chart').count()).toBe(1);
    await simulator().scrollIntoViewIfNeeded();
    await expect.poll(() => simulator().locator('.sim-form').isVisible()).toBe(true);
    expect(requests.some((url) => url.includes('guardrails-simulator'))).toBe(true);
  });

  it('rejects a canary larger than half the fleet, naming the limit', async () => {
    await simulator().getByLabel('Canary size value').fill('75');
    await expect
      .poll(() => simulator().locator('.sim-issues').textContent())
      .toMatch(/CanarySize must be at most 50% of the fleet/);
    expect(await simulator().getByLabel('Canary size value').getAttribute('aria-invalid')).toBe('true');
    await simulator().getByLabel('Canary size value').fill('25');
    await expect.poll(() => simulator().locator('.sim-issues li.sim-issue-error').count()).toBe(0);
  });

  it('picks canary, trips an alarm during the canary bake and shows the rollback', async () => {
    await simulator().getByLabel('Blue/green, canary').check();
    const slider = simulator().getByLabel('Alarm goes off at');
    await slider.fill('600');
    await simulator().getByRole('button', { name: 'Trip alarm' }).click();
    await expect.poll(() => simulator().locator('.sim-outcome').textContent()).toMatch(/roll/i);
    const rows = await simulator().locator('.sim-table tbody tr').allTextContents();
    expect(rows.some((row) => /alarm/.test(row))).toBe(true);
    expect(rows.at(-1)).toMatch(/0%/); // all traffic back on blue
    expect(await simulator().locator('svg .sim-alarm').count()).toBe(1);
    await simulator().getByRole('button', { name: 'Clear alarm' }).click();
    await expect.poll(() => simulator().locator('.sim-outcome').textContent()).toMatch(/completed/);
  });

  it('switches to linear and rolling, updating the phases and the UpdateEndpoint JSON', async () => {
    await simulator().getByLabel('Blue/green, linear').check();
    await expect
      .poll(
        async () =>
          JSON.parse((await simulator().locator('.sim-json-code').textContent())!).DeploymentConfig
            .BlueGreenUpdatePolicy.TrafficRoutingConfiguration.Type,
      )
      .toBe('LINEAR');
    expect(await simulator().locator('.sim-phases li').count()).toBeGreaterThan(6);
    await simulator().getByRole('radio', { name: 'Rolling' }).check();
    const json = JSON.parse((await simulator().locator('.sim-json-code').textContent())!);
    expect(json.DeploymentConfig.RollingUpdatePolicy.MaximumBatchSize).toEqual({ Type: 'INSTANCE_COUNT', Value: 1 });
    expect(await simulator().getByLabel('Canary size value').isVisible()).toBe(false);
    await simulator().getByRole('button', { name: 'Copy JSON' }).click();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(json);
  });

  it('shows which requests a shadow variant receives, and that production answers them all', async () => {
    const demo = page.locator('shadow-traffic');
    await demo.scrollIntoViewIfNeeded();
    await expect.poll(() => demo.locator('.shadow-form').isVisible()).toBe(true);
    await demo.getByLabel('Traffic sampling percentage').fill('50');
    await expect
      .poll(() => demo.locator('.shadow-summary').textContent())
      .toMatch(/^20 of 20 requests answered by production; 10 copies/);
    expect(await demo.locator('li.is-copied').count()).toBe(10);
    await demo.getByLabel('Traffic sampling percentage').fill('0');
    await expect.poll(() => demo.locator('.shadow-error').textContent()).not.toBe('');
  });
});
