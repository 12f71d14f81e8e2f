/**
 * Reads a number field; an empty or non-numeric entry is NaN, which validation reports with the
 * field's range ("Enter a whole number from 1 to 100").
 */
export function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
