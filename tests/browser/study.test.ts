import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';

const site = inject('site');
const DAY = 24 * 60 * 60 * 1000;

const MINUTE = 60 * 1000;

/** A card as the second release stored it (SM-2), which the site now migrates. */
interface Sm2Card {
  repetitions: number;
  interval: number;
  ease: number;
  due: number;
  reviewed: number;
  quality: number;
}

/** A card as stored now (FSRS). */
interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  state: number;
  reps: number;
  lapses: number;
  step: number;
  scheduledDays: number;
  reviewed: number;
  grade: number;
}

interface Stored {
  version: number;
  cards: Record<string, StoredCard>;
  understood: Record<string, Record<string, number>>;
}

describe.skipIf(!browserAvailable())('the study loop in the browser', () => {
  let server: StaticSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serveStatic(site.outDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.close();
  });

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  }

  function stored(page: Page): Promise<Stored | null> {
    return page.evaluate(() => JSON.parse(localStorage.getItem('study-progress') ?? 'null') as Stored | null);
  }

  /** Saves progress in the browser, then reloads so the page reads it. */
  async function seed(page: Page, value: string): Promise<void> {
    await page.evaluate((text) => localStorage.setItem('study-progress', text), value);
    await page.reload();
  }

  /** The 0-based indexes of a question's right choices, read from its answer data. */
  function rightChoices(question: Locator): Promise<number[]> {
    return question
      .locator('.quiz-choice')
      .evaluateAll((choices) =>
        choices.flatMap((choice, index) => ((choice as HTMLElement).dataset.correct === undefined ? [] : [index])),
      );
  }

  async function wrongChoice(question: Locator): Promise<number> {
    const right = await rightChoices(question);
    return [0, 1, 2, 3, 4, 5].find((index) => !right.includes(index))!;
  }

  /** The card keys of the questions on /questions/ (of one kind), in page order. */
  function bankKeys(page: Page, kind = ''): Promise<string[]> {
    return page.evaluate(async (wanted) => {
      const html = await (await fetch('/questions/')).text();
      const bank = new DOMParser().parseFromString(html, 'text/html');
      return [...bank.querySelectorAll<HTMLElement>(`.quiz-question${wanted ? `[data-kind="${wanted}"]` : ''}`)].map(
        (question) => question.dataset.card!,
      );
    }, kind);
  }

  /** Starts a review session from the keyboard: focus on "Start review", then Enter. */
  async function startReview(page: Page): Promise<void> {
    const start = page.getByRole('button', { name: 'Start review' });
    await expect.poll(() => page.locator('[data-count="due"]').textContent()).not.toBe('–');
    await start.focus();
    await page.keyboard.press('Enter');
  }

  /** The current question of the review session, once the island has shown it. */
  async function currentQuestion(page: Page): Promise<Locator> {
    const question = page.locator('review-session .quiz-question.is-current');
    await question.waitFor();
    return question;
  }

  it("fetches a note's questions only when the reader reaches the quiz, then they work as the note's own", async () => {
    const page = await freshPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.origin}/notes/eks/`);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
    const quiz = page.locator('note-quiz');
    expect(await quiz.locator('.quiz-question').count()).toBe(0);
    expect(fetched).not.toContain('/questions/eks/');
    const count = Number((await quiz.locator('.quiz-intro').textContent())!.match(/^(\d+) exam-style/)![1]);
    expect(count).toBeGreaterThan(1);

    await quiz.scrollIntoViewIfNeeded();
    await expect.poll(() => quiz.locator('.quiz-question').count()).toBe(count);
    expect(fetched.filter((path) => path === '/questions/eks/')).toHaveLength(1);
    expect(await quiz.getByRole('link', { name: 'Answer the questions' }).count()).toBe(0);
    expect(await quiz.locator('.quiz-saving').isVisible()).toBe(true);
    // Every question can be checked, and the answers' section links lead into this note.
    expect(await quiz.getByRole('button', { name: 'Check answer' }).count()).toBe(count);
    for (const link of await quiz.getByRole('link', { name: /^Read the section: / }).all()) {
      const target = new URL((await link.getAttribute('href'))!, page.url());
      expect(target.pathname).toBe('/notes/eks/');
      expect(await page.locator(`.note-body ${target.hash}`).count()).toBe(1);
    }
  });

  it('answers the quiz at the end of a note: wrong, then retry and right, saved for review', async () => {
    const page = await freshPage();
    await page.goto(`${server.origin}/notes/eks/`);
    const quiz = page.locator('note-quiz');
    await quiz.scrollIntoViewIfNeeded();
    const question = quiz.locator('.quiz-question').first();
    const check = question.getByRole('button', { name: 'Check answer' });
    await check.waitFor();
    const key = (await question.getAttribute('data-card'))!;
    const wrong = await wrongChoice(question);
    const choices = question.locator('.quiz-choice');

    await check.click();
    expect(await question.locator('.quiz-result').textContent()).toBe('Choose an answer first.');

    await choices.nth(wrong).locator('input').check();
    await check.click();
    const result = question.getByRole('status');
    await expect
      .poll(() => result.textContent())
      .toBe(
        'Not right: the right answer is marked and explained below. Saved: it comes back for review in 10 minutes.',
      );
    expect(await choices.nth(wrong).locator('.quiz-mark').textContent()).toBe('✗ Your choice: wrong');
    expect(await question.getAttribute('data-outcome')).toBe('wrong');
    expect(
      await question.locator('details.quiz-answer').evaluate((details) => (details as HTMLDetailsElement).open),
    ).toBe(true);
    const section = question.getByRole('link', { name: /^Read the section: / });
    expect(await section.isVisible()).toBe(true);
    // A section of this very note, so following it scrolls the page rather than loading another.
    const target = new URL((await section.getAttribute('href'))!, page.url());
    expect(target.pathname).toBe('/notes/eks/');
    expect(target.hash).toMatch(/^#[a-z0-9-]+$/);
    expect(await page.locator(`.note-body ${target.hash}`).count()).toBe(1);
    const wrongCard = (await stored(page))!.cards[key]!;
    expect(wrongCard).toMatchObject({ grade: 1, reps: 1 });
    expect(wrongCard.due - wrongCard.reviewed).toBe(10 * MINUTE);

    await question.getByRole('button', { name: 'Retry' }).click();
    expect(await question.locator('.quiz-mark:not(:empty)').count()).toBe(0);
    for (const index of await rightChoices(question)) await choices.nth(index).locator('input').check();
    await check.click();
    await expect.poll(() => result.textContent()).toBe('Right. Saved: it comes back for review in 15 minutes.');
    // Right only after seeing the answer: graded Hard, against the card as it was before this sitting.
    expect((await stored(page))!.cards[key]).toMatchObject({ grade: 2, reps: 1 });

    // Right first time comes back days later, unless the reader says it was hard.
    const next = quiz.locator('.quiz-question[data-kind="choice"]').nth(1);
    const nextKey = (await next.getAttribute('data-card'))!;
    for (const index of await rightChoices(next))
      await next.locator('.quiz-choice').nth(index).locator('input').check();
    await next.getByRole('button', { name: 'Check answer' }).click();
    await expect
      .poll(() => next.getByRole('status').textContent())
      .toMatch(/^Right\. Saved: it comes back for review in \d+ days\.$/);
    expect((await stored(page))!.cards[nextKey]).toMatchObject({ grade: 3 });
    const hard = next.getByRole('button', { name: 'That was hard' });
    await hard.click();
    expect(await hard.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => next.getByRole('status').textContent())
      .toBe('Right, and marked as hard. Saved: it comes back for review in 15 minutes.');
    expect((await stored(page))!.cards[nextKey]).toMatchObject({ grade: 2, reps: 1 });
  });

  it('reviews due cards first on /review/, most overdue first, with the keyboard only', async () => {
    const page = await freshPage();
    await page.goto(`${server.origin}/review/`);
    const keys = await bankKeys(page);
    const choiceKeys = await bankKeys(page, 'choice');
    const [older, newer] = [choiceKeys.at(-1)!, choiceKeys[3]!];
    const now = await page.evaluate(() => Date.now());
    // Progress saved by the SM-2 release (format 2) is carried over, due times included.
    const card = (due: number): Sm2Card => ({
      repetitions: 1,
      interval: 1,
      ease: 2.5,
      due,
      reviewed: due - DAY,
      quality: 5,
    });
    await seed(
      page,
      JSON.stringify({ version: 2, cards: { [newer]: card(now - DAY), [older]: card(now - 3 * DAY) }, understood: {} }),
    );
    await expect
      .poll(() => page.locator('review-session > .study-notice').textContent())
      .toBe('Your saved progress was upgraded from an earlier version of the site.');
    await expect.poll(() => page.locator('[data-count="due"]').textContent()).toBe('2');
    expect(await page.locator('[data-count="new"]').textContent()).toBe(String(keys.length - 2));
    await startReview(page);

    let question = await currentQuestion(page);
    expect(await question.getAttribute('data-card')).toBe(older);
    const status = page.locator('.review-status');
    expect(await status.textContent()).toBe(`Question 1 of ${keys.length}: due for review.`);
    for (const index of await rightChoices(question)) await page.keyboard.press(String(index + 1));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => question.locator('.quiz-result').textContent())
      .toMatch(/^Right\. Saved: it comes back for review in \d+ days\.$/);
    // Stored as format 3 now: the migrated card was right last time too, so this clean recall is Easy.
    const saved = (await stored(page))!;
    expect(saved.version).toBe(3);
    expect(saved.cards[older]).toMatchObject({ grade: 4, reps: 2 });
    expect(saved.cards[older]!.due - saved.cards[older]!.reviewed).toBeGreaterThan(2 * DAY);
    await page.keyboard.press('Enter');

    question = await currentQuestion(page);
    expect(await question.getAttribute('data-card')).toBe(newer);
    await page.keyboard.press(String((await wrongChoice(question)) + 1));
    await page.keyboard.press('Enter');
    expect(await question.locator('.quiz-result').textContent()).toMatch(/^Not right/);
    const lapsed = (await stored(page))!.cards[newer]!;
    expect(lapsed).toMatchObject({ grade: 1, lapses: 1 });
    expect(lapsed.due - lapsed.reviewed).toBe(10 * MINUTE);
    await page.keyboard.press('Enter');

    question = await currentQuestion(page);
    expect(await question.getAttribute('data-card')).toBe(keys[0]);
    expect(await status.textContent()).toBe(`Question 3 of ${keys.length + 1}: new question.`);

    // The scores follow: one answered right in the last topic, one wrong in the first.
    const rows = page.locator('.review-scores tbody tr');
    await expect.poll(() => rows.first().locator('[data-score="right"]').textContent()).toBe('0 of 1');
    await expect.poll(() => rows.last().locator('[data-score="right"]').textContent()).toBe('1 of 1');

    await expect.poll(() => page.locator('[data-count="due"]').textContent()).toBe('0');

    // A topic filter starts a session over that topic alone.
    await page.getByLabel('Topic', { exact: true }).selectOption({ index: 2 });
    const topic = await page.getByLabel('Topic', { exact: true }).inputValue();
    question = await currentQuestion(page);
    expect(await question.getAttribute('data-topic')).toBe(topic);
  });

  it('marks a section as understood and counts it in the header, the sidebar and the home page', async () => {
    const page = await freshPage();
    await page.goto(`${server.origin}/notes/eks/`);
    const header = page.locator('.note-progress');
    const total = Number(await header.getAttribute('data-sections'));
    expect(total).toBeGreaterThan(1);
    await expect.poll(() => header.textContent()).toBe(`0 of ${total} sections understood`);

    const firstHeading = page.locator('.note-body .heading-wrapper > h2').first();
    const title = (await firstHeading.textContent())!.trim();
    const toggle = page.getByRole('button', { name: `Understood: ${title}`, exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await header.textContent()).toBe(`1 of ${total} sections understood`);
    const badge = page.locator('.sidebar [data-progress-note="eks"]');
    expect(await badge.textContent()).toBe(`1/${total} (1 of ${total} sections understood)`);
    expect((await stored(page))!.understood.eks).toHaveProperty(String(await firstHeading.getAttribute('id')));

    await page.reload();
    await expect.poll(() => header.textContent()).toBe(`1 of ${total} sections understood`);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${server.origin}/`);
    const card = page.locator('.note-cards [data-progress-note="eks"]');
    await expect.poll(() => card.locator('[aria-hidden="true"]').textContent()).toBe(`1/${total}`);
    expect(await page.locator('.note-cards [data-progress-note="ludwig"]').textContent()).toBe('');

    await page.goto(`${server.origin}/notes/eks/`);
    await page.getByRole('button', { name: `Understood: ${title}`, exact: true }).click();
    expect(await header.textContent()).toBe(`0 of ${total} sections understood`);
    expect(await badge.textContent()).toBe('');
  });

  it('starts a new reader at the first section, then continues from the first one not yet understood', async () => {
    const page = await freshPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(`${server.origin}/`);
    await page.waitForLoadState('networkidle');
    const order = (await (await fetch(`${server.origin}/reading-order.json`)).json()) as {
      note: string;
      id: string;
      title: string;
      noteTitle: string;
    }[];
    expect(order.length).toBeGreaterThan(100);
    const heading = page.locator('#continue-reading-title');
    const link = page.locator('[data-next-section]');
    const where = page.locator('[data-next-section-note]');
    expect(await heading.textContent()).toBe('Start reading');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/notes/${order[0]!.note}/#${order[0]!.id}$`));
    expect(await link.textContent()).toContain(order[0]!.title);
    // A new reader's page has all it needs: the reading order is fetched only once there is progress.
    expect(fetched.filter((url) => url.endsWith('/reading-order.json'))).toEqual([]);

    // The first section understood: the link moves on to the second, and the heading says so.
    await seed(
      page,
      JSON.stringify({ version: 2, cards: {}, understood: { [order[0]!.note]: { [order[0]!.id]: Date.now() } } }),
    );
    await expect.poll(() => heading.textContent()).toBe('Continue reading');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/notes/${order[1]!.note}/#${order[1]!.id}$`));
    expect(await link.textContent()).toBe(order[1]!.title);
    expect(await where.textContent()).toBe(`In ${order[1]!.noteTitle}`);

    // Every section understood: the link leads to the review.
    const understood: Record<string, Record<string, number>> = {};
    for (const section of order) (understood[section.note] ??= {})[section.id] = Date.now();
    await seed(page, JSON.stringify({ version: 2, cards: {}, understood }));
    await expect.poll(() => link.textContent()).toBe('Every section is marked as understood');
    expect(await link.getAttribute('href')).toMatch(/\/review\/$/);
  });

  it('exports progress to a file and imports it in a fresh browser', async () => {
    const first = await freshPage();
    await first.goto(`${server.origin}/review/`);
    await startReview(first);
    const key = (await (await currentQuestion(first)).getAttribute('data-card'))!;
    const now = await first.evaluate(() => Date.now());
    const progress: Stored = {
      version: 3,
      cards: {
        [key]: {
          due: now + 6 * DAY,
          stability: 6,
          difficulty: 4.5,
          state: 2,
          reps: 2,
          lapses: 0,
          step: 0,
          scheduledDays: 6,
          reviewed: now,
          grade: 3,
        },
      },
      understood: { eks: { 'eks-vs-ecs': now } },
    };
    await seed(first, JSON.stringify(progress));
    await expect.poll(() => first.locator('[data-count="due"]').textContent()).toBe('0');
    const [download] = await Promise.all([
      first.waitForEvent('download'),
      first.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^study-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(progress);
    expect(await first.locator('.study-data-result').textContent()).toBe(
      'Exported 1 answered questions and 1 sections marked as understood.',
    );

    const second = await freshPage();
    await second.goto(`${server.origin}/review/`);
    const input = second.getByLabel('Import progress from a file');
    await startReview(second);
    await (await currentQuestion(second)).waitFor();

    await input.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version":2,"cards":'),
    });
    await expect
      .poll(() => second.locator('.study-data-result').textContent())
      .toBe('Nothing was imported: notes.json is not progress exported from this site (it is not valid JSON).');
    expect(await stored(second)).toBeNull();

    await input.setInputFiles(file);
    await expect
      .poll(() => second.locator('.study-data-result').textContent())
      .toMatch(/^Imported 1 answered questions and 1 sections marked as understood/);
    expect(await stored(second)).toEqual(progress);
    // The imported card is not due, so the session moved on to the next question.
    expect(await (await currentQuestion(second)).getAttribute('data-card')).not.toBe(key);

    second.once('dialog', (dialog) => void dialog.accept());
    await second.getByRole('button', { name: 'Reset progress…' }).click();
    expect(await second.locator('.study-data-result').textContent()).toBe(
      'Progress reset: every question is new again.',
    );
    expect(await stored(second)).toBeNull();
  });

  it('shows a notice for unreadable saved progress and keeps working', async () => {
    const page = await freshPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Seeded on a page that runs no script, so no island can read (and set aside) the broken value before
    // the review page does.
    await page.goto(`${server.origin}/robots.txt`);
    await page.evaluate(() => localStorage.setItem('study-progress', '{"version":3,"cards":{'));
    await page.goto(`${server.origin}/review/`);
    const notice = page.locator('review-session > .study-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'Your saved progress could not be read (it is not valid JSON), so progress starts afresh. The old data is kept in this browser until you reset.',
    );

    await startReview(page);
    const question = await currentQuestion(page);
    expect(await page.locator('.review-status').textContent()).toMatch(/^Question 1 of \d+: new question\.$/);
    for (const index of await rightChoices(question)) await page.keyboard.press(String(index + 1));
    await page.keyboard.press('Enter');
    expect(await question.locator('.quiz-result').textContent()).toMatch(/^Right\./);
    expect(Object.keys((await stored(page))!.cards)).toEqual([await question.getAttribute('data-card')]);
    expect(await page.evaluate(() => localStorage.getItem('study-progress-unreadable'))).toBe('{"version":3,"cards":{');

    await seed(page, JSON.stringify({ version: 7, cards: {}, understood: {} }));
    await page.goto(`${server.origin}/notes/eks/`);
    await expect
      .poll(() => page.locator('.note-progress .study-notice').textContent())
      .toMatch(/saved by a newer version of the site \(format 7\)/);
    expect(errors).toEqual([]);
  });
});
