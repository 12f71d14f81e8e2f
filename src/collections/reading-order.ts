import { progressSections } from '../lib/sections/note-sections.ts';
import type { ReadingSection } from '../lib/navigation/study-dashboard.ts';
import { noteSections } from './note-sections.ts';
import { getPublishedNotes } from './published-notes.ts';

/** Every section a reader marks as understood, note by note in reading order. */
export async function readingOrder(): Promise<ReadingSection[]> {
  const notes = await getPublishedNotes();
  const perNote = await Promise.all(
    notes.map(async (note) => {
      const sections = await noteSections(note);
      const titles = new Map(sections.map((section) => [section.slug, section.text]));
      return progressSections(sections).map((id) => ({
        note: note.id,
        noteTitle: note.data.title,
        id,
        title: titles.get(id) ?? id,
      }));
    }),
  );
  return perNote.flat();
}
