import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noteSchema } from './lib/note-schema';
import { notesDirectory } from './lib/content-paths';

const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: notesDirectory() }),
  schema: noteSchema,
});

export const collections = { notes };
