import { KEBAB_CASE } from './ids.ts';

/**
 * Explicit section ids in MDX headings are written as a trailing comment, `## Canary mode {/*canary*\/}` (backslash added here only),
 * because MDX reads the usual `{#canary}` as a JavaScript expression and fails.
 * Returns the id when an expression's source is exactly such a comment, else undefined.
 */
export function parseExplicitId(expression: string): string | undefined {
  const match = expression.match(/^\s*\/\*\s*([^*]*?)\s*\*\/\s*$/);
  return match ? match[1] : undefined;
}

/** Section ids are what github-slugger would produce: lowercase words joined by hyphens. */
export function isValidSectionId(id: string): boolean {
  return KEBAB_CASE.test(id);
}
