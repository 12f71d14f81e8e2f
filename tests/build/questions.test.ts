import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildSite, removeBuilds, repoRoot } from '../support/build-site.ts';
import { loadQuestionFiles } from '../../src/node/question-file.ts';

const fixtures = path.join(repoRoot, 'tests/fixtures');
const site = inject('site');

afterAll(removeBuilds);

describe('a bad question', () => {
  it('fails the build, naming the file, the line, the question and the field', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'bad-question/notes') });
    expect(result.exitCode).not.toBe(0);
    const file = path.join(fixtures, 'bad-question/questions/storage.yaml');
    expect(result.log).toContain(
      `${file}:13: [1].choices: at least one choice must be marked correct: true (question "ebs-shared")`,
    );
  });
});

describe('questions that do not match their note', () => {
  it('fail the build for a section the note does not have', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'question-sections/notes') });
    expect(result.exitCode).not.toBe(0);
    const file = path.join(fixtures, 'question-sections/questions/storage.yaml');
    expect(result.log).toContain(
      `${file}:19: [1].section: "shared-storage" is not a heading id of note "storage" (question "shared-file-system"); its headings are: block-storage, file-storage`,
    );
  });

  it('fail the build for a questions file without a note', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'question-orphan/notes') });
    expect(result.exitCode).not.toBe(0);
    const file = path.join(fixtures, 'question-orphan/questions/archive.yaml');
    expect(result.log).toContain(
      `${file}:1: (file): there is no note "archive" for these questions; the file name must be a note's id`,
    );
  });
});

describe('every question', () => {
  it('is listed on /questions/, readable without JavaScript: choices, then the answer behind "Show answer"', async () => {
    const document = parse(await readFile(path.join(site.outDir, 'questions/index.html'), 'utf8'));
    const files = loadQuestionFiles(path.join(repoRoot, 'content/questions'));
    const total = files.reduce((sum, file) => sum + file.questions.length, 0);
    const questions = document.querySelectorAll('.question-bank .quiz-question');
    expect(questions).toHaveLength(total);
    for (const question of questions) {
      expect(question.querySelectorAll('fieldset legend')).toHaveLength(1);
      for (const input of question.querySelectorAll('.quiz-choice input'))
        expect(input.closest('label')).not.toBeNull();
      for (const select of question.querySelectorAll('.quiz-part select'))
        expect(question.querySelector(`label[for="${select.id}"]`)).not.toBeNull();
      expect(question.querySelector('details.quiz-answer > summary')!.text).toBe('Show answer');
      // The controls that need JavaScript are hidden until it runs.
      expect(question.querySelector('.quiz-actions')!.hasAttribute('hidden')).toBe(true);
    }
    expect(new Set(questions.map((question) => question.getAttribute('data-kind')))).toEqual(
      new Set(['choice', 'ordering', 'matching']),
    );
  });

  it('links each answer to the section of the note that explains it', async () => {
    const document = parse(await readFile(path.join(site.outDir, 'questions/index.html'), 'utf8'));
    const pages = new Map<string, Set<string>>();
    const links = document.querySelectorAll('.quiz-answer a');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const [pathname, id] = link.getAttribute('href')!.split('#') as [string, string];
      if (!pages.has(pathname)) {
        const note = parse(await readFile(path.join(site.outDir, pathname, 'index.html'), 'utf8'));
        pages.set(pathname, new Set(note.querySelectorAll('.note-body [id]').map((element) => element.id)));
      }
      expect(pages.get(pathname)!.has(id), `${pathname}#${id}`).toBe(true);
    }
  });
});

describe('the review and practice exam pages', () => {
  it("stay small: they carry each question's key and topic, and fetch the questions when a session starts", async () => {
    const files = loadQuestionFiles(path.join(repoRoot, 'content/questions'));
    const total = files.reduce((sum, file) => sum + file.questions.length, 0);
    for (const [page, element] of [
      ['review', 'review-session'],
      ['practice-exam', 'practice-exam'],
    ] as const) {
      const document = parse(await readFile(path.join(site.outDir, page, 'index.html'), 'utf8'));
      expect(document.querySelectorAll('.quiz-question'), page).toHaveLength(0);
      expect(JSON.parse(document.querySelector(element)!.getAttribute('data-questions')!), page).toHaveLength(total);
      expect(document.querySelector('[data-source]')!.getAttribute('data-source')).toBe('/questions/');
    }
    const review = parse(await readFile(path.join(site.outDir, 'review/index.html'), 'utf8'));
    // Panels that need JavaScript are hidden by CSS (`scripting`) without it, so they take their place from the first paint.
    for (const selector of ['.review-panel', '.review-scores', '.study-data'])
      expect(review.querySelector(selector)!.classList.contains('needs-script'), selector).toBe(true);
  });
});

describe("a note's quiz", () => {
  it('is a link on the note page, to a page of its own that lists the questions readable without JavaScript', async () => {
    const files = loadQuestionFiles(path.join(repoRoot, 'content/questions'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const note = parse(await readFile(path.join(site.outDir, 'notes', file.noteId, 'index.html'), 'utf8'));
      const quiz = note.querySelector('.note-quiz note-quiz')!;
      // The note carries no question, so its first paint waits for none of them.
      expect(quiz.querySelectorAll('.quiz-question'), file.noteId).toHaveLength(0);
      expect(quiz.querySelector('.quiz-intro')!.text).toMatch(new RegExp(`^${file.questions.length} exam-style`));
      const link = quiz.querySelector('.quiz-elsewhere a')!;
      expect(link.text).toBe('Answer the questions');
      expect(link.getAttribute('href')).toBe(`/questions/${file.noteId}/`);
      expect(quiz.querySelector('.quiz-elsewhere')!.getAttribute('data-source')).toBe(link.getAttribute('href'));

      const page = parse(await readFile(path.join(site.outDir, 'questions', file.noteId, 'index.html'), 'utf8'));
      const questions = page.querySelectorAll('main note-quiz .quiz-questions > .quiz-question');
      expect(questions.map((question) => question.getAttribute('data-card'))).toEqual(
        file.questions.map((question) => `${file.noteId}/${question.id}`),
      );
      for (const question of questions) {
        expect(question.querySelector('details.quiz-answer > summary')!.text).toBe('Show answer');
        expect(question.querySelector('.quiz-actions')!.hasAttribute('hidden')).toBe(true);
        const section = question.querySelector('.quiz-answer a')!.getAttribute('href')!;
        expect(section.startsWith(`/notes/${file.noteId}/#`), section).toBe(true);
        expect(note.querySelector(`.note-body [id="${section.split('#')[1]}"]`), section).not.toBeNull();
      }
      expect(page.querySelector(`main a[href="/notes/${file.noteId}/"]`)).not.toBeNull();
    }
  });
});
