import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { noteSchema } from '../lib/content/note-schema.ts';
import { formatFrontmatterErrors } from '../lib/content/content-errors.ts';

/**
 * Astro's glob loader, with frontmatter checked first so a bad note fails the build with
 * `file:line: field: message` for every problem, not a generic schema error.
 */
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
            const relative = path.relative(process.cwd(), entry.filePath);
            const file = relative.startsWith('..') ? entry.filePath : relative;
            const source = await readFile(entry.filePath, 'utf8');
            throw new Error(formatFrontmatterErrors(file, source, result.error.issues));
          }
          return context.parseData(entry);
        },
      }),
  };
}
