import { describe, expect, it } from 'vitest';
import {
  emphasis,
  focusResults,
  headingCoverage,
  mergeWordResults,
  proximity,
  refineOrder,
} from '../../../src/lib/search/search-merge.ts';
import { filterOptions, groupByNote, withHighlight } from '../../../src/lib/search/search-results.ts';
import { contentWords, textWords } from '../../../src/lib/search/query-words.ts';

describe('the search tokeniser', () => {
  it('keeps identifiers and paths whole, and lowercases', () => {
    expect(textWords('Call UpdateEndpoint on /opt/ml, ml.m5.xlarge!')).toEqual([
      'call',
      'updateendpoint',
      'on',
      'opt/ml',
      'ml.m5.xlarge',
    ]);
  });

  it('drops stop words and repeats, but keeps a query made only of them', () => {
    expect(contentWords('What was the baking period again?')).toEqual(['baking', 'period']);
    expect(contentWords('blue green vs rolling')).toEqual(['blue', 'green', 'rolling']);
    expect(contentWords('the the')).toEqual(['the']);
    expect(contentWords('/opt/ml')).toEqual(['opt/ml']);
  });
});

describe('merging one search per word', () => {
  const result = (id: string, score: number, words: number[] = []) => ({ id, score, words });

  it('sums Pagefind scores per record, and puts records with more of the words first', () => {
    const merged = mergeWordResults(
      new Map([
        ['baking', [result('bake-bread', 9), result('guardrails-baking', 4, [3])]],
        ['period', [result('guardrails-baking', 3, [4, 20]), result('billing', 2)]],
      ]),
    );
    expect(merged.map((entry) => [entry.id, entry.score, entry.words])).toEqual([
      ['guardrails-baking', 7, ['baking', 'period']],
      ['bake-bread', 9, ['baking']],
      ['billing', 2, ['period']],
    ]);
    expect(merged[0]!.best).toEqual(result('guardrails-baking', 4, [3]));
    expect(merged[0]!.positions).toEqual([[3], [4, 20]]);
  });

  it('shows the top result and those scoring a meaningful share of it, the rest later', () => {
    const ranked = [9, 7, 5, 4, 1].map((score) => ({ score }));
    expect(focusResults(ranked, 0.5).shown.map((entry) => entry.score)).toEqual([9, 7, 5]);
    expect(focusResults(ranked, 0.5).more.map((entry) => entry.score)).toEqual([4, 1]);
    expect(focusResults(ranked, 0, 2).shown).toHaveLength(2);
    expect(focusResults([], 0.5)).toEqual({ shown: [], more: [] });
  });
});

describe('ordering the results on screen', () => {
  it('measures how much of a heading the query names', () => {
    expect(headingCoverage('Bring your own container', ['bring', 'own', 'container'])).toBe(1);
    expect(headingCoverage('Worked example: bring your own container', ['bring', 'own', 'container'])).toBe(0.6);
    expect(headingCoverage('VPC endpoints', ['gateway', 'endpoint'])).toBe(0.5);
    expect(headingCoverage('The', ['the'])).toBe(1);
    expect(headingCoverage('', ['anything'])).toBe(0);
  });

  it('scores words side by side highest, and falls with the words between them', () => {
    expect(proximity([[7], [8]])).toBe(1);
    expect(
      proximity([
        [1, 30],
        [8, 32],
      ]),
    ).toBe(0.5);
    expect(proximity([[2], [9], [5]])).toBeCloseTo(1 / 6);
    expect(proximity([[4], []])).toBe(0);
    expect(proximity([[4]])).toBe(0);
  });

  it('puts the section that explains a term, named by the query, before an example or a recap', () => {
    const merged = (id: string, score: number, positions: number[][]) => ({
      merged: { id, score, words: positions.map(String), positions, best: { id, score, words: [] } },
    });
    const shown = [
      { ...merged('example', 10, [[1], [9]]), heading: 'Worked example: canary rollout' },
      { ...merged('recap', 9, [[4], [40]]), heading: 'What to remember' },
      { ...merged('explains', 8, [[3], [4]]), heading: 'Canary traffic shifting' },
      { ...merged('one-word', 30, [[2]]), heading: 'Canary' },
    ].map((result) => ({ ...result, phrases: '' }));
    expect(refineOrder(shown, ['canary', 'shifting']).map((result) => result.merged.id)).toEqual([
      'explains',
      'example',
      'recap',
      'one-word',
    ]);
  });

  it('counts an emphasised phrase only when it holds two or more of the query words', () => {
    expect(emphasis('port 8080 | get ping', ['ping', 'invocations', 'port', '8080'])).toBe(0.5);
    expect(emphasis('gateway endpoint | interface endpoint', ['gateway', 'endpoint', 's3'])).toBeCloseTo(2 / 3);
    // One word in bold says little: "NAT gateway" for a query on gateway endpoints.
    expect(emphasis('route table | nat gateway', ['gateway', 'endpoint', 's3'])).toBe(0);
    expect(emphasis('', ['canary', 'shifting'])).toBe(0);
  });

  it('puts the section that sets off the query words before one that only repeats them', () => {
    const result = (id: string, score: number, phrases: string) => ({
      merged: { id, score, words: ['port', '8080'], positions: [[1], [5]], best: { id, score, words: [] } },
      heading: id,
      phrases,
    });
    const shown = [result('repeats', 10, ''), result('states', 9, 'port 8080')];
    expect(refineOrder(shown, ['port', '8080']).map((entry) => entry.merged.id)).toEqual(['states', 'repeats']);
    expect(
      refineOrder([result('repeats', 10, ''), result('states', 5, 'port 8080')], ['port', '8080'])[0]!.merged.id,
    ).toBe('repeats');
  });
});

describe('results for display', () => {
  it('groups section records under their notes in rank order, with highlight links', () => {
    const hits = groupByNote(
      [
        { url: '/notes/eks/#ebs-vs-efs', excerpt: 'EBS', meta: { title: 'EBS vs EFS', note: 'Amazon EKS' } },
        { url: '/notes/batch/#array-jobs', excerpt: 'arrays', meta: { title: 'Array jobs', note: 'AWS Batch' } },
        { url: '/notes/eks/', excerpt: 'Kubernetes', meta: { title: 'Amazon EKS', note: 'Amazon EKS' } },
      ],
      ['efs'],
    );
    expect(hits).toEqual([
      {
        title: 'Amazon EKS',
        url: '/notes/eks/?highlight=efs',
        excerpt: 'Kubernetes',
        sections: [{ title: 'EBS vs EFS', url: '/notes/eks/?highlight=efs#ebs-vs-efs', excerpt: 'EBS' }],
      },
      {
        title: 'AWS Batch',
        url: '/notes/batch/?highlight=efs',
        sections: [{ title: 'Array jobs', url: '/notes/batch/?highlight=efs#array-jobs', excerpt: 'arrays' }],
      },
    ]);
  });

  it('builds result links that ask for every word to be highlighted', () => {
    expect(withHighlight('/notes/eks/?highlight=old#data-volumes', ['ebs', 'efs'])).toBe(
      '/notes/eks/?highlight=ebs&highlight=efs#data-volumes',
    );
    expect(withHighlight('/notes/eks/', [])).toBe('/notes/eks/');
  });

  it('lists filter values by count', () => {
    expect(filterOptions({ eks: 1, sagemaker: 5, batch: 1 })).toEqual([
      { value: 'sagemaker', count: 5 },
      { value: 'batch', count: 1 },
      { value: 'eks', count: 1 },
    ]);
    expect(filterOptions(undefined)).toEqual([]);
  });
});
