import { describe, expect, it } from 'vitest';
import { contentWords, mergeWordSearches, withHighlight } from '../../../src/lib/search/search-merge.ts';
import {
  filterOptions,
  sectionLengths,
  sectionScore,
  toNoteHit,
  type PagefindFragment,
} from '../../../src/lib/search/search-results.ts';
import { closestWord, correctQuery, countWords } from '../../../src/lib/search/query-correction.ts';

const body = (location: number) => ({ weight: 1, balanced_score: 500, location });
const heading = (location: number) => ({ weight: 6, balanced_score: 18000, location });

function fragment(
  url: string,
  title: string,
  sections: [string, ReturnType<typeof body>[]][],
  anchors?: [string, number][],
): PagefindFragment {
  return {
    url: `${url}?highlight=x`,
    excerpt: `${title} excerpt`,
    meta: { title },
    sub_results: sections.map(([id, locations]) => ({
      title: id,
      url: `${url}?highlight=x#${id}`,
      excerpt: `about ${id}`,
      weighted_locations: locations,
    })),
    ...(anchors ? { anchors: anchors.map(([id, location]) => ({ id, location })), word_count: 1000 } : {}),
  };
}

describe('query words', () => {
  it('drops stop words and repeats, but keeps a query made only of them', () => {
    expect(contentWords('What was the baking period again?')).toEqual(['baking', 'period']);
    expect(contentWords('blue green vs rolling')).toEqual(['blue', 'green', 'rolling']);
    expect(contentWords('the the')).toEqual(['the']);
    expect(contentWords('/opt/ml')).toEqual(['opt/ml']);
  });
});

describe('section scores', () => {
  it('puts a heading match far above body matches, and saturates repeats', () => {
    const headingHit = sectionScore({ title: '', url: '', excerpt: '', weighted_locations: [heading(1)] });
    const tenBodyHits = sectionScore({
      title: '',
      url: '',
      excerpt: '',
      weighted_locations: Array.from({ length: 10 }, (_, index) => body(index)),
    });
    const oneBodyHit = sectionScore({ title: '', url: '', excerpt: '', weighted_locations: [body(1)] });
    expect(headingHit).toBeGreaterThan(tenBodyHits);
    expect(tenBodyHits).toBeGreaterThan(oneBodyHit);
    expect(tenBodyHits).toBeLessThan(oneBodyHit * 3);
  });

  it('favours the shorter of two sections with the same matches', () => {
    const sub = { title: '', url: '', excerpt: '', weighted_locations: [body(1), body(2)] };
    expect(sectionScore(sub, 50, 200)).toBeGreaterThan(sectionScore(sub, 800, 200));
  });

  it('measures sections from one heading to the next', () => {
    const lengths = sectionLengths(
      fragment(
        '/notes/a/',
        'A',
        [],
        [
          ['intro', 0],
          ['deep', 120],
          ['end', 400],
        ],
      ),
    );
    expect(lengths).toEqual(
      new Map([
        ['intro', 120],
        ['deep', 280],
        ['end', 600],
      ]),
    );
  });
});

describe('merging one search per word', () => {
  it('ranks sections by how many query words they contain, then by strength, and groups them by note', () => {
    const hits = mergeWordSearches(
      new Map([
        [
          'baking',
          [
            fragment('/notes/guardrails/', 'Guardrails', [
              ['baking-period', [heading(10)]],
              ['canary', [body(50)]],
            ]),
            fragment('/notes/bake/', 'Bread', [['ovens', [heading(3), body(9)]]]),
          ],
        ],
        [
          'period',
          [
            fragment('/notes/guardrails/', 'Guardrails', [
              ['baking-period', [heading(11)]],
              ['timeouts', [heading(90)]],
            ]),
          ],
        ],
      ]),
    );
    expect(hits.map((hit) => hit.url)).toEqual([
      '/notes/guardrails/?highlight=baking&highlight=period',
      '/notes/bake/?highlight=baking&highlight=period',
    ]);
    expect(hits[0]!.sections.map((section) => section.url)).toEqual([
      '/notes/guardrails/?highlight=baking&highlight=period#baking-period',
      '/notes/guardrails/?highlight=baking&highlight=period#timeouts',
      '/notes/guardrails/?highlight=baking&highlight=period#canary',
    ]);
  });

  it('keeps notes that matched only before their first heading, last', () => {
    const hits = mergeWordSearches(
      new Map([['glue', [{ url: '/notes/x/', excerpt: 'glue', meta: { title: 'X' }, sub_results: [] }]]]),
    );
    expect(hits).toEqual([{ title: 'X', url: '/notes/x/?highlight=glue', excerpt: 'glue', sections: [] }]);
  });

  it('builds result links that ask for every word to be highlighted', () => {
    expect(withHighlight('/notes/eks/?highlight=old#data-volumes', ['ebs', 'efs'])).toBe(
      '/notes/eks/?highlight=ebs&highlight=efs#data-volumes',
    );
    expect(withHighlight('/notes/eks/', [])).toBe('/notes/eks/');
  });
});

describe('single search results and filters', () => {
  it('drops the page-level sub-result and orders sections by score', () => {
    const hit = toNoteHit(
      fragment('/notes/a/', 'A', [
        ['weak', [body(5)]],
        ['strong', [heading(9)]],
      ]),
    );
    expect(hit.sections.map((section) => section.title)).toEqual(['strong', 'weak']);
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

describe('misspelling correction', () => {
  const vocabulary = countWords(
    'SageMaker sagemaker sagemaker endpoint endpoints eventbridge scheduler horovod allreduce',
  );

  it('rewrites words that are not in the notes to the closest one', () => {
    expect(correctQuery('sagemker endpint', vocabulary)).toEqual({ query: 'sagemaker endpoint', corrected: true });
    expect(correctQuery('EventBrige scheduler', vocabulary)).toEqual({
      query: 'eventbridge scheduler',
      corrected: true,
    });
  });

  it('leaves known words, prefixes being typed and short words alone', () => {
    expect(correctQuery('sagemaker endp', vocabulary)).toEqual({ query: 'sagemaker endp', corrected: false });
    expect(correctQuery('ecs', vocabulary)).toEqual({ query: 'ecs', corrected: false });
    expect(correctQuery('kubernetes', vocabulary)).toEqual({ query: 'kubernetes', corrected: false });
  });

  it('allows one edit in short words, two in long ones, and prefers the frequent word', () => {
    expect(closestWord('horovd', vocabulary)).toBe('horovod');
    expect(closestWord('alreduce', vocabulary)).toBe('allreduce');
    expect(closestWord('xyzzy', vocabulary)).toBeUndefined();
    expect(closestWord('endpoin', countWords('endpoint endpoints endpoints'))).toBe('endpoint');
  });
});
