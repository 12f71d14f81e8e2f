import { render } from 'astro:content';
import {
  backlinksByNote,
  courseMap,
  type Backlink,
  type CoveredLecture,
  type NoteLinks,
  type SectionLink,
} from '../lib/navigation/note-graph.ts';
import { getPublishedNotes, type Note } from './published-notes.ts';

let linksCache: Promise<(NoteLinks & { note: Note })[]> | undefined;

/** Every published note with the links it contains, section by section (compiled once per build). */
export function notesWithLinks(): Promise<(NoteLinks & { note: Note })[]> {
  linksCache ??= (async () => {
    const notes = await getPublishedNotes();
    return Promise.all(
      notes.map(async (note) => {
        const { remarkPluginFrontmatter } = await render(note);
        const links = (remarkPluginFrontmatter.sectionLinks ?? []) as SectionLink[];
        return { id: note.id, title: note.data.title, links, note };
      }),
    );
  })();
  return linksCache;
}

/** The notes that link to this one. */
export async function backlinksTo(noteId: string): Promise<Backlink[]> {
  return backlinksByNote(await notesWithLinks(), import.meta.env.BASE_URL).get(noteId) ?? [];
}

/** Every course lecture the notes follow, in course order, with the sections that cover it. */
export async function coveredLectures(): Promise<CoveredLecture[]> {
  const notes = await notesWithLinks();
  return courseMap(notes.map((entry) => ({ ...entry, lectures: entry.note.data.lectures })));
}
