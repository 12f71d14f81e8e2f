import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { noteSchema } from './lib/content/note-schema.ts';
import { glossaryEntrySchema } from './lib/glossary/glossary-schema.ts';
import { questionSchema } from './lib/study/question-schema.ts';
import { contentPaths } from './node/content-paths.ts';
import { glossaryLoader, notesLoader, questionsLoader } from './node/collection-loaders.ts';

const paths = contentPaths();

const notes = defineCollection({
  loader: notesLoader(paths.notes),
  schema: noteSchema,
});

/** Abbreviations, defined once; `note` must be a note of this site. */
const glossary = defineCollection({
  loader: glossaryLoader(paths.glossary),
  schema: glossaryEntrySchema.extend({
    note: reference('notes').optional(),
    file: z.string(),
    lines: z.object({ term: z.number().int(), note: z.number().int(), section: z.number().int() }),
  }),
});

/**
 * Self-check questions, one entry per question. The question itself was validated by the loader
 * against the question schema, with lines; here the collection ties it to its note.
 */
const questions = defineCollection({
  loader: questionsLoader(paths.questions),
  schema: z.object({
    note: reference('notes'),
    file: z.string(),
    index: z.number().int().nonnegative(),
    lines: z.object({ question: z.number().int(), section: z.number().int() }),
    question: questionSchema,
  }),
});

export const collections = { notes, glossary, questions };
