import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { servedSite } from '../support/served-site.ts';

const site = inject('site');

describe.skipIf(!browserAvailable())('ordering and matching questions', () => {
  const served = servedSite(site.outDir);
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
  });

  async function freshPage(): Promise<Page> {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    contexts.push(context);
    return context.newPage();
  }

  /**
   * Answers with the keyboard alone: Tab reaches each select in turn, arrow keys pick the option
   * (option n + 1, after the placeholder), and Enter on Check answer checks.
   */
  async function answerByKeyboard(page: Page, question: Locator, values: readonly number[]): Promise<void> {
    await question.locator('select').first().focus();
    for (const [index, value] of values.entries()) {
      if (index > 0) await page.keyboard.press('Tab');
      for (let step = 0; step <= value; step++) await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Check answer');
    await page.keyboard.press('Enter');
  }

  /** Scrolls to the end-of-note quiz, which fetches its questions as the reader reaches it. */
  async function reachQuiz(page: Page): Promise<void> {
    await page.locator('note-quiz').scrollIntoViewIfNeeded();
  }

  async function rights(question: Locator): Promise<number[]> {
    return question
      .locator('.quiz-part')
      .evaluateAll((parts) => parts.map((part) => Number((part as HTMLElement).dataset.right)));
  }

  it('answers an ordering question with the keyboard: wrong, then right after Retry', async () => {
    const page = await freshPage();
    await page.goto(`${served.server.origin}/notes/horovod/`);
    const question = page.locator('note-quiz .quiz-question[data-kind="ordering"]');
    await reachQuiz(page);
    await question.scrollIntoViewIfNeeded();
    await question.getByRole('button', { name: 'Check answer' }).waitFor();
    const right = await rights(question);
    expect(right.every((position, index) => position === index)).toBe(false); // shown shuffled

    const swapped = [...right];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    await answerByKeyboard(page, question, swapped);
    await expect.poll(() => question.getByRole('status').textContent()).toMatch(/^Not right: .* in 10 minutes\.$/);
    expect(await question.locator('.quiz-part').nth(0).locator('.quiz-mark').textContent()).toBe(
      `✗ Wrong: it is step ${right[0]! + 1}`,
    );
    expect(await question.locator('.quiz-part[data-mark="right"]').count()).toBe(right.length - 2);

    await page.keyboard.press('Enter'); // Retry has the focus after a check
    await answerByKeyboard(page, question, right);
    await expect.poll(() => question.getByRole('status').textContent()).toMatch(/^Right\. Saved/);
    expect(await question.locator('.quiz-part[data-mark="right"]').count()).toBe(right.length);
    const key = (await question.getAttribute('data-card'))!;
    const card = await page.evaluate((k) => JSON.parse(localStorage.getItem('study-progress')!).cards[k], key);
    expect(card).toMatchObject({ grade: 2 });
  });

  it('asks for every position, each once, before checking', async () => {
    const page = await freshPage();
    await page.goto(`${served.server.origin}/notes/horovod/`);
    const question = page.locator('note-quiz .quiz-question[data-kind="ordering"]');
    await reachQuiz(page);
    await question.scrollIntoViewIfNeeded();
    await question.getByRole('button', { name: 'Check answer' }).waitFor();
    await question.getByRole('button', { name: 'Check answer' }).click();
    expect(await question.locator('.quiz-result').textContent()).toBe('Give every step a position first.');
    await answerByKeyboard(
      page,
      question,
      (await rights(question)).map(() => 0),
    );
    expect(await question.locator('.quiz-result').textContent()).toBe('Give each step a different position.');
  });

  it('answers a matching question with the keyboard alone, and by touch', async () => {
    const page = await freshPage();
    await page.goto(`${served.server.origin}/notes/networking-and-access/`);
    const question = page.locator('note-quiz .quiz-question[data-kind="matching"]');
    await reachQuiz(page);
    await question.scrollIntoViewIfNeeded();
    await question.getByRole('button', { name: 'Check answer' }).waitFor();
    await answerByKeyboard(page, question, await rights(question));
    await expect
      .poll(() => question.getByRole('status').textContent())
      .toMatch(/^Right\. Saved: it comes back for review in \d+ days\.$/);

    // Every control is a native button or select, at least 24 px high, so touch works as well.
    await question.getByRole('button', { name: 'Retry' }).tap();
    for (const control of await question.locator('select, button:visible').all()) {
      expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }
    expect(await question.locator('select').first().inputValue()).toBe('');
  });

  it('reads without JavaScript: the note links its questions, the answer is behind "Show answer"', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${served.server.origin}/notes/horovod/`);
    await page.locator('note-quiz').getByRole('link', { name: 'Answer the questions' }).click();
    await page.waitForURL(`${served.server.origin}/questions/horovod/`);
    const question = page.locator('note-quiz .quiz-question[data-kind="ordering"]');
    expect(await question.locator('.quiz-actions').isVisible()).toBe(false);
    await question.getByText('Show answer').click();
    const steps = await question.locator('.quiz-answer-list li').allTextContents();
    expect(steps[0]).toMatch(/^Arrange the N workers in a logical ring/);
    expect(await question.getByRole('link', { name: /^Read the section: / }).getAttribute('href')).toBe(
      '/notes/horovod/#ring-allreduce-in-plain-words',
    );
  });
});
