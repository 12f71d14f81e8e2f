import { describe, expect, it } from 'vitest';
import { closestWord, correctQuery, spellingVocabulary } from '../../../src/lib/search/query-correction.ts';

const vocabularyOf = (...texts: string[]) => new Map(Object.entries(spellingVocabulary(texts)));

describe('the spelling vocabulary', () => {
  it('counts plain words of four letters or more used at least twice', () => {
    expect(spellingVocabulary(['SageMaker sagemaker ECS ECS opt/ml opt/ml 8080 8080 once', 'Sagemaker'])).toEqual({
      sagemaker: 3,
    });
  });
});

describe('misspelling correction', () => {
  const vocabulary = vocabularyOf(
    'SageMaker sagemaker sagemaker endpoint endpoint endpoints endpoints eventbridge eventbridge',
    'scheduler scheduler horovod horovod allreduce allreduce',
  );

  it('rewrites words that are not in the notes to the closest one', () => {
    expect(correctQuery('sagemker endpint', vocabulary)).toEqual({ query: 'sagemaker endpoint', corrected: true });
    expect(correctQuery('EventBrige scheduler', vocabulary)).toEqual({
      query: 'eventbridge scheduler',
      corrected: true,
    });
  });

  it('leaves known words, prefixes being typed, short words and identifiers alone', () => {
    expect(correctQuery('sagemaker endp', vocabulary)).toEqual({ query: 'sagemaker endp', corrected: false });
    expect(correctQuery('ecs', vocabulary)).toEqual({ query: 'ecs', corrected: false });
    expect(correctQuery('kubernetes', vocabulary)).toEqual({ query: 'kubernetes', corrected: false });
    expect(correctQuery('horovd.init', vocabulary)).toEqual({ query: 'horovd.init', corrected: false });
  });

  it('allows one edit in short words, two in long ones, and prefers the frequent word', () => {
    expect(closestWord('horovd', vocabulary)).toBe('horovod');
    expect(closestWord('alreduce', vocabulary)).toBe('allreduce');
    expect(closestWord('xyzzy', vocabulary)).toBeUndefined();
    expect(closestWord('endpoin', vocabularyOf('endpoint endpoint endpoints endpoints endpoints'))).toBe('endpoint');
    expect(closestWord('bxke', vocabularyOf('bike bike bake bake bake'))).toBe('bake');
  });
});
