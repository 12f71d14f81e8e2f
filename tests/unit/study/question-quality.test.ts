import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSingleAnswer, keyIsLongest, longestKeyShare } from '../../../src/lib/study/question-quality.ts';
import { questionSchema, type Question } from '../../../src/lib/study/question-schema.ts';
import { loadQuestionFiles } from '../../../src/node/question-file.ts';
import { listNoteFiles } from '../../../src/node/content-paths.ts';
import { repoRoot } from '../../support/build-site.ts';

function choiceQuestion(choices: [string, boolean][]): Question {
  return questionSchema.parse({
    id: 'sample',
    prompt: 'Which option meets the requirement in this scenario?',
    choices: choices.map(([text, correct]) => ({ text, correct })),
    explanation: 'The key is right because the documentation says so, and the others are not.',
    section: 'sample',
  });
}

describe('the longest-answer tell', () => {
  it('counts a key that is longest, or tied for longest, and only single-answer questions', () => {
    const longest = choiceQuestion([
      ['A much longer right answer', true],
      ['Short', false],
      ['Shorter', false],
    ]);
    const tied = choiceQuestion([
      ['Same', true],
      ['Size', false],
      ['No', false],
    ]);
    const shorter = choiceQuestion([
      ['Right', true],
      ['A longer wrong answer', false],
      ['Wrong', false],
    ]);
    const selectTwo = choiceQuestion([
      ['A much longer right answer', true],
      ['Also right', true],
      ['Wrong', false],
    ]);
    expect([longest, tied, shorter].map((question) => isSingleAnswer(question) && keyIsLongest(question))).toEqual([
      true,
      true,
      false,
    ]);
    expect(isSingleAnswer(selectTwo)).toBe(false);
    expect(longestKeyShare([longest, tied, shorter, selectTwo])).toEqual({ share: 2 / 3, longest: 2, total: 3 });
  });
});

describe("this site's questions", () => {
  const files = loadQuestionFiles(path.join(repoRoot, 'content/questions'));
  const all = files.flatMap((file) => file.questions);

  it('cannot be passed by picking the longest answer: at most 30% of single-answer keys are the longest', () => {
    const { share, longest, total } = longestKeyShare(all);
    const perNote = files.map(
      (file) => `${file.noteId} ${longestKeyShare(file.questions).longest}/${longestKeyShare(file.questions).total}`,
    );
    console.log(
      `Longest choice is the key in ${longest} of ${total} single-answer questions (${(share * 100).toFixed(0)}%): ${perNote.join(', ')}`,
    );
    expect(total).toBeGreaterThan(50);
    expect(share).toBeLessThanOrEqual(0.3);
  });

  it('gives every note at least 12 questions, with single-answer and "Select TWO." ones', () => {
    const notes = listNoteFiles(path.join(repoRoot, 'content/notes')).map((note) => note.id);
    for (const note of notes) {
      const questions = files.find((file) => file.noteId === note)?.questions ?? [];
      expect(questions.length, note).toBeGreaterThanOrEqual(12);
      expect(questions.some(isSingleAnswer), note).toBe(true);
      expect(
        questions.some((question) => question.type === 'choice' && !isSingleAnswer(question)),
        note,
      ).toBe(true);
    }
  });
});
