import { slug } from 'github-slugger';
import { stringify } from 'yaml';
import type { TopicId } from './topics.ts';

/** The file name (and URL slug) for a new note's title. */
export function noteSlug(title: string): string {
  return slug(title.trim());
}

/** The sections every note ends with: they restate what the note explained, for revision. */
export const CLOSING_SECTIONS = ['What to remember', 'Exam traps'] as const;

/**
 * A new note that builds as it is: valid frontmatter, a first section, and the "What to remember"
 * and "Exam traps" sections every note ends with, each with a first line for the author to replace.
 */
export function noteTemplate(options: { title: string; topic: TopicId; order: number; date: string }): string {
  const frontmatter = stringify(
    {
      title: options.title.trim(),
      description: `What ${options.title.trim()} is, when to use it, and what the exam asks about it.`,
      topic: options.topic,
      tags: [noteSlug(options.title)],
      order: options.order,
      lectures: [],
      sources: [{ label: 'AWS documentation', url: 'https://docs.aws.amazon.com/' }],
      updated: options.date,
      draft: false,
    },
    { lineWidth: 0 },
  );
  return `---
${frontmatter}---

## What it is

Start here: what ${options.title.trim()} does, in a sentence or two, with a link to the official page it comes from.

## ${CLOSING_SECTIONS[0]}

- [ ] The one fact a learner must not forget.

## ${CLOSING_SECTIONS[1]}

- **The distinction a question is likely to test**: how to tell the two apart.
`;
}
