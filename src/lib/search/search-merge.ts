import { contentWords } from './query-words.ts';
import { sectionRole, type SectionRole } from './section-role.ts';

/** What the merge needs of a Pagefind result: its record id, Pagefind's own score and where its word occurs. */
export interface RankedResult {
  id: string;
  score: number;
  /** Positions of the matched word in the record's text (Pagefind's `words`). */
  words: number[];
}

/** A record found by some of a query's words, with the sum of Pagefind's scores for them. */
export interface MergedResult<R extends RankedResult> {
  id: string;
  score: number;
  words: string[];
  /** For each of `words`, where it occurs in the record. */
  positions: number[][];
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
        merged.set(result.id, {
          id: result.id,
          score: result.score,
          words: [word],
          positions: [result.words],
          best: result,
        });
        continue;
      }
      entry.score += result.score;
      entry.words.push(word);
      entry.positions.push(result.words);
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

/** Examples and recaps repeat the terms a section explains; the explaining section should come first. */
const ROLE_WEIGHT: Record<SectionRole, number> = { explains: 1, example: 0.6, recap: 0.6 };

/** Whether two words are the same word: equal, or one a longer form of the other ("endpoint", "endpoints"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)));
}

/** The share of a heading's words that the query has: 1 when the query names the section exactly. */
export function headingCoverage(heading: string, queryWords: readonly string[]): number {
  const words = contentWords(heading);
  if (words.length === 0) return 0;
  return words.filter((word) => queryWords.some((queryWord) => sameWord(word, queryWord))).length / words.length;
}

/**
 * How close together a record's text has the words it matched: 1 when they stand side by side,
 * falling as the smallest stretch holding one of each grows; 0 for fewer than two words, or when a
 * word is only in the heading (the heading counts through `headingCoverage`).
 */
export function proximity(lists: readonly (readonly number[])[]): number {
  if (lists.length < 2 || lists.some((list) => list.length === 0)) return 0;
  const occurrences = lists.flatMap((list, word) => list.map((position) => ({ position, word })));
  occurrences.sort((a, b) => a.position - b.position);
  const inWindow = new Map<number, number>();
  let narrowest = Infinity;
  let start = 0;
  for (const occurrence of occurrences) {
    inWindow.set(occurrence.word, (inWindow.get(occurrence.word) ?? 0) + 1);
    while (inWindow.size === lists.length) {
      const first = occurrences[start++]!;
      narrowest = Math.min(narrowest, occurrence.position - first.position);
      const left = inWindow.get(first.word)! - 1;
      if (left === 0) inWindow.delete(first.word);
      else inWindow.set(first.word, left);
    }
  }
  const gaps = narrowest - (lists.length - 1);
  return 1 / (1 + Math.max(0, gaps));
}

/** Separates the emphasised phrases of a section in its search record (`meta.key`). */
export const PHRASE_SEPARATOR = ' | ';

/**
 * How much of the query one of the section's emphasised phrases (bold text, table headers) holds:
 * the share of the query's words in the phrase with the most of them, when it has at least two.
 * A section that sets off "port 8080" or a "Gateway endpoint" column states the fact; one word in
 * bold says little, so it counts for nothing.
 */
export function emphasis(phrases: string, queryWords: readonly string[]): number {
  // The record keeps each phrase as its content words, joined by spaces.
  const held = phrases
    .split(PHRASE_SEPARATOR)
    .map((phrase) => phrase.split(' '))
    .map((words) => queryWords.filter((queryWord) => words.some((word) => sameWord(word, queryWord))).length);
  const most = Math.max(0, ...held);
  return most >= 2 ? most / queryWords.length : 0;
}

/** How much a section whose emphasised phrase holds the whole query gains over one with none. */
const EMPHASIS_WEIGHT = 0.75;

/**
 * Orders the results on screen by what Pagefind's per-word scores cannot see, once their data is
 * loaded: the section whose heading the query names, whose words stand together, that sets them off,
 * and that explains rather than repeats. Records with more of the query's words still come first.
 */
export function refineOrder<T extends { merged: MergedResult<RankedResult>; heading: string; phrases: string }>(
  shown: readonly T[],
  queryWords: readonly string[],
): T[] {
  const refined = (result: T) =>
    result.merged.score *
    ROLE_WEIGHT[sectionRole(result.heading)] *
    (1 + headingCoverage(result.heading, queryWords)) *
    (1 + proximity(result.merged.positions)) *
    (1 + EMPHASIS_WEIGHT * emphasis(result.phrases, queryWords));
  return shown
    .map((result) => ({ result, score: refined(result) }))
    .sort((a, b) => b.result.merged.words.length - a.result.merged.words.length || b.score - a.score)
    .map(({ result }) => result);
}
