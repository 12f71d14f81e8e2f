import { describe, expect, it } from 'vitest';
import { highlightTerm } from '../../../src/lib/search/highlight-terms.ts';

describe('landing-page highlight terms', () => {
  it('marks from the stem of a word to the end of each word it starts', () => {
    expect(highlightTerm('pods')).toBe('pod*');
    expect(highlightTerm('Rollback')).toBe('rollback*');
    expect(highlightTerm('shifting')).toBe('shift*');
    expect(highlightTerm('class')).toBe('class*');
    expect(highlightTerm('ecs')).toBe('ecs*');
  });

  it('removes the wildcards a reader typed, so a query cannot widen the match', () => {
    expect(highlightTerm('a*b?')).toBe('ab*');
  });
});
