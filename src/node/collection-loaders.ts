import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
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

/** Reloads a file-backed collection when one of its files changes in `astro dev`. */
function reloadOnChange(context: LoaderContext, owns: (file: string) => boolean, load: () => Promise<void>): void {
  context.watcher?.on('all', (_event, file) => {
    if (owns(path.resolve(file))) void load().catch((error: Error) => context.logger.error(error.message));
  });
}

/** Glossary: one entry per term of `glossary.yaml`, keyed by the term. */
export function glossaryLoader(file: string): Loader {
  return {
    name: 'glossary-loader',
    load: async (context) => {
      const load = async () => {
        const glossary = readGlossary(file);
        context.store.clear();
        for (const { entry, lines } of glossary.entries) {
          const data = await context.parseData({ id: entry.term, data: { ...entry, file: glossary.file, lines } });
          context.store.set({ id: entry.term, data });
        }
      };
      await load();
      reloadOnChange(context, (changed) => changed === path.resolve(file), load);
    },
  };
}

/**
 * Questions: one entry per question, keyed `<note-id>/<question-id>`, with its note (a reference,
 * so a question file whose note is missing fails), and the lines its problems are reported at.
 */
export function questionsLoader(directory: string): Loader {
  return {
    name: 'questions-loader',
    load: async (context) => {
      const load = async () => {
        const files = loadQuestionFiles(directory);
        context.store.clear();
        for (const file of files) {
          for (const [index, question] of file.questions.entries()) {
            const id = `${file.noteId}/${question.id}`;
            const data = await context.parseData({
              id,
              data: { note: file.noteId, file: file.file, index, lines: file.lines[index], question },
            });
            context.store.set({ id, data });
          }
        }
      };
      await load();
      const folder = path.resolve(directory);
      reloadOnChange(context, (changed) => changed.startsWith(folder + path.sep) && /\.ya?ml$/.test(changed), load);
    },
  };
}
