/**
 * What the study store remembers about one question: an FSRS memory state, as plain JSON numbers
 * (times in ms since the epoch). Kept apart from the scheduler so pages that only count due
 * questions never load it.
 */

/** The four FSRS grades, numbered as FSRS (and Anki) number them. */
export const GRADES = { again: 1, hard: 2, good: 3, easy: 4 } as const;
export type Grade = (typeof GRADES)[keyof typeof GRADES];

/** FSRS card states: new, learning (short steps), review (days), relearning after a lapse. */
export type CardState = 0 | 1 | 2 | 3;
export const REVIEW_STATE: CardState = 2;

export interface Card {
  /** When the card is next due (ms). */
  due: number;
  /** Days until recall probability falls to 90%. */
  stability: number;
  /** 1 (easy) to 10 (hard). */
  difficulty: number;
  state: CardState;
  /** Reviews so far, and how many of them were forgotten (Again on a card in review). */
  reps: number;
  lapses: number;
  /** Position in the learning or relearning steps. */
  step: number;
  /** Days the last review scheduled (0 for a learning step). */
  scheduledDays: number;
  /** When it was last answered (ms). */
  reviewed: number;
  /** The grade of that answer. */
  grade: Grade;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

const CARD_FIELDS = 10;

/** Whether a stored value is a well-formed card (and nothing more). */
export function isCard(value: unknown): value is Card {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const card = value as Record<string, unknown>;
  const { due, stability, difficulty, state, reps, lapses, step, scheduledDays, reviewed, grade } = card;
  return (
    isTime(due) &&
    isTime(reviewed) &&
    typeof stability === 'number' &&
    stability > 0 &&
    stability < 1e6 &&
    typeof difficulty === 'number' &&
    difficulty >= 1 &&
    difficulty <= 10 &&
    [0, 1, 2, 3].includes(state as number) &&
    isCount(reps) &&
    isCount(lapses) &&
    isCount(step) &&
    isCount(scheduledDays) &&
    [1, 2, 3, 4].includes(grade as number) &&
    Object.keys(card).length === CARD_FIELDS
  );
}

/** Whether a card's last answer was right (any grade but Again). */
export function answeredRight(card: Card): boolean {
  return card.grade !== GRADES.again;
}
