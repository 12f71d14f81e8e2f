/**
 * Spaced repetition with SM-2, as published in P. A. Woźniak, "Application of a computer to improve
 * the results obtained in working with the SuperMemo method" (1990), adapted from his thesis
 * "Optimization of learning": https://super-memory.com/english/ol/sm2.htm
 *
 *   - every item starts with an E-Factor (ease) of 2.5, which never falls below 1.3;
 *   - the intervals are I(1) = 1 day, I(2) = 6 days, then I(n) = I(n-1) × EF, rounded up;
 *   - each answer is graded 0–5; EF' = EF + (0.1 − (5 − q) × (0.08 + (5 − q) × 0.02));
 *   - a grade below 3 starts the item's repetitions again "without changing the E-Factor";
 *   - items graded below 4 are repeated the same day until they reach 4 (done by the review session).
 *
 * The new interval uses the E-Factor from before this answer, as in the usual reading of step 3.
 * Time is always passed in (milliseconds since the epoch), so the module is pure and testable.
 */

export type Quality = 0 | 1 | 2 | 3 | 4 | 5;

/** What the scheduler remembers about one question. */
export interface Card {
  /** Correct answers in a row since the last failure: n in I(n). */
  repetitions: number;
  /** Days until the next review. */
  interval: number;
  /** The E-Factor. */
  ease: number;
  /** When the card is next due (ms). */
  due: number;
  /** When it was last answered (ms). */
  reviewed: number;
  /** The grade of that answer. */
  quality: Quality;
}

export const INITIAL_EASE = 2.5;
export const MINIMUM_EASE = 1.3;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** SM-2 step 5: the E-Factor after an answer of quality q, never below 1.3. */
export function nextEase(ease: number, quality: Quality): number {
  const miss = 5 - quality;
  const updated = ease + (0.1 - miss * (0.08 + miss * 0.02));
  // Rounded to hundredths so repeated float steps do not drift (2.5 − 0.14 stays 2.36).
  return Math.max(MINIMUM_EASE, Math.round(updated * 100) / 100);
}

/** The card after one answer; `card` is undefined for a question never answered before. */
export function review(card: Card | undefined, quality: Quality, now: number): Card {
  const ease = card?.ease ?? INITIAL_EASE;
  if (quality < 3) {
    return { repetitions: 0, interval: 1, ease, due: now + DAY_MS, reviewed: now, quality };
  }
  const repetitions = (card?.repetitions ?? 0) + 1;
  const interval = repetitions === 1 ? 1 : repetitions === 2 ? 6 : Math.ceil((card?.interval ?? 1) * ease);
  return { repetitions, interval, ease: nextEase(ease, quality), due: now + interval * DAY_MS, reviewed: now, quality };
}

/**
 * The grade of one sitting with a question. The site cannot see hesitation, so it grades by
 * attempts: right at the first check is 5 ("perfect response"); right only after a wrong check,
 * having seen the explanation, is 3 ("recalled with serious difficulty"); never right is 1
 * ("incorrect response; the correct one remembered", since the answer was shown).
 */
export function gradeSitting(attempts: readonly boolean[]): Quality {
  if (attempts[0] === true) return 5;
  return attempts.includes(true) ? 3 : 1;
}

/** SM-2 step 7: whether the session should ask the question again before it ends. */
export function repeatToday(quality: Quality): boolean {
  return quality < 4;
}

/** Keys of the cards due at `now`, most overdue first (ties: lower ease first, then by key). */
export function dueCards(cards: Readonly<Record<string, Card>>, now: number): string[] {
  return Object.entries(cards)
    .filter(([, card]) => card.due <= now)
    .sort(([keyA, a], [keyB, b]) => a.due - b.due || a.ease - b.ease || keyA.localeCompare(keyB))
    .map(([key]) => key);
}

/**
 * The order of a review session over the questions `keys`: due cards first, most overdue first,
 * then questions never answered, in the order given. Cards not yet due are left out.
 */
export function sessionOrder(keys: readonly string[], cards: Readonly<Record<string, Card>>, now: number): string[] {
  const wanted = new Set(keys);
  const due = dueCards(cards, now).filter((key) => wanted.has(key));
  const unseen = keys.filter((key) => cards[key] === undefined);
  return [...due, ...unseen];
}

/** When the next card among `keys` falls due, or undefined if none has been answered. */
export function nextDue(keys: readonly string[], cards: Readonly<Record<string, Card>>): number | undefined {
  const dues = keys.flatMap((key) => (cards[key] ? [cards[key].due] : []));
  return dues.length > 0 ? Math.min(...dues) : undefined;
}

export interface TopicScore {
  topic: string;
  /** Questions in the topic. */
  total: number;
  /** Questions answered at least once. */
  answered: number;
  /** Questions whose last answer was right (graded 3 or more). */
  right: number;
  /** Answered questions due for review now. */
  due: number;
}

/** Scores per topic, for questions given as key → topic, in the order topics first appear. */
export function topicScores(
  questions: readonly { key: string; topic: string }[],
  cards: Readonly<Record<string, Card>>,
  now: number,
): TopicScore[] {
  const scores = new Map<string, TopicScore>();
  for (const { key, topic } of questions) {
    let score = scores.get(topic);
    if (!score) scores.set(topic, (score = { topic, total: 0, answered: 0, right: 0, due: 0 }));
    score.total++;
    const card = cards[key];
    if (!card) continue;
    score.answered++;
    if (card.quality >= 3) score.right++;
    if (card.due <= now) score.due++;
  }
  return [...scores.values()];
}
