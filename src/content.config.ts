import { defineCollection } from 'astro:content';
import { noteSchema } from './lib/content/note-schema.ts';
import { notesDirectory } from './node/content-paths.ts';
import { notesLoader } from './node/notes-loader.ts';

const notes = defineCollection({
  loader: notesLoader(notesDirectory()),
  schema: noteSchema,
});

export const collections = { notes };
