import { getEntry, type CollectionEntry } from 'astro:content';
import { optionalCollection } from './optional-collection.ts';
import { formatProblem, problemReport } from '../lib/content/content-errors.ts';
import { noteSections } from './note-sections.ts';

export type GlossaryTerm = CollectionEntry<'glossary'>['data'];

/**
 * Every glossary entry, sorted by term. Fails the build, with the file, the line and the field,
 * when an entry names a note that does not exist or a section its note does not have.
 */
export async function glossaryTerms(): Promise<GlossaryTerm[]> {
  const entries = (await optionalCollection('glossary')).map((entry) => entry.data);
  const problems: string[] = [];
  for (const entry of entries) {
    if (!entry.note) continue;
    const note = await getEntry(entry.note);
    if (!note) {
      problems.push(
        formatProblem(
          entry.file,
          entry.lines.note,
          'note',
          `there is no note "${entry.note.id}" (term "${entry.term}")`,
        ),
      );
      continue;
    }
    const sections = (await noteSections(note)).map((section) => section.slug);
    if (entry.section && !sections.includes(entry.section))
      problems.push(
        formatProblem(
          entry.file,
          entry.lines.section,
          'section',
          `"${entry.section}" is not a section of note "${note.id}" (term "${entry.term}"); its sections are: ${sections.join(', ')}`,
        ),
      );
  }
  if (problems.length > 0) throw new Error(problemReport('Invalid glossary:', problems));
  return entries.sort((a, b) => a.term.localeCompare(b.term));
}
