import { describe, expect, it } from 'vitest';
import { fieldName, formatFrontmatterErrors, frontmatterLine } from '../../../src/lib/content/content-errors.ts';

const source = `---
title: Amazon EKS
description: Launch and manage Kubernetes clusters.
topic: cooking
tags: [eks]
lectures: []
sources:
  - label: First
    url: https://docs.aws.amazon.com/a
  - label: Second
    url: http://insecure.example
updated: 2026-11-24
---

## Body
`;

describe('frontmatterLine', () => {
  it('finds a top-level field', () => {
    expect(frontmatterLine(source, ['topic'])).toBe(4);
  });

  it('finds a field inside the nth list item', () => {
    expect(frontmatterLine(source, ['sources', 1, 'url'])).toBe(11);
    expect(frontmatterLine(source, ['sources', 0, 'label'])).toBe(8);
  });

  it('falls back to the opening line for a field that is missing', () => {
    expect(frontmatterLine(source, ['draft'])).toBe(1);
  });

  it('does not look past the frontmatter', () => {
    expect(frontmatterLine(source, ['Body'])).toBe(1);
  });
});

describe('formatFrontmatterErrors', () => {
  it('gives file, line, field and message for every problem', () => {
    const message = formatFrontmatterErrors('content/notes/eks.mdx', source, [
      { path: ['topic'], message: 'topic must be one of: containers' },
      { path: ['sources', 1, 'url'], message: 'source url must be an absolute https:// URL' },
      { path: ['draft'], message: 'Invalid input: expected boolean, received undefined' },
    ]);
    expect(message.split('\n')).toEqual([
      'Invalid frontmatter in content/notes/eks.mdx:',
      '  content/notes/eks.mdx:4: topic: topic must be one of: containers',
      '  content/notes/eks.mdx:11: sources[1].url: source url must be an absolute https:// URL',
      '  content/notes/eks.mdx:1: draft: required field is missing (expected boolean)',
    ]);
  });

  it('writes paths the way authors read them', () => {
    expect(fieldName(['lectures', 0, 'url'])).toBe('lectures[0].url');
    expect(fieldName([])).toBe('');
  });
});
