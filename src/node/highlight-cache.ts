import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';

/** The map-like cache `@shikijs/rehype` takes, plus a way to write it out. */
export interface HighlightCache {
  get(key: string): Root | undefined;
  /** Returns the cache itself, as a Map does (Shiki's cache option is Map-like). */
  set(key: string, block: Root): HighlightCache;
  /** Writes the blocks used since this cache was opened, and only those, so the file never fills with stale ones. */
  save(): void;
}

interface CacheFile {
  fingerprint: string;
  blocks: Record<string, Root>;
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Highlighted code blocks kept on disk between builds and dev-server starts, by a digest of the
 * language, meta string and code. `fingerprint` names everything else the output depends on
 * (Shiki's version, the themes, how colours become classes); a file with another one is ignored.
 * Each caller gets its own copy of a block, since later steps change the tree they are given.
 */
export function openHighlightCache(file: string, fingerprint: string): HighlightCache {
  const stored = readCacheFile(file, fingerprint);
  // Kept as JSON text: one flat string per block costs the garbage collector nothing to trace, where the
  // same block as a tree is thousands of small objects kept alive for the whole build.
  const used = new Map<string, string>();
  return {
    get(key) {
      const id = digest(key);
      const block = used.get(id) ?? (stored[id] && JSON.stringify(stored[id]));
      if (!block) return undefined;
      used.set(id, block);
      return JSON.parse(block) as Root;
    },
    set(key, block) {
      used.set(digest(key), JSON.stringify(block));
      return this;
    },
    save() {
      if (used.size === 0) return; // a run that highlighted nothing (astro sync, astro check) keeps the file
      mkdirSync(path.dirname(file), { recursive: true });
      const blocks = [...used].map(([id, block]) => `${JSON.stringify(id)}:${block}`).join(',');
      // Written aside and renamed, so a build and a dev server sharing the folder never read half a file.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, `{"fingerprint":${JSON.stringify(fingerprint)},"blocks":{${blocks}}}`);
      renameSync(partial, file);
    },
  };
}

function readCacheFile(file: string, fingerprint: string): Record<string, Root> {
  try {
    const contents = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return contents.fingerprint === fingerprint ? contents.blocks : {};
  } catch {
    return {}; // no cache yet, or an unreadable one: highlight afresh
  }
}

/** A fingerprint of the source files, installed packages (by version) and values highlighting output depends on. */
export function highlightFingerprint(files: URL[], packages: string[], values: unknown[]): string {
  const require = createRequire(import.meta.url);
  const versions = packages.map((name) => (require(`${name}/package.json`) as { version: string }).version);
  return digest(JSON.stringify([files.map((file) => readFileSync(file, 'utf8')), packages, versions, values]));
}
