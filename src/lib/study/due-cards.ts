import { answeredRight, type Card } from './review-card.ts';

/** Which questions are due and in what order: plain reads of stored cards, no scheduler needed. */

/** Keys of the cards due at `now`, most overdue first (ties: harder first, then by key). */
export function dueCards(cards: Readonly<Record<string, Card>>, now: number): string[] {
  return Object.entries(cards)
    .filter(([, card]) => card.due <= now)
    .sort(([keyA, a], [keyB, b]) => a.due - b.due || b.difficulty - a.difficulty || keyA.localeCompare(keyB))
    .map(([key]) => key);
}

/** How many of `keys` (all cards when omitted) are due at `now`. */
export function countDue(cards: Readonly<Record<string, Card>>, now: number, keys?: readonly string[]): number {
  const wanted = keys ? new Set(keys) : undefined;
  return dueCards(cards, now).filter((key) => !wanted || wanted.has(key)).length;
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
  /** Questions whose last answer was right (graded Hard or better). */
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
    if (answeredRight(card)) score.right++;
    if (card.due <= now) score.due++;
  }
  return [...scores.values()];
}
