import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished, sortNotes } from '../lib/content/note-order.ts';

export type Note = CollectionEntry<'notes'>;

/** Every note the current build shows, in reading order. */
export async function getPublishedNotes(): Promise<Note[]> {
  const notes = await getCollection('notes', (note) => isPublished(note, import.meta.env.DEV));
  return sortNotes(notes);
}
