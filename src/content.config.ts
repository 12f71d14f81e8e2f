import { defineCollection } from 'astro:content';
import { noteSchema } from './lib/note-schema';
import { notesDirectory } from './lib/content-paths';
import { notesLoader } from './loaders/notes-loader';

const notes = defineCollection({
  loader: notesLoader(notesDirectory()),
  schema: noteSchema,
});

export const collections = { notes };
