import { describe, expect, it } from 'vitest';
import { review } from '../../../src/lib/study/fsrs-schedule.ts';
import { gradeSitting, repeatInSession, waitText } from '../../../src/lib/study/sitting-grade.ts';
import { DAY_MS, GRADES, isCard, type Card, type Grade } from '../../../src/lib/study/review-card.ts';

const start = Date.UTC(2026, 10, 24, 9);
const MINUTE = 60_000;

/** Answers a new card with these grades, each at the time the previous answer made it due. */
function answerAll(grades: Grade[]): Card[] {
  const cards: Card[] = [];
  let card: Card | undefined;
  let now = start;
  for (const grade of grades) {
    card = review(card, grade, now);
    cards.push(card);
    now = card.due;
  }
  return cards;
}

describe('a first answer', () => {
  it('brings a wrong one back in 10 minutes and a right one days later', () => {
    const again = review(undefined, GRADES.again, start);
    const good = review(undefined, GRADES.good, start);
    expect(again.due - start).toBe(10 * MINUTE);
    expect(good.due - start).toBeGreaterThanOrEqual(DAY_MS);
    expect(waitText(again.due, start)).toBe('in 10 minutes');
    expect(waitText(good.due, start)).toMatch(/^in \d+ days$/);
  });

  it('orders the four grades: Again < Hard < Good < Easy', () => {
    const dues = [GRADES.again, GRADES.hard, GRADES.good, GRADES.easy].map(
      (grade) => review(undefined, grade, start).due,
    );
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
  });

  it('is a plain, storable card that records when and how it was answered', () => {
    const card = review(undefined, GRADES.good, start);
    expect(isCard(card)).toBe(true);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(card).toMatchObject({ reviewed: start, grade: GRADES.good, reps: 1, lapses: 0 });
  });
});

describe('later answers', () => {
  it('space right answers further and further apart', () => {
    const cards = answerAll([GRADES.good, GRADES.good, GRADES.good, GRADES.good]);
    const intervals = cards.map((card) => card.due - card.reviewed);
    for (let index = 1; index < intervals.length; index++)
      expect(intervals[index]!).toBeGreaterThan(intervals[index - 1]!);
  });

  it('count a wrong answer on a learnt card as a lapse and bring it back within the hour', () => {
    const [, , learnt, lapsed] = answerAll([GRADES.good, GRADES.good, GRADES.good, GRADES.again]);
    expect(lapsed!.lapses).toBe(1);
    expect(lapsed!.due - lapsed!.reviewed).toBeLessThan(60 * MINUTE);
    expect(lapsed!.stability).toBeLessThan(learnt!.stability);
  });

  it('are pure: the same answers at the same times give the same cards', () => {
    expect(answerAll([GRADES.good, GRADES.hard, GRADES.easy])).toEqual(
      answerAll([GRADES.good, GRADES.hard, GRADES.easy]),
    );
  });
});

describe('grading a sitting', () => {
  const learnt = answerAll([GRADES.good, GRADES.good])[1]!;

  it('is Again when never right', () => {
    expect(gradeSitting({ attempts: [false], hard: false })).toBe(GRADES.again);
    expect(gradeSitting({ attempts: [false, false], hard: true })).toBe(GRADES.again);
  });

  it('is Hard when right only after a wrong check, or right but marked hard', () => {
    expect(gradeSitting({ attempts: [false, true], hard: false })).toBe(GRADES.hard);
    expect(gradeSitting({ attempts: [true], hard: true }, learnt)).toBe(GRADES.hard);
  });

  it('is Good when right first time on a new card or after a hard one', () => {
    expect(gradeSitting({ attempts: [true], hard: false })).toBe(GRADES.good);
    const hard = review(learnt, GRADES.hard, learnt.due);
    expect(gradeSitting({ attempts: [true], hard: false }, hard)).toBe(GRADES.good);
  });

  it('is Easy for a second clean recall in a row of a card in review', () => {
    expect(gradeSitting({ attempts: [true], hard: false }, learnt)).toBe(GRADES.easy);
  });

  it('repeats only wrong answers in the session', () => {
    expect([1, 2, 3, 4].map((grade) => repeatInSession(grade as Grade))).toEqual([true, false, false, false]);
  });
});

describe('waitText', () => {
  it('says minutes, hours or days', () => {
    expect(waitText(start + MINUTE, start)).toBe('in 1 minute');
    expect(waitText(start + 3 * 60 * MINUTE, start)).toBe('in 3 hours');
    expect(waitText(start + DAY_MS, start)).toBe('tomorrow');
    expect(waitText(start + 6 * DAY_MS, start)).toBe('in 6 days');
  });
});
