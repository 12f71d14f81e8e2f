import { describe, expect, it } from 'vitest';
import {
  closestWord,
  correctWord,
  rewriteQuery,
  spellingVocabulary,
} from '../../../src/lib/search/query-correction.ts';

const vocabularyOf = (...texts: string[]) => new Map(Object.entries(spellingVocabulary(texts)));

describe('the spelling vocabulary', () => {
  it('counts every plain word of four letters or more', () => {
    expect(spellingVocabulary(['SageMaker sagemaker ECS ECS opt/ml 8080 quokka', 'Sagemaker'])).toEqual({
      quokka: 1,
      sagemaker: 3,
    });
  });
});

describe('misspelling correction', () => {
  const vocabulary = vocabularyOf(
    'SageMaker sagemaker sagemaker endpoint endpoint endpoints endpoints eventbridge eventbridge',
    'scheduler scheduler horovod horovod allreduce allreduce',
  );

  it('replaces a word that is not in the notes by the closest one', () => {
    expect(correctWord('sagemker', vocabulary)).toBe('sagemaker');
    expect(correctWord('endpint', vocabulary)).toBe('endpoint');
    expect(correctWord('eventbrige', vocabulary)).toBe('eventbridge');
  });

  it('leaves known words, prefixes being typed, short words and identifiers alone', () => {
    expect(correctWord('sagemaker', vocabulary)).toBeUndefined();
    expect(correctWord('endp', vocabulary)).toBeUndefined();
    expect(correctWord('ecs', vocabulary)).toBeUndefined();
    expect(correctWord('kubernetes', vocabulary)).toBeUndefined();
    expect(correctWord('horovd.init', vocabulary)).toBeUndefined();
  });

  it('rewrites a query with its replaced words, or leaves it as typed', () => {
    expect(
      rewriteQuery(
        'SageMker  endpint?',
        new Map([
          ['sagemker', 'sagemaker'],
          ['endpint', 'endpoint'],
        ]),
      ),
    ).toBe('sagemaker endpoint');
    expect(rewriteQuery(' EKS vs ECS ', new Map())).toBe('EKS vs ECS');
  });

  it('allows one edit in short words, two in long ones, and prefers the frequent word', () => {
    expect(closestWord('horovd', vocabulary)).toBe('horovod');
    expect(closestWord('alreduce', vocabulary)).toBe('allreduce');
    expect(closestWord('xyzzy', vocabulary)).toBeUndefined();
    expect(closestWord('exchange', vocabularyOf('change changes'))).toBeUndefined();
    expect(closestWord('endpoin', vocabularyOf('endpoint endpoint endpoints endpoints endpoints'))).toBe('endpoint');
    expect(closestWord('bxke', vocabularyOf('bike bike bake bake bake'))).toBe('bake');
  });
});
