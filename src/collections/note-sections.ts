import { render } from 'astro:content';
import { progressSections, recordedSections, type NoteSection } from '../lib/sections/note-sections.ts';
import { cachedNoteFacts } from '../node/note-facts-cache.ts';
import { getPublishedNotes, type Note } from './published-notes.ts';

/**
 * What the Markdown pipeline recorded of a note (its sections and links, in its frontmatter data).
 * The dev server takes them from the last compile when the note and the pipeline are unchanged
 * (note-facts-cache.ts), so its first page compiles only its own note, not every note.
 */
export async function recordedFacts(note: Note): Promise<Record<string, unknown>> {
  if (import.meta.env.DEV && note.filePath) {
    const cached = cachedNoteFacts(note.filePath);
    if (cached) return { ...cached };
  }
  return (await render(note)).remarkPluginFrontmatter;
}

/** A note's sections, as its Markdown pipeline recorded them. */
export async function noteSections(note: Note): Promise<NoteSection[]> {
  return recordedSections(await recordedFacts(note));
}

let countsCache: Promise<Map<string, number>> | undefined;

/** How many sections each published note has, for the "n/m understood" badges (computed once per build). */
export function sectionCounts(): Promise<Map<string, number>> {
  // The dev server recompiles notes on every edit, so only a build keeps the first counts.
  if (import.meta.env.DEV) countsCache = undefined;
  countsCache ??= (async () => {
    const notes = await getPublishedNotes();
    const counts = await Promise.all(
      notes.map(async (note) => [note.id, progressSections(await noteSections(note)).length] as const),
    );
    return new Map(counts);
  })();
  return countsCache;
}
