import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { noteSchema } from '../lib/content/note-schema.ts';
import { formatFrontmatterErrors } from '../lib/content/content-errors.ts';
import { readGlossary } from './glossary-file.ts';
import { loadQuestionFiles } from './question-file.ts';
import { displayPath } from './content-paths.ts';

/**
 * The loaders of the three collections. Each checks its files with our own schemas first, so bad
 * content fails the build with `file:line: field: message` for every problem rather than a
 * generic schema error; then Astro's own parseData applies the collection schema (references included).
 */

/** Notes: Astro's glob loader over the notes folder, subfolders included. */
export function notesLoader(base: string): Loader {
  const inner = glob({ pattern: '**/*.{md,mdx}', base });
  return {
    name: 'notes-loader',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (entry) => {
          const result = noteSchema.safeParse(entry.data);
          if (!result.success && entry.filePath) {
            const source = await readFile(entry.filePath, 'utf8');
            throw new Error(formatFrontmatterErrors(displayPath(entry.filePath), source, result.error.issues));
          }
          return context.parseData(entry);
        },
      }),
  };
}

/**
 * A collection read from our own YAML files: `entries` reads and validates them (throwing
 * `file:line: field: message` problems), and the store is refilled from scratch; in `astro dev`
 * it is refilled whenever a file it `owns` changes.
 */
function yamlLoader(
  name: string,
  owns: (file: string) => boolean,
  entries: () => { id: string; data: Record<string, unknown> }[],
): Loader {
  return {
    name,
    load: async (context) => {
      const load = async () => {
        const read = entries();
        context.store.clear();
        for (const { id, data } of read) context.store.set({ id, data: await context.parseData({ id, data }) });
      };
      await load();
      context.watcher?.on('all', (_event, file) => {
        if (owns(path.resolve(file))) void load().catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/** Glossary: one entry per term of `glossary.yaml`, keyed by the term. */
export function glossaryLoader(file: string): Loader {
  return yamlLoader(
    'glossary-loader',
    (changed) => changed === path.resolve(file),
    () => {
      const glossary = readGlossary(file);
      return glossary.entries.map(({ entry, lines }) => ({
        id: entry.term,
        data: { ...entry, file: glossary.file, lines },
      }));
    },
  );
}

/**
 * Questions: one entry per question, keyed `<note-id>/<question-id>`, with its note (a reference,
 * so a question file whose note is missing fails), and the lines its problems are reported at.
 */
export function questionsLoader(directory: string): Loader {
  const folder = path.resolve(directory);
  return yamlLoader(
    'questions-loader',
    (changed) => changed.startsWith(folder + path.sep) && /\.ya?ml$/.test(changed),
    () =>
      loadQuestionFiles(directory).flatMap((file) =>
        file.questions.map((question, index) => ({
          id: `${file.noteId}/${question.id}`,
          data: { note: file.noteId, file: file.file, index, lines: file.lines[index], question },
        })),
      ),
  );
}
