import { distance } from 'fastest-levenshtein';

/** Words of the notes with how often they occur, as built into `search-vocabulary.json`. */
export type Vocabulary = ReadonlyMap<string, number>;

/** The words a query is made of, lowercased, as search sees them. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? [];
}

/** Counts the words of a text that are long enough to be worth correcting towards. */
export function countWords(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const word of queryWords(text))
    if (word.length >= 3 && !/^\d+$/.test(word)) into.set(word, (into.get(word) ?? 0) + 1);
  return into;
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
 * Rewrites the misspelt words of a query (words of 4+ letters that are neither a word of the notes
 * nor the start of one) to their closest word, so "sagemker" finds "sagemaker".
 */
export function correctQuery(query: string, vocabulary: Vocabulary): { query: string; corrected: boolean } {
  const words = [...vocabulary.keys()];
  let corrected = false;
  const rewritten = query.replace(/[A-Za-z0-9][A-Za-z0-9-]*/g, (original) => {
    const word = original.toLowerCase();
    if (word.length < 4 || isKnown(word, vocabulary, words)) return original;
    const replacement = closestWord(word, vocabulary);
    if (replacement === undefined) return original;
    corrected = true;
    return replacement;
  });
  return { query: rewritten, corrected };
}
