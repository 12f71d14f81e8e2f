import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where each kind of content lives. Everything sits beside the notes folder, so NOTES_DIR points a
 * build at another site's content (test fixtures, benchmark corpora) without touching content/.
 * Notes may sit in subfolders: `content/notes/aws/eks.mdx` is the note `aws/eks` at `/notes/aws/eks/`.
 */
export interface ContentPaths {
  notes: string;
  questions: string;
  glossary: string;
  sectionRegister: string;
}

export function contentPaths(env: Record<string, string | undefined> = process.env): ContentPaths {
  const notes = path.resolve(env.NOTES_DIR ?? 'content/notes');
  const root = path.dirname(notes);
  return {
    notes,
    questions: path.join(root, 'questions'),
    glossary: path.join(root, 'glossary.yaml'),
    sectionRegister: path.join(root, 'section-register.json'),
  };
}

const NOTE_FILE = /\.mdx?$/;

/** A note's id from its file: its path below the notes folder, without the extension, with `/`. */
export function noteIdOfFile(notesDir: string, file: string): string | undefined {
  const relative = path.relative(notesDir, path.resolve(file));
  if (relative.startsWith('..') || path.isAbsolute(relative) || !NOTE_FILE.test(relative)) return undefined;
  return relative.replace(NOTE_FILE, '').split(path.sep).join('/');
}

/** Every note file below the notes folder, subfolders included, as `{ id, file }` sorted by id. */
export function listNoteFiles(notesDir: string): { id: string; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(notesDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => NOTE_FILE.test(name))
    .map((name) => {
      const file = path.join(notesDir, name);
      return { id: noteIdOfFile(notesDir, file)!, file };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A path as build messages show it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
