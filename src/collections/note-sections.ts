import { render } from 'astro:content';
import { progressSections, recordedSections, type NoteSection } from '../lib/sections/note-sections.ts';
import { getPublishedNotes, type Note } from './published-notes.ts';

/** A note's sections, as its Markdown pipeline recorded them. */
export async function noteSections(note: Note): Promise<NoteSection[]> {
  return recordedSections((await render(note)).remarkPluginFrontmatter);
}

let countsCache: Promise<Map<string, number>> | undefined;

/** How many sections each published note has, for the "n/m understood" badges (computed once per build). */
export function sectionCounts(): Promise<Map<string, number>> {
  countsCache ??= (async () => {
    const notes = await getPublishedNotes();
    const counts = await Promise.all(
      notes.map(async (note) => [note.id, progressSections(await noteSections(note)).length] as const),
    );
    return new Map(counts);
  })();
  return countsCache;
}
