import { slug } from 'github-slugger';

export type TextSegment = { text: string } | { term: string; text: string };

/** The glossary page anchor of a term, e.g. `ASG` → `term-asg`. */
export function termAnchor(term: string): string {
  return `term-${slug(term)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a matcher for whole-word, case-sensitive uses of the terms, plurals included (`AZs`).
 * Longer terms win over their prefixes (`ALB` before `AL`).
 */
export function termMatcher(terms: readonly string[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\w/-])(${alternatives.join('|')})(s?)(?![\\w-])`, 'g');
}

/**
 * Splits text into plain runs and the first use of each term not yet in `marked`
 * (which it updates), so each term is explained once per section rather than on every mention.
 */
export function splitByTerms(text: string, matcher: RegExp | undefined, marked: Set<string>): TextSegment[] {
  if (!matcher) return [{ text }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(matcher)) {
    const term = match[1]!;
    if (marked.has(term)) continue;
    marked.add(term);
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ term, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
