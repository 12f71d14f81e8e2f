import { readFileSync } from 'node:fs';
import { glossarySchema, type GlossaryEntry } from '../lib/glossary/glossary-schema.ts';
import { validateYaml } from '../lib/content/content-errors.ts';
import { contentPaths, displayPath } from './content-paths.ts';

/**
 * Reads and validates the glossary, sorted by term; a site without one has no terms. Problems fail
 * the build as `file:line: field: message`. The Markdown pipeline needs the terms before any page
 * renders, so it reads the file through here; the glossary collection uses the same function.
 */
export function loadGlossary(filePath = contentPaths().glossary): GlossaryEntry[] {
  return readGlossary(filePath).entries.map(({ entry }) => entry);
}

/** The glossary with the file it came from and, for each entry, the lines of its term, note and section. */
export interface GlossaryFile {
  file: string;
  entries: { entry: GlossaryEntry; lines: { term: number; note: number; section: number } }[];
}

/** Reads the glossary, keeping where each entry sits; see loadGlossary. */
export function readGlossary(filePath = contentPaths().glossary): GlossaryFile {
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch {
    return { file: displayPath(filePath), entries: [] };
  }
  const file = displayPath(filePath);
  const { data, located } = validateYaml(file, source, glossarySchema, {
    heading: `Invalid glossary ${file}:`,
    item: { key: 'term', label: 'term' },
  });
  const entries = data.map((entry, index) => ({
    entry,
    lines: {
      term: located.lineOf([index, 'term']),
      note: located.lineOf([index, 'note']),
      section: located.lineOf([index, 'section']),
    },
  }));
  return { file, entries: entries.sort((a, b) => a.entry.term.localeCompare(b.entry.term)) };
}
