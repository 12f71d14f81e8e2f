import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished, sortNotes } from '../lib/content/note-order.ts';

export type Note = CollectionEntry<'notes'>;

let publishedCache: Promise<readonly Note[]> | undefined;

/**
 * Every note the current build shows, in reading order: the same frozen list on every call, so what
 * is worked out from it once (the sidebar's topic groups) is reused by every page.
 */
export async function getPublishedNotes(): Promise<readonly Note[]> {
  // Every page asks (the sidebar lists the notes), so a build sorts them once; the dev server sees edits.
  if (import.meta.env.DEV) publishedCache = undefined;
  publishedCache ??= getCollection('notes', (note) => isPublished(note, import.meta.env.DEV)).then((notes) =>
    Object.freeze(sortNotes(notes)),
  );
  return publishedCache;
}
