/** Characters that may stand just before or after a highlighted word. */
export const WORD_LIMITERS = [...'.,;:!?()[]{}"\'“”‘’/-`…<>'];

/**
 * The term the landing page marks for a searched word: its stem (a plural or -ed/-ing ending
 * dropped) followed by mark.js's `*` wildcard, so "pods" marks "Pod" and "rolled" marks
 * "rollback", always from the start of a word to its end, never a fragment inside one.
 */
export function highlightTerm(word: string): string {
  const plain = word.toLowerCase().replace(/[?*]/g, '');
  const stem =
    plain.length > 5 && /(?:ing|ed)$/.test(plain)
      ? plain.replace(/(?:ing|ed)$/, '')
      : plain.length > 3 && /[^s]s$/.test(plain)
        ? plain.slice(0, -1)
        : plain;
  return `${stem}*`;
}

/**
 * A marked excerpt word split into the punctuation around it and the word itself. Pagefind marks
 * whatever sits between two spaces, so "(endpoints" or "endpoints," would be highlighted with
 * their brackets and commas; only `word` belongs inside the mark. A mark of punctuation alone is
 * kept whole.
 */
export function splitMarkedWord(text: string): { before: string; word: string; after: string } {
  const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(text)!;
  const [, before = '', word = '', after = ''] = match;
  return word === '' ? { before: '', word: text, after: '' } : { before, word, after };
}
