import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { glossarySchema, type GlossaryEntry } from '../lib/glossary/glossary-schema.ts';
import { notesDirectory } from './content-paths.ts';

/** The glossary file, beside the notes folder (`content/glossary.yaml`). */
export function glossaryFile(notesDir = notesDirectory()): string {
  return path.join(notesDir, '..', 'glossary.yaml');
}

/**
 * Reads and validates the glossary; a site without one has no terms. Read directly rather than
 * through a content collection because the Markdown pipeline needs it before any page renders.
 */
export function loadGlossary(file = glossaryFile()): GlossaryEntry[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const result = glossarySchema.safeParse(parseYaml(source));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${file}: entry ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid glossary:\n${problems.join('\n')}`);
  }
  return [...result.data].sort((a, b) => a.term.localeCompare(b.term));
}
