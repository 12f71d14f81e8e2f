import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dueCards,
  gradeSitting,
  nextDue,
  nextEase,
  repeatToday,
  review,
  sessionOrder,
  topicScores,
  type Card,
  type Quality,
} from '../../../src/lib/study/review-scheduler.ts';

const start = Date.UTC(2026, 10, 24, 9);

/** Answers a new card with these grades, a day after each due date. */
function answerAll(qualities: Quality[]): Card[] {
  const cards: Card[] = [];
  let card: Card | undefined;
  let now = start;
  for (const quality of qualities) {
    card = review(card, quality, now);
    cards.push(card);
    now = card.due;
  }
  return cards;
}

describe('SM-2 intervals', () => {
  it('are 1 day, then 6 days, then the previous interval × EF, rounded up', () => {
    const cards = answerAll([5, 5, 5, 5]);
    expect(cards.map((card) => card.interval)).toEqual([1, 6, Math.ceil(6 * 2.7), Math.ceil(17 * 2.8)]);
    expect(cards.map((card) => card.repetitions)).toEqual([1, 2, 3, 4]);
    expect(cards[0]!.due).toBe(start + DAY_MS);
    expect(cards[1]!.due).toBe(cards[0]!.due + 6 * DAY_MS);
  });

  it('use the E-Factor from before the answer', () => {
    const cards = answerAll([3, 3, 3]);
    // EF after the two first answers is 2.5 − 0.14 − 0.14 = 2.22; the third interval is 6 × 2.22.
    expect(cards.map((card) => card.interval)).toEqual([1, 6, Math.ceil(6 * 2.22)]);
  });
});

describe('the E-Factor', () => {
  it('starts at 2.5 and follows EF + (0.1 − (5 − q) × (0.08 + (5 − q) × 0.02))', () => {
    expect(review(undefined, 5, start).ease).toBe(2.6);
    expect(review(undefined, 4, start).ease).toBe(2.5);
    expect(review(undefined, 3, start).ease).toBe(2.36);
    expect(nextEase(2.5, 2)).toBe(2.18);
    expect(nextEase(2.5, 1)).toBe(1.96);
    expect(nextEase(2.5, 0)).toBe(1.7);
  });

  it('never falls below 1.3', () => {
    expect(nextEase(1.4, 3)).toBe(1.3);
    expect(nextEase(1.3, 0)).toBe(1.3);
    const cards = answerAll([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(cards.at(-1)!.ease).toBe(1.3);
    expect(Math.min(...cards.map((card) => card.ease))).toBe(1.3);
  });
});

describe('a failed answer (quality below 3)', () => {
  it('starts the repetitions again at 1 day, keeping the E-Factor', () => {
    const [, , third, failed, again, twice] = answerAll([5, 5, 5, 1, 5, 5]);
    expect(third!.interval).toBeGreaterThan(6);
    expect(failed).toMatchObject({ repetitions: 0, interval: 1, ease: third!.ease, quality: 1 });
    expect(failed!.due).toBe(third!.due + DAY_MS);
    expect(again).toMatchObject({ repetitions: 1, interval: 1 });
    expect(twice).toMatchObject({ repetitions: 2, interval: 6 });
  });

  it('resets for 0, 1 and 2 but not for 3', () => {
    const learnt = answerAll([5, 5])[1]!;
    for (const quality of [0, 1, 2] as const) expect(review(learnt, quality, start).repetitions).toBe(0);
    expect(review(learnt, 3, start).repetitions).toBe(3);
  });
});

describe('grading a sitting', () => {
  it('gives 5 for right first time, 3 for right after a wrong check, 1 for never right', () => {
    expect(gradeSitting([true])).toBe(5);
    expect(gradeSitting([true, false])).toBe(5);
    expect(gradeSitting([false, true])).toBe(3);
    expect(gradeSitting([false, false, true])).toBe(3);
    expect(gradeSitting([false])).toBe(1);
  });

  it('repeats the same day anything graded below 4 (SM-2 step 7)', () => {
    expect([5, 4, 3, 1, 0].map((quality) => repeatToday(quality as Quality))).toEqual([false, false, true, true, true]);
  });
});

describe('due cards', () => {
  const card = (due: number, ease = 2.5): Card => ({
    repetitions: 1,
    interval: 1,
    ease,
    due,
    reviewed: due - DAY_MS,
    quality: 5,
  });
  const cards = {
    'eks/later': card(start + DAY_MS),
    'eks/now': card(start),
    'eks/week-late': card(start - 7 * DAY_MS),
    'ludwig/day-late': card(start - DAY_MS),
    'ludwig/day-late-hard': card(start - DAY_MS, 1.5),
  };

  it('are those due at or before now, most overdue first, harder first on a tie', () => {
    expect(dueCards(cards, start)).toEqual(['eks/week-late', 'ludwig/day-late-hard', 'ludwig/day-late', 'eks/now']);
    expect(dueCards(cards, start - 30 * DAY_MS)).toEqual([]);
  });

  it('come before new questions in a session; cards not yet due stay out', () => {
    const keys = ['eks/new', 'eks/later', 'eks/now', 'eks/week-late', 'ludwig/other-new'];
    expect(sessionOrder(keys, cards, start)).toEqual(['eks/week-late', 'eks/now', 'eks/new', 'ludwig/other-new']);
  });

  it('tell when the next card falls due', () => {
    expect(nextDue(['eks/later', 'eks/now', 'eks/new'], cards)).toBe(start);
    expect(nextDue(['eks/new'], cards)).toBeUndefined();
  });

  it('add up to scores per topic', () => {
    const questions = [
      { key: 'eks/now', topic: 'containers' },
      { key: 'eks/later', topic: 'containers' },
      { key: 'eks/new', topic: 'containers' },
      { key: 'ludwig/day-late', topic: 'frameworks' },
    ];
    const withWrong = { ...cards, 'eks/later': { ...card(start + DAY_MS), quality: 1 as const } };
    expect(topicScores(questions, withWrong, start)).toEqual([
      { topic: 'containers', total: 3, answered: 2, right: 1, due: 1 },
      { topic: 'frameworks', total: 1, answered: 1, right: 1, due: 1 },
    ]);
  });
});
