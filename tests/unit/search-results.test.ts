import { describe, expect, it } from 'vitest';
import { toNoteHit } from '../../src/lib/search-results';

describe('toNoteHit', () => {
  const fragment = {
    url: '/notes/deployment-guardrails/',
    excerpt: 'the <mark>canary</mark> fleet',
    meta: { title: 'SageMaker deployment guardrails' },
    sub_results: [
      { title: 'SageMaker deployment guardrails', url: '/notes/deployment-guardrails/', excerpt: 'intro' },
      { title: 'Canary traffic shifting', url: '/notes/deployment-guardrails/#canary', excerpt: 'a <mark>canary</mark>' },
      { title: 'Linear', url: '/notes/deployment-guardrails/#linear', excerpt: 'b' },
      { title: 'Rollback', url: '/notes/deployment-guardrails/#rollback', excerpt: 'c' },
      { title: 'Baking', url: '/notes/deployment-guardrails/#baking', excerpt: 'd' },
    ],
  };

  it('keeps the note and its matching sections, dropping the page-level sub-result', () => {
    const hit = toNoteHit(fragment);
    expect(hit.title).toBe('SageMaker deployment guardrails');
    expect(hit.sections.map((section) => section.url)).toEqual([
      '/notes/deployment-guardrails/#canary',
      '/notes/deployment-guardrails/#linear',
      '/notes/deployment-guardrails/#rollback',
    ]);
  });

  it('limits the sections shown and falls back to the URL without a title', () => {
    expect(toNoteHit(fragment, 1).sections).toHaveLength(1);
    expect(toNoteHit({ url: '/notes/x/', excerpt: '', meta: {} }).title).toBe('/notes/x/');
  });
});
