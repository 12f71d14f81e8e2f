import { describe, expect, it } from 'vitest';
import {
  answerQuestion,
  clockText,
  createExam,
  flagQuestion,
  parseExam,
  scoreExam,
  timeLeft,
} from '../../../src/lib/study/practice-exam.ts';
import { seedFrom, seededRandom, shuffledIndexes } from '../../../src/lib/random.ts';

const now = Date.UTC(2026, 10, 24, 9);
const keys = Array.from({ length: 12 }, (_, index) => `note/q${index}`);

describe('a new practice exam', () => {
  it('takes every question by default, shuffled by its seed, at two minutes a question', () => {
    const exam = createExam(keys, undefined, 7, now);
    expect([...exam.keys].sort()).toEqual([...keys].sort());
    expect(exam.keys).not.toEqual(keys);
    expect(exam.durationMs).toBe(12 * 2 * 60 * 1000);
    expect(createExam(keys, undefined, 7, now)).toEqual(exam);
    expect(createExam(keys, undefined, 8, now).keys).not.toEqual(exam.keys);
  });

  it('takes the length asked for, never more than there are', () => {
    expect(createExam(keys, 5, 1, now).keys).toHaveLength(5);
    expect(createExam(keys, 5, 1, now).durationMs).toBe(10 * 60 * 1000);
    expect(createExam(keys, 50, 1, now).keys).toHaveLength(12);
  });
});

describe('during the exam', () => {
  const exam = createExam(keys, 3, 3, now);

  it('counts down to zero and shows the clock', () => {
    expect(timeLeft(exam, now)).toBe(6 * 60 * 1000);
    expect(timeLeft(exam, now + 7 * 60 * 1000)).toBe(0);
    expect(clockText(6 * 60 * 1000)).toBe('6:00');
    expect(clockText(61_500)).toBe('1:02');
    expect(clockText(130 * 60 * 1000)).toBe('2:10:00');
  });

  it('records answers and flags without changing the exam it was given', () => {
    const key = exam.keys[0]!;
    const answered = answerQuestion(exam, key, ['2']);
    expect(answered.answers).toEqual({ [key]: ['2'] });
    expect(answerQuestion(answered, key, ['', '']).answers).toEqual({});
    const flagged = flagQuestion(answered, key, true);
    expect(flagged.flagged).toEqual([key]);
    expect(flagQuestion(flagged, key, false).flagged).toEqual([]);
    expect(exam.answers).toEqual({});
  });
});

describe('the result', () => {
  it('scores overall and per topic, listing the wrong answers in the order asked', () => {
    const exam = { ...createExam(['a/1', 'a/2', 'b/1'], undefined, 1, now), keys: ['a/1', 'b/1', 'a/2'] };
    const score = scoreExam(
      exam,
      (key) => key !== 'a/2',
      (key) => key.split('/')[0]!,
    );
    expect(score).toEqual({
      right: 2,
      total: 3,
      topics: [
        { topic: 'a', right: 1, total: 2 },
        { topic: 'b', right: 1, total: 1 },
      ],
      wrong: ['a/2'],
    });
  });
});

describe('a stored exam', () => {
  it('reads back what was saved', () => {
    const exam = flagQuestion(createExam(keys, 4, 9, now), 'x', true);
    expect(parseExam(JSON.stringify(exam))).toEqual({ exam });
    expect(parseExam(undefined)).toEqual({});
  });

  it.each([
    ['broken JSON', '{"version":1,', 'it is not valid JSON'],
    ['another version', '{"version":2}', 'it has no known format version'],
    [
      'a position past the end',
      JSON.stringify({ ...createExam(keys, 2, 1, now), position: 5 }),
      'it is not a practice exam this site wrote',
    ],
    [
      'answers of the wrong shape',
      JSON.stringify({ ...createExam(keys, 2, 1, now), answers: { a: 1 } }),
      'it is not a practice exam this site wrote',
    ],
  ])('is set aside when it is %s', (_, text, problem) => {
    expect(parseExam(text)).toEqual({ problem });
  });
});

describe('the seeded generator', () => {
  it('gives the same numbers for the same seed, in [0, 1)', () => {
    const a = seededRandom(seedFrom('eks/a'));
    const b = seededRandom(seedFrom('eks/a'));
    const numbers = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(numbers);
    expect(numbers.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(numbers).size).toBe(100);
  });

  it('shuffles into a permutation', () => {
    const order = shuffledIndexes(10, seededRandom(42));
    expect([...order].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seedFrom('')).not.toBe(0);
  });
});
