/**
 * The order a question's choices are shown in: a shuffle fixed by the question's key, so it is the
 * same on every build and in every browser, yet differs between questions. Authors may list the
 * right answer first; its position then gives nothing away.
 */
export function choiceOrder(key: string, count: number): number[] {
  // FNV-1a hash of the key seeds a xorshift32 generator for a Fisher–Yates shuffle.
  let state = 0x811c9dc5;
  for (const character of key) state = Math.imul(state ^ character.charCodeAt(0), 0x01000193) >>> 0;
  state ||= 1;
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const other = state % (index + 1);
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}
