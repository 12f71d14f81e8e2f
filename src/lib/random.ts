/**
 * The site's one seeded pseudo-random generator: the same seed gives the same sequence on every
 * build and in every browser. xorshift32 (Marsaglia, 2003), seeded from a string by FNV-1a.
 */

/** A 32-bit seed from a string (FNV-1a), never 0 (xorshift would stay at 0). */
export function seedFrom(key: string): number {
  let hash = 0x811c9dc5;
  for (const character of key) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
  return hash || 0x2545f491;
}

/** Numbers in [0, 1), deterministic for a seed. */
export function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0 || 0x2545f491;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

/** 0 … count−1 in an order shuffled (Fisher–Yates) by `random`. */
export function shuffledIndexes(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}
