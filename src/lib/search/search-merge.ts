/** What the merge needs of a Pagefind result: its record id and Pagefind's own score. */
export interface RankedResult {
  id: string;
  score: number;
}

/** A record found by some of a query's words, with the sum of Pagefind's scores for them. */
export interface MergedResult<R extends RankedResult> {
  id: string;
  score: number;
  words: string[];
  /** The result of the word that scored this record highest. */
  best: R;
}

/**
 * Merges one Pagefind search per word into one ranking. Pagefind requires every word, so a
 * question in plain words would find little; here a record counts if it has any of the words.
 * Its score is the sum of Pagefind's scores for the words it has (Pagefind's ranking does the
 * weighing); records with more of the words come first, then the higher score.
 */
export function mergeWordResults<R extends RankedResult>(
  perWord: ReadonlyMap<string, readonly R[]>,
): MergedResult<R>[] {
  const merged = new Map<string, MergedResult<R>>();
  for (const [word, results] of perWord) {
    for (const result of results) {
      const entry = merged.get(result.id);
      if (!entry) {
        merged.set(result.id, { id: result.id, score: result.score, words: [word], best: result });
        continue;
      }
      entry.score += result.score;
      entry.words.push(word);
      if (result.score > entry.best.score) entry.best = result;
    }
  }
  return [...merged.values()].sort((a, b) => b.words.length - a.words.length || b.score - a.score);
}

/**
 * The results worth showing first: the top one and those scoring at least `share` of it (at most
 * `limit`, in rank order), so one common word is not enough to list a note; the rest wait behind
 * "more results".
 */
export function focusResults<T extends { score: number }>(
  ranked: readonly T[],
  share = 0.5,
  limit = 8,
): { shown: T[]; more: T[] } {
  const threshold = (ranked[0]?.score ?? 0) * share;
  const shown: T[] = [];
  const more: T[] = [];
  for (const result of ranked) (shown.length < limit && result.score >= threshold ? shown : more).push(result);
  return { shown, more };
}
