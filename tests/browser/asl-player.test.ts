import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { servedSite } from '../support/served-site.ts';

const site = inject('site');
const PLAYER_CHUNK = /\/asl-player\.[\w-]+\.js$/;

describe.skipIf(!browserAvailable())('stepping through the Step Functions state machine', () => {
  const served = servedSite(site.outDir);

  async function openNote(options: BrowserContextOptions = {}): Promise<{ page: Page; requests: string[] }> {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${served.server.origin}/notes/step-functions/`);
    await page.waitForLoadState('networkidle');
    return { page, requests };
  }

  /** Scrolls to the player and waits until it has upgraded its markup. */
  async function reachPlayer(page: Page): Promise<void> {
    await page.locator('asl-player').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByRole('group', { name: 'Step through an execution' }).isVisible()).toBe(true);
  }

  const current = (page: Page) =>
    page.evaluate(() => document.querySelector<SVGGElement>('figure.asl-diagram g.asl-current')?.dataset.state ?? null);
  const status = (page: Page) => page.locator('.asl-player-status').textContent();
  const fact = (page: Page, term: string) => page.locator(`.asl-player-facts dt:text-is("${term}") + dd`).textContent();
  const json = async (page: Page, title: string) =>
    JSON.parse(
      (await page.locator(`.asl-player-json:has(> .asl-player-json-title:text-is("${title}")) pre`).textContent())!,
    ) as unknown;

  it('loads the player only once the diagram is reached, and steps the 0.95 scenario to a deployment', async () => {
    const { page, requests } = await openNote();
    expect(requests.filter((url) => PLAYER_CHUNK.test(url))).toEqual([]);
    expect(await page.locator('.asl-player-nojs').isVisible()).toBe(true);

    await reachPlayer(page);
    expect(requests.filter((url) => PLAYER_CHUNK.test(url))).toHaveLength(1);
    expect(await page.locator('.asl-player-nojs').isVisible()).toBe(false);
    expect(await page.getByLabel('Execution input').inputValue()).toContain('"detail-type": "Object Created"');
    expect(await page.getByLabel('Task results').inputValue()).toContain('"accuracy": 0.95');
    expect(await page.getByRole('button', { name: 'Accuracy 0.95' }).getAttribute('aria-pressed')).toBe('true');

    const visited: (string | null)[] = [];
    const step = page.getByRole('button', { name: 'Step', exact: true });
    for (let i = 0; i < 7; i += 1) {
      await step.click();
      visited.push(await current(page));
      expect(await page.locator('.asl-current-label:visible').count()).toBe(1);
    }
    expect(visited).toEqual([
      'TrainModel',
      'EvaluateModel',
      'CheckAccuracy',
      'CreateModel',
      'CreateEndpointConfig',
      'CreateEndpoint',
      'DeploymentStarted',
    ]);
    expect(await page.locator('.asl-current-label:visible').textContent()).toContain('current');
    expect(await fact(page, 'State')).toBe('DeploymentStarted (Succeed)');
    expect(await fact(page, 'Execution')).toContain('succeeded');
    expect(await status(page)).toMatch(/^Step 7: DeploymentStarted \(Succeed\)\. Execution succeeded/);
    expect(await step.getAttribute('aria-disabled')).toBe('true');
    // The deployment's output still carries the event, with the training job and evaluation added.
    expect(await json(page, 'Output of the execution')).toMatchObject({
      'detail-type': 'Object Created',
      evaluation: { accuracy: 0.95 },
    });
  });

  it('shows the Choice rule and each state’s input and output while stepping', async () => {
    const { page } = await openNote();
    await reachPlayer(page);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await step.click();
    expect(await fact(page, 'Next')).toBe('EvaluateModel');
    expect(await json(page, 'Input')).toMatchObject({ source: 'aws.s3' });
    // The Task's request is its Parameters with the paths filled in from the input and the context object.
    expect(await json(page, 'Request to the service')).toMatchObject({
      TrainingJobName: 'example-execution',
      InputDataConfig: [
        { DataSource: { S3DataSource: { S3Uri: expect.stringMatching(/^s3:\/\/[^{}$]+\/[^{}$]+$/) } } },
      ],
    });
    expect(await json(page, 'Service result')).toMatchObject({ TrainingJobStatus: 'Completed' });
    expect(await json(page, 'Output')).toMatchObject({
      source: 'aws.s3',
      training: { TrainingJobStatus: 'Completed' },
    });
    await step.click();
    await step.click();
    // A Choice sends nothing anywhere.
    expect(await page.locator('.asl-player-json-title').allTextContents()).toEqual(['Input', 'Output']);
    expect(await current(page)).toBe('CheckAccuracy');
    expect(await fact(page, 'Choice')).toBe('rule 1 matched: $.evaluation.accuracy >= 0.9 → CreateModel');
    expect(await status(page)).toContain('Step 3: CheckAccuracy (Choice)');
  });

  it('switches to the 0.5 scenario in one click and runs to the Fail state', async () => {
    const { page } = await openNote();
    await reachPlayer(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Accuracy 0.5' }).click();
    expect(await page.getByRole('button', { name: 'Accuracy 0.5' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Accuracy 0.95' }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByLabel('Task results').inputValue()).toContain('"accuracy": 0.5');
    expect(await current(page)).toBeNull();

    await page.getByRole('button', { name: 'Run to end' }).click();
    expect(await current(page)).toBe('AccuracyTooLow');
    expect(await fact(page, 'Execution')).toContain('failed ✕ with ModelQualityGateFailed');
    expect(await status(page)).toBe(
      'Ran 4 steps: TrainModel, EvaluateModel, CheckAccuracy, AccuracyTooLow. Execution failed ✕ with ModelQualityGateFailed: ' +
        'Evaluation accuracy was below the 0.9 threshold; the model was not deployed.',
    );
    expect(await page.locator('.asl-player-history li').allTextContents()).toHaveLength(4);

    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await current(page)).toBeNull();
    expect(await page.getByRole('button', { name: 'Step', exact: true }).getAttribute('aria-disabled')).toBe('false');
  });

  it('shows retries and the catch when training keeps failing', async () => {
    const { page } = await openNote();
    await reachPlayer(page);
    await page.getByRole('button', { name: 'Training keeps failing' }).click();
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await step.click();
    expect(await fact(page, 'Retry')).toBe('retry 1 of 3 after 10 s (Retry[0]: SageMaker.AmazonSageMakerException)');
    // The live region says the panel's rows as one sentence.
    expect(await status(page)).toBe(
      'Step 1: TrainModel (Task); Error: SageMaker.AmazonSageMakerException: ResourceLimitExceeded: no ml.m5.xlarge ' +
        'capacity; Retry: retry 1 of 3 after 10 s (Retry[0]: SageMaker.AmazonSageMakerException); Next: TrainModel.',
    );
    await page.getByRole('button', { name: 'Run to end' }).click();
    expect(await current(page)).toBe('PipelineFailed');
    expect(await fact(page, 'Execution')).toBe(
      'failed ✕ with PipelineStepFailed: Training, evaluation or a deployment call failed after retries.',
    );
    expect(await page.locator('.asl-player-history li').allTextContents()).toEqual([
      'TrainModel (Task) failed, retried',
      'TrainModel (Task) failed, retried',
      'TrainModel (Task) failed, retried',
      'TrainModel (Task) failed, caught → PipelineFailed',
      'PipelineFailed (Fail) ✕ failed',
    ]);
  });

  it('explains invalid JSON in a textarea instead of failing, and is driven by the keyboard', async () => {
    const { page } = await openNote();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await reachPlayer(page);
    const input = page.getByLabel('Execution input');
    await input.fill('{ "detail": ');
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await step.focus();
    await page.keyboard.press('Enter');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.asl-player-error').first().textContent()).toMatch(
      /^Execution input is not valid JSON: /,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('input');
    expect(await current(page)).toBeNull();

    await input.fill('{}');
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Task results').fill('[1, 2]');
    await step.focus();
    await page.keyboard.press('Space');
    expect(await page.locator('.asl-player-error').nth(1).textContent()).toContain('Task results must be an object');
    expect(await page.getByRole('button', { name: 'Accuracy 0.95' }).getAttribute('aria-pressed')).toBe('false');

    // With a valid input that lacks the S3 fields, the execution fails the way Step Functions would.
    await page.getByRole('button', { name: 'Accuracy 0.95' }).click();
    await page.getByRole('button', { name: 'Run to end' }).focus();
    await page.keyboard.press('Enter');
    expect(await fact(page, 'Execution')).toContain('failed');
    const outline = await page
      .getByRole('button', { name: 'Run to end' })
      .evaluate((button) => getComputedStyle(button).outlineStyle);
    expect(outline).toBe('solid');
    expect(errors).toEqual([]);
  });

  it('keeps the page within a phone’s width: the diagram scrolls sideways instead', async () => {
    const { page } = await openNote({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await reachPlayer(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const scroller = page.locator('.asl-diagram-scroll');
    const { scrollWidth, clientWidth } = await scroller.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    // It opens at its start, not cropped on both sides, and says that more of it is off to the side.
    expect(await scroller.evaluate((element) => element.scrollLeft)).toBe(0);
    const fits = await scroller.evaluate((element) => {
      const frame = element.getBoundingClientRect();
      return ['g[data-terminal="start"]', 'g[data-state="TrainModel"]', 'g[data-state="CheckAccuracy"]'].every(
        (selector) => {
          const box = element.querySelector(selector)!.getBoundingClientRect();
          return box.left >= frame.left && box.right <= frame.right;
        },
      );
    });
    expect(fits).toBe(true);
    await expect.poll(() => page.locator('.asl-scroll-hint').isVisible()).toBe(true);
  });

  it('keeps the sideways hint hidden where the diagram fits', async () => {
    const { page } = await openNote();
    await reachPlayer(page);
    expect(await page.locator('.asl-scroll-hint').isVisible()).toBe(false);
  });

  it('shows the diagram and says the player needs JavaScript when scripts are off', async () => {
    const { page } = await openNote({ javaScriptEnabled: false });
    const figure = page.locator('figure.asl-diagram');
    await figure.scrollIntoViewIfNeeded();
    expect(await figure.locator('svg[role="img"]').isVisible()).toBe(true);
    expect(await figure.getByText('Stepping through this state machine needs JavaScript.').isVisible()).toBe(true);
    expect(await figure.locator('textarea').first().isVisible()).toBe(false);
  });

  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`draws the figure readably at ${width} px in the ${colorScheme} theme (screenshot /tmp/asl-${width}-${colorScheme}.png)`, async () => {
        const { page } = await openNote({ viewport: { width, height: 800 }, colorScheme });
        await reachPlayer(page);
        for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Step', exact: true }).click();
        const text = await page
          .locator('figure.asl-diagram g[data-state="CheckAccuracy"] text')
          .first()
          .evaluate((node) => getComputedStyle(node).fill);
        expect(text).toBe(colorScheme === 'dark' ? 'rgb(230, 234, 239)' : 'rgb(27, 31, 36)');
        // From the top, as a full-page capture, so the sticky site header is not stamped over the figure.
        await page.evaluate(() => scrollTo(0, 0));
        const clip = await page.locator('figure.asl-diagram').evaluate((figure) => {
          const box = figure.getBoundingClientRect();
          return { x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height };
        });
        await page.screenshot({ path: `/tmp/asl-${width}-${colorScheme}.png`, fullPage: true, clip });
      });
    }
  }
});
