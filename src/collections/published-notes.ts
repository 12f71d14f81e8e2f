import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished, sortNotes } from '../lib/content/note-order.ts';

export type Note = CollectionEntry<'notes'>;

let publishedCache: Promise<Note[]> | undefined;

/** Every note the current build shows, in reading order. */
export async function getPublishedNotes(): Promise<Note[]> {
  // Every page asks (the sidebar lists the notes), so a build sorts them once; the dev server sees edits.
  if (import.meta.env.DEV) publishedCache = undefined;
  publishedCache ??= getCollection('notes', (note) => isPublished(note, import.meta.env.DEV)).then(sortNotes);
  return [...(await publishedCache)];
}
