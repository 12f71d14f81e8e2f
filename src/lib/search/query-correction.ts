import { distance } from 'fastest-levenshtein';
import { textWords } from './query-words.ts';

/** Words of the indexed text with how often they occur, as written to `search-vocabulary.json`. */
export type Vocabulary = ReadonlyMap<string, number>;

/** Only plain words this long are corrected, so abbreviations and identifiers are left alone. */
const MIN_LENGTH = 4;

function isCorrectable(word: string): boolean {
  return word.length >= MIN_LENGTH && /^\p{L}+$/u.test(word);
}

/**
 * The spelling vocabulary of some indexed texts: each plain word of four letters or more with its
 * count. Every indexed word is in it, so a rare word of the notes is never taken for a typo.
 */
export function spellingVocabulary(texts: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of textWords(text)) if (isCorrectable(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

function isKnown(word: string, vocabulary: Vocabulary, words: readonly string[]): boolean {
  return vocabulary.has(word) || words.some((candidate) => candidate.startsWith(word));
}

/**
 * The closest word of the notes to a word that is not in them: one edit away for short words,
 * two for longer ones, with the same first letter (a typo seldom changes it, while a real word such
 * as "exchange" is often two edits from another, "change"); the more frequent word wins a tie.
 * Undefined when nothing is close.
 */
export function closestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const limit = word.length <= 5 ? 1 : 2;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary) {
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > limit) continue;
    const edits = distance(word, candidate);
    if (edits > limit) continue;
    if (!best || edits < best.distance || (edits === best.distance && count > best.count))
      best = { word: candidate, distance: edits, count };
  }
  return best?.word;
}

/**
 * The word of the notes a misspelt word stands for, so "sagemker" finds "sagemaker": undefined for
 * a word of the notes or the start of one (being typed), for identifiers and words under four
 * letters, and when nothing is close.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
  if (!isCorrectable(word) || isKnown(word, vocabulary, [...vocabulary.keys()])) return undefined;
  return closestWord(word, vocabulary);
}

/**
 * A query with some of its words replaced, read through the one search tokeniser: the words joined
 * by spaces when any was replaced, else the query as typed (trimmed).
 */
export function rewriteQuery(query: string, replacements: ReadonlyMap<string, string>): string {
  if (replacements.size === 0) return query.trim();
  return textWords(query)
    .map((word) => replacements.get(word) ?? word)
    .join(' ');
}
