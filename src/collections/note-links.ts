import {
  backlinksByNote,
  courseMap,
  type Backlink,
  type CoveredLecture,
  type NoteLinks,
  type SectionLink,
} from '../lib/navigation/note-graph.ts';
import { getPublishedNotes, type Note } from './published-notes.ts';
import { recordedFacts } from './note-sections.ts';

let linksCache: Promise<(NoteLinks & { note: Note })[]> | undefined;

/** Every published note with the links it contains, section by section (compiled once per build). */
export function notesWithLinks(): Promise<(NoteLinks & { note: Note })[]> {
  if (import.meta.env.DEV) linksCache = undefined;
  linksCache ??= (async () => {
    const notes = await getPublishedNotes();
    return Promise.all(
      notes.map(async (note) => {
        const links = ((await recordedFacts(note)).sectionLinks ?? []) as SectionLink[];
        return { id: note.id, title: note.data.title, links, note };
      }),
    );
  })();
  return linksCache;
}

let backlinksCache: Promise<Map<string, Backlink[]>> | undefined;

/** The notes that link to this one, from the graph of all links, built once per build. */
export async function backlinksTo(noteId: string): Promise<Backlink[]> {
  // The dev server recompiles notes on every edit, so only a build keeps the first graph.
  const graph = import.meta.env.DEV ? backlinksGraph() : (backlinksCache ??= backlinksGraph());
  return (await graph).get(noteId) ?? [];
}

async function backlinksGraph(): Promise<Map<string, Backlink[]>> {
  return backlinksByNote(await notesWithLinks(), import.meta.env.BASE_URL);
}

/** Every course lecture the notes follow, in course order, with the sections that cover it. */
export async function coveredLectures(): Promise<CoveredLecture[]> {
  const notes = await notesWithLinks();
  return courseMap(notes.map((entry) => ({ ...entry, lectures: entry.note.data.lectures })));
}
