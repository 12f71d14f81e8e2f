import { readFileSync } from 'node:fs';
import { glossarySchema, type GlossaryEntry } from '../lib/glossary/glossary-schema.ts';
import {
  issuesOf,
  itemContext,
  locateYaml,
  problemReport,
  schemaProblems,
  syntaxProblems,
} from '../lib/content/content-errors.ts';
import { contentPaths, displayPath } from './content-paths.ts';

/**
 * Reads and validates the glossary, sorted by term; a site without one has no terms. Problems fail
 * the build as `file:line: field: message`. The Markdown pipeline needs the terms before any page
 * renders, so it reads the file through here; the glossary collection uses the same function.
 */
export function loadGlossary(filePath = contentPaths().glossary): GlossaryEntry[] {
  let source: string;
  try {
    source = readFileSync(filePath, 'utf8');
  } catch {
    return [];
  }
  const file = displayPath(filePath);
  const located = locateYaml(source);
  if (located.syntaxErrors.length > 0)
    throw new Error(problemReport(`Invalid glossary ${file}:`, syntaxProblems(file, located)));
  const data = located.data;
  const result = glossarySchema.safeParse(data);
  if (!result.success) {
    throw new Error(
      problemReport(
        `Invalid glossary ${file}:`,
        schemaProblems(file, located, issuesOf(result.error), { describe: itemContext(data, 'term', 'term') }),
      ),
    );
  }
  return [...result.data].sort((a, b) => a.term.localeCompare(b.term));
}
