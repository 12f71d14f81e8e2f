import { DAY_MS, GRADES, REVIEW_STATE, type Card, type Grade } from './review-card.ts';

/**
 * Earlier versions of the stored progress, how to recognise them, and how they become today's cards.
 * Pure: no scheduler is loaded, so reading old progress costs nothing extra.
 */

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The first release: one result per question and `note#section` strings. */
export interface StudyProgressV1 {
  version: 1;
  answers: Record<string, { correct: boolean; at: number }>;
  understood: string[];
}

/** The second release's card, scheduled with SM-2. */
export interface Sm2Card {
  repetitions: number;
  /** Days until the next review. */
  interval: number;
  /** SM-2's E-Factor, 1.3 or more. */
  ease: number;
  due: number;
  reviewed: number;
  /** SM-2 grade 0–5. */
  quality: number;
}

export interface StudyProgressV2 {
  version: 2;
  cards: Record<string, Sm2Card>;
  understood: Record<string, Record<string, number>>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isSm2Card(value: unknown): value is Sm2Card {
  if (!isRecord(value)) return false;
  const { repetitions, interval, ease, due, reviewed, quality } = value;
  return (
    Number.isInteger(repetitions) &&
    (repetitions as number) >= 0 &&
    Number.isInteger(interval) &&
    (interval as number) >= 1 &&
    typeof ease === 'number' &&
    ease >= 1.3 &&
    ease < 10 &&
    isTime(due) &&
    isTime(reviewed) &&
    Number.isInteger(quality) &&
    (quality as number) >= 0 &&
    (quality as number) <= 5 &&
    Object.keys(value).length === 6
  );
}

export function isUnderstood(value: unknown): value is StudyProgressV2['understood'] {
  return (
    isRecord(value) &&
    Object.values(value).every((sections) => isRecord(sections) && Object.values(sections).every(isTime))
  );
}

export function checkV2(value: Record<string, unknown>): Checked<StudyProgressV2> {
  const { cards, understood } = value;
  if (Object.keys(value).length !== 3) return { ok: false, reason: 'it has fields this site does not know' };
  if (!isRecord(cards)) return { ok: false, reason: '"cards" is not an object' };
  const badCard = Object.keys(cards).find((key) => !isSm2Card(cards[key]));
  if (badCard !== undefined) return { ok: false, reason: `the card "${badCard}" is not a valid review card` };
  if (!isUnderstood(understood)) return { ok: false, reason: '"understood" is not a list of sections per note' };
  return { ok: true, value: { version: 2, cards: cards as Record<string, Sm2Card>, understood } };
}

export function checkV1(value: Record<string, unknown>): Checked<StudyProgressV1> {
  const { answers, understood } = value;
  const validAnswers =
    isRecord(answers) &&
    Object.values(answers).every(
      (answer) => isRecord(answer) && typeof answer.correct === 'boolean' && isTime(answer.at),
    );
  if (!validAnswers) return { ok: false, reason: '"answers" is not a list of answers' };
  if (
    !Array.isArray(understood) ||
    !understood.every((entry) => typeof entry === 'string' && /^[^#]+#[^#]+$/.test(entry))
  ) {
    return { ok: false, reason: '"understood" is not a list of note#section strings' };
  }
  return { ok: true, value: { version: 1, answers: answers as StudyProgressV1['answers'], understood } };
}

/** SM-2 E-Factor → FSRS difficulty: the default 2.5 is the middle (5), the floor 1.3 the hardest (10). */
export function difficultyFromEase(ease: number): number {
  const difficulty = 5 + ((2.5 - ease) * 5) / 1.2;
  return Math.min(10, Math.max(1, Math.round(difficulty * 100) / 100));
}

/** SM-2 grade → FSRS grade: 4–5 Good, 3 ("recalled with serious difficulty") Hard, below 3 Again. */
export function gradeFromQuality(quality: number): Grade {
  if (quality >= 4) return GRADES.good;
  return quality === 3 ? GRADES.hard : GRADES.again;
}

/**
 * An SM-2 card as an FSRS card in review, keeping everything the reader relies on: the due time
 * and last review exactly, the interval as stability (FSRS's stability is the interval at which
 * recall is 90% likely, so the next review comes when SM-2 planned it), and the ease as difficulty.
 */
export function cardFromSm2(card: Sm2Card): Card {
  const grade = gradeFromQuality(card.quality);
  return {
    due: card.due,
    stability: card.interval,
    difficulty: difficultyFromEase(card.ease),
    state: REVIEW_STATE,
    reps: Math.max(1, card.repetitions),
    lapses: grade === GRADES.again ? 1 : 0,
    step: 0,
    scheduledDays: card.interval,
    reviewed: card.reviewed,
    grade,
  };
}

/**
 * A version 1 answer as the SM-2 card version 2 made of it (a first review at the time of the
 * answer, due a day later, ease 2.6 when right and 2.5 when wrong), ready for cardFromSm2.
 */
export function sm2CardFromAnswer(answer: { correct: boolean; at: number }): Sm2Card {
  return {
    repetitions: answer.correct ? 1 : 0,
    interval: 1,
    ease: answer.correct ? 2.6 : 2.5,
    due: answer.at + DAY_MS,
    reviewed: answer.at,
    quality: answer.correct ? 5 : 1,
  };
}
