import type { MarkdownHeading } from 'astro';
import { render } from 'astro:content';
import { getPublishedNotes } from './published-notes.ts';

/** The sections progress is counted in: the note's `##` headings, by id. */
export function progressSections(headings: readonly MarkdownHeading[]): string[] {
  return headings.filter((heading) => heading.depth === 2).map((heading) => heading.slug);
}

let countsCache: Promise<Map<string, number>> | undefined;

/** How many sections each published note has, for the "n/m understood" badges (computed once per build). */
export function sectionCounts(): Promise<Map<string, number>> {
  countsCache ??= (async () => {
    const notes = await getPublishedNotes();
    const counts = await Promise.all(
      notes.map(async (note) => [note.id, progressSections((await render(note)).headings).length] as const),
    );
    return new Map(counts);
  })();
  return countsCache;
}
