/**
 * The one tokeniser of search: lowercased words of letters and digits, keeping the inner dots,
 * slashes and hyphens of identifiers and paths ("/opt/ml" → "opt/ml", "ml.m5.xlarge").
 * Queries, the spelling vocabulary and the correction all read text through it.
 */
export function textWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}](?:[\p{L}\p{N}._/-]*[\p{L}\p{N}])?/gu) ?? []).map((word) =>
    word.normalize('NFC'),
  );
}

/** Words that carry no meaning in a question such as "what was the baking period again?". */
const STOP_WORDS = new Set(
  'a an and are as at be by can could do does for from how i if in into is it its me my of on or should so that the their there this to was what when where which who why will with would you your again vs versus'.split(
    ' ',
  ),
);

/** The words of a query worth searching for on their own: no stop words, no repeats. */
export function contentWords(query: string): string[] {
  const words = textWords(query);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return [...new Set(meaningful.length > 0 ? meaningful : words)];
}
