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
 * count, keeping only words used at least twice so the file stays small as the notes grow.
 */
export function spellingVocabulary(texts: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of textWords(text)) if (isCorrectable(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, count]) => count >= 2).sort(([a], [b]) => a.localeCompare(b)));
}

function isKnown(word: string, vocabulary: Vocabulary, words: readonly string[]): boolean {
  return vocabulary.has(word) || words.some((candidate) => candidate.startsWith(word));
}

/**
 * The closest word of the notes to a word that is not in them: one edit away for short words,
 * two for longer ones; the more frequent word wins a tie. Undefined when nothing is close.
 */
export function closestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const limit = word.length <= 5 ? 1 : 2;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const edits = distance(word, candidate);
    if (edits > limit) continue;
    if (!best || edits < best.distance || (edits === best.distance && count > best.count))
      best = { word: candidate, distance: edits, count };
  }
  return best?.word;
}

/**
 * Rewrites the misspelt words of a query (plain words of 4+ letters that are neither a word of the
 * notes nor the start of one) to their closest word, so "sagemker" finds "sagemaker". The query is
 * read through the one search tokeniser and comes back as its words joined by spaces.
 */
export function correctQuery(query: string, vocabulary: Vocabulary): { query: string; corrected: boolean } {
  const known = [...vocabulary.keys()];
  let corrected = false;
  const words = textWords(query).map((word) => {
    if (!isCorrectable(word) || isKnown(word, vocabulary, known)) return word;
    const replacement = closestWord(word, vocabulary);
    if (replacement === undefined) return word;
    corrected = true;
    return replacement;
  });
  return { query: corrected ? words.join(' ') : query.trim(), corrected };
}
