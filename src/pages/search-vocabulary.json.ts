import type { APIRoute } from 'astro';
import { getPublishedNotes } from '../collections/published-notes.ts';
import { countWords } from '../lib/search/query-correction.ts';

/** The words of every note and how often they occur, fetched by search to correct misspelt queries. */
export const GET: APIRoute = async () => {
  const counts = new Map<string, number>();
  for (const note of await getPublishedNotes()) {
    countWords(`${note.data.title} ${note.data.description} ${note.data.tags.join(' ')} ${note.body ?? ''}`, counts);
  }
  // Only words of four letters or more are ever corrected, and a word used once is rarely what a reader
  // misspells; leaving both out keeps this file small as the notes grow.
  const words = [...counts]
    .filter(([word, count]) => word.length >= 4 && count >= 2)
    .sort(([a], [b]) => a.localeCompare(b));
  return new Response(JSON.stringify(Object.fromEntries(words)), { headers: { 'content-type': 'application/json' } });
};
