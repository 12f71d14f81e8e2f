import { describe, expect, it } from 'vitest';
import { countDue, dueCards, nextDue, sessionOrder, topicScores } from '../../../src/lib/study/due-cards.ts';
import { DAY_MS, GRADES, type Card } from '../../../src/lib/study/review-card.ts';

const start = Date.UTC(2026, 10, 24, 9);

const card = (due: number, difficulty = 5): Card => ({
  due,
  stability: 3,
  difficulty,
  state: 2,
  reps: 2,
  lapses: 0,
  step: 0,
  scheduledDays: 3,
  reviewed: due - 3 * DAY_MS,
  grade: GRADES.good,
});

const cards = {
  'eks/later': card(start + DAY_MS),
  'eks/now': card(start),
  'eks/week-late': card(start - 7 * DAY_MS),
  'ludwig/day-late': card(start - DAY_MS),
  'ludwig/day-late-hard': card(start - DAY_MS, 8),
};

describe('due cards', () => {
  it('are those due at or before now, most overdue first, harder first on a tie', () => {
    expect(dueCards(cards, start)).toEqual(['eks/week-late', 'ludwig/day-late-hard', 'ludwig/day-late', 'eks/now']);
    expect(dueCards(cards, start - 30 * DAY_MS)).toEqual([]);
  });

  it('are counted over all cards or over some questions', () => {
    expect(countDue(cards, start)).toBe(4);
    expect(countDue(cards, start, ['eks/now', 'eks/later', 'eks/new'])).toBe(1);
    expect(countDue({}, start)).toBe(0);
  });

  it('come before new questions in a session; cards not yet due stay out', () => {
    const keys = ['eks/new', 'eks/later', 'eks/now', 'eks/week-late', 'ludwig/other-new'];
    expect(sessionOrder(keys, cards, start)).toEqual(['eks/week-late', 'eks/now', 'eks/new', 'ludwig/other-new']);
  });

  it('tell when the next card falls due', () => {
    expect(nextDue(['eks/later', 'eks/now', 'eks/new'], cards)).toBe(start);
    expect(nextDue(['eks/new'], cards)).toBeUndefined();
  });

  it('add up to scores per topic, a wrong last answer (Again) not counting as right', () => {
    const questions = [
      { key: 'eks/now', topic: 'containers' },
      { key: 'eks/later', topic: 'containers' },
      { key: 'eks/new', topic: 'containers' },
      { key: 'ludwig/day-late', topic: 'frameworks' },
    ];
    const withWrong = { ...cards, 'eks/later': { ...card(start + DAY_MS), grade: GRADES.again } };
    expect(topicScores(questions, withWrong, start)).toEqual([
      { topic: 'containers', total: 3, answered: 2, right: 1, due: 1 },
      { topic: 'frameworks', total: 1, answered: 1, right: 1, due: 1 },
    ]);
  });
});
