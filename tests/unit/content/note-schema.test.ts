import { describe, expect, it } from 'vitest';
import { noteSchema } from '../../../src/lib/content/note-schema.ts';

const validNote = {
  title: 'Amazon EKS',
  description: 'Launch and manage Kubernetes clusters on AWS.',
  topic: 'containers',
  tags: ['eks', 'kubernetes'],
  order: 2,
  lectures: [{ label: 'Amazon EKS', url: 'https://www.udemy.com/course/x/learn/lecture/45356923#overview' }],
  sources: [{ label: 'What is Amazon EKS?', url: 'https://docs.aws.amazon.com/eks/latest/userguide/what-is-eks.html' }],
  updated: '2026-11-24',
  draft: false,
};

function issuesFor(note: unknown): string[] {
  const result = noteSchema.safeParse(note);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('note frontmatter schema', () => {
  it('accepts a complete note and turns `updated` into a date', () => {
    const parsed = noteSchema.parse(validNote);
    expect(parsed.updated).toEqual(new Date('2026-11-24'));
    expect(parsed.topic).toBe('containers');
  });

  it.each(['title', 'description', 'topic', 'tags', 'order', 'lectures', 'sources', 'updated', 'draft'])(
    'names the missing field %s',
    (field) => {
      const note: Record<string, unknown> = { ...validNote };
      delete note[field];
      expect(issuesFor(note).some((issue) => issue.startsWith(`${field}:`))).toBe(true);
    },
  );

  it('rejects a topic outside the fixed set and lists the allowed ones', () => {
    expect(issuesFor({ ...validNote, topic: 'cooking' })).toEqual([
      expect.stringMatching(/^topic: topic must be one of: model-deployment, containers/),
    ]);
  });

  it('rejects unknown fields, so a misspelt field name is not silently ignored', () => {
    expect(issuesFor({ ...validNote, tag: ['eks'] })).toEqual([expect.stringContaining('tag')]);
  });

  it('requires at least one source, each an https URL with a label', () => {
    expect(issuesFor({ ...validNote, sources: [] })).toEqual(['sources: sources must list at least one official page']);
    expect(issuesFor({ ...validNote, sources: [{ label: 'x', url: 'http://docs.aws.amazon.com/eks/' }] })).toEqual([
      'sources.0.url: source url must be an absolute https:// URL',
    ]);
    expect(issuesFor({ ...validNote, sources: [{ label: '', url: 'https://docs.aws.amazon.com/' }] })).toEqual([
      'sources.0.label: source label must not be empty',
    ]);
  });

  it('requires at least one source on an official documentation site', () => {
    expect(issuesFor({ ...validNote, sources: [{ label: 'A blog', url: 'https://medium.com/some-post' }] })).toEqual([
      expect.stringMatching(/^sources: sources must include an official page \(docs\.aws\.amazon\.com/),
    ]);
    expect(
      issuesFor({
        ...validNote,
        sources: [
          { label: 'A blog', url: 'https://medium.com/some-post' },
          { label: 'Horovod', url: 'https://horovod.readthedocs.io/en/stable/' },
        ],
      }),
    ).toEqual([]);
  });

  it('only accepts course lectures from the course site', () => {
    expect(issuesFor({ ...validNote, lectures: [{ label: 'x', url: 'https://example.com/lecture/1' }] })).toEqual([
      'lectures.0.url: lecture url must be on udemy.com',
    ]);
  });

  it('rejects tags that are not lowercase-hyphenated and a non-date `updated`', () => {
    expect(issuesFor({ ...validNote, tags: ['Step Functions'] })).toEqual([
      'tags.0: tags must be lowercase words joined by hyphens',
    ]);
    expect(issuesFor({ ...validNote, updated: 'last week' })).toEqual([
      'updated: updated must be a date such as 2026-11-24',
    ]);
  });

  it('requires draft to be a boolean, not a string', () => {
    expect(issuesFor({ ...validNote, draft: 'no' })).toHaveLength(1);
  });
});
