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
  'a am an and are as at be been being by can could did do does for from had has have how i if in into is it its me my of on or our should so than that the their them then there they this to us was we were what when where which who why will with would you your again also just very vs versus'.split(
    ' ',
  ),
);

/** The words of a query worth searching for on their own: no stop words, no repeats. */
export function contentWords(query: string): string[] {
  const words = textWords(query);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return [...new Set(meaningful.length > 0 ? meaningful : words)];
}
