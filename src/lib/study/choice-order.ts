import { seedFrom, seededRandom, shuffledIndexes } from '../random.ts';

/**
 * The order a question's choices (or steps, or items) are shown in: a shuffle fixed by the
 * question's key, so it is the same on every build and in every browser, yet differs between
 * questions. Authors may list the right answer first; its position then gives nothing away.
 */
export function choiceOrder(key: string, count: number): number[] {
  return shuffledIndexes(count, seededRandom(seedFrom(key)));
}

/**
 * The order an ordering question's steps are shown in: shuffled like choices, and never already
 * in the right order (then the first two swap), so the answer is never given away.
 */
export function stepOrder(key: string, count: number): number[] {
  const order = choiceOrder(key, count);
  if (count > 1 && order.every((step, index) => step === index)) [order[0], order[1]] = [order[1]!, order[0]!];
  return order;
}
