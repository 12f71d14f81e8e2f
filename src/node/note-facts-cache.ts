import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SectionLink } from '../lib/navigation/note-graph.ts';
import type { NoteSection } from '../lib/sections/note-sections.ts';

/** What rehype-note-sections records of a note, as it travels in `remarkPluginFrontmatter`. */
export interface NoteFacts {
  sections: NoteSection[];
  sectionLinks: SectionLink[];
}

interface CacheFile {
  fingerprint: string;
  /** By the note's absolute path: the digest of the file the facts were recorded from, and the facts. */
  notes: Record<string, { digest: string; facts: NoteFacts }>;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const digest = (text: string | Buffer) => createHash('sha256').update(text).digest('base64url');

/** Where the build and the dev server keep what they cache between runs (Astro's `cacheDir`). */
export function cacheDirectory(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(projectRoot, env.CACHE_DIR ?? 'node_modules/.astro');
}

function cacheFile(env: Record<string, string | undefined>): string {
  return path.join(cacheDirectory(env), 'note-facts.json');
}

/**
 * A digest of everything a note's recorded facts depend on besides the note: the Markdown
 * pipeline's code (plugins and what they use), its configuration and the installed packages.
 */
function pipelineFingerprint(): string {
  const hash = createHash('sha256');
  for (const folder of ['src/plugins', 'src/lib', 'src/node']) {
    const files = readdirSync(path.join(projectRoot, folder), { recursive: true, encoding: 'utf8' }).sort();
    for (const file of files.filter((name) => name.endsWith('.ts'))) {
      hash.update(`${folder}/${file}\0`).update(readFileSync(path.join(projectRoot, folder, file)));
    }
  }
  for (const file of ['astro.config.mjs', 'package-lock.json']) {
    try {
      hash.update(`${file}\0`).update(readFileSync(path.join(projectRoot, file)));
    } catch {
      // a copy of the project without a lock file: the other files still tell versions apart
    }
  }
  return hash.digest('base64url');
}

function readCache(file: string, fingerprint: string): CacheFile['notes'] {
  try {
    const contents = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return contents.fingerprint === fingerprint ? contents.notes : {};
  } catch {
    return {}; // no cache yet, or an unreadable one
  }
}

export interface NoteFactsRecorder {
  /** Keeps the facts just recorded of the note in this file (rehype-note-sections calls it). */
  record(notePath: string, facts: NoteFacts): void;
  /** Writes what was recorded; also done a second after recording and when the process exits. */
  save(): void;
}

/**
 * Keeps what the pipeline records of each note (sections and links) on disk, so the dev server
 * can answer its first page without compiling every other note: the sidebar's section counts and
 * the backlinks need the facts of all notes, which are unchanged since the last run more often than not.
 */
export function noteFactsRecorder(env: Record<string, string | undefined> = process.env): NoteFactsRecorder {
  const file = cacheFile(env);
  const fingerprint = pipelineFingerprint();
  const notes = readCache(file, fingerprint);
  let changed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!changed) return;
    changed = false;
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a build and a dev server sharing the folder never read half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify({ fingerprint, notes } satisfies CacheFile));
    renameSync(partial, file);
  };
  process.once('exit', save);
  return {
    record(notePath, facts) {
      let source: Buffer;
      try {
        source = readFileSync(notePath);
      } catch {
        return; // not a file on disk
      }
      notes[path.resolve(notePath)] = { digest: digest(source), facts };
      changed = true;
      // Saved soon after notes compile, not only at exit: a dev server stopped with Ctrl+C never exits normally.
      timer ??= setTimeout(save, 1000).unref();
    },
    save,
  };
}

const readCaches = new Map<string, CacheFile['notes']>();

/** The facts last recorded of this note, if the note and the pipeline are unchanged since. */
export function cachedNoteFacts(
  notePath: string,
  env: Record<string, string | undefined> = process.env,
): NoteFacts | undefined {
  const file = cacheFile(env);
  let notes = readCaches.get(file);
  if (!notes) {
    notes = readCache(file, pipelineFingerprint());
    readCaches.set(file, notes);
  }
  const absolute = path.resolve(projectRoot, notePath);
  const entry = notes[absolute];
  if (!entry) return undefined;
  try {
    return entry.digest === digest(readFileSync(absolute)) ? entry.facts : undefined;
  } catch {
    return undefined;
  }
}
