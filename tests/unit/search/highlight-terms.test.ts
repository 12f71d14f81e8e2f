import { describe, expect, it } from 'vitest';
import { highlightTerm, splitMarkedWord } from '../../../src/lib/search/highlight-terms.ts';

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

describe('marked excerpt words', () => {
  it('leaves brackets, commas and quotes around a word outside its mark', () => {
    expect(splitMarkedWord('(endpoints')).toEqual({ before: '(', word: 'endpoints', after: '' });
    expect(splitMarkedWord('endpoints).')).toEqual({ before: '', word: 'endpoints', after: ').' });
    expect(splitMarkedWord('“EndpointName”:')).toEqual({ before: '“', word: 'EndpointName', after: '”:' });
  });

  it('keeps punctuation inside a word, and a word without any, as it is', () => {
    expect(splitMarkedWord('churn-endpoint')).toEqual({ before: '', word: 'churn-endpoint', after: '' });
    expect(splitMarkedWord('s3://bucket/key')).toEqual({ before: '', word: 's3://bucket/key', after: '' });
    expect(splitMarkedWord('SageMaker')).toEqual({ before: '', word: 'SageMaker', after: '' });
    expect(splitMarkedWord('Zoë')).toEqual({ before: '', word: 'Zoë', after: '' });
  });

  it('keeps a mark of punctuation alone whole rather than emptying it', () => {
    expect(splitMarkedWord('->')).toEqual({ before: '', word: '->', after: '' });
  });
});
