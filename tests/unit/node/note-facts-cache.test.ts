import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedNoteFacts, noteFactsRecorder, type NoteFacts } from '../../../src/node/note-facts-cache.ts';

const facts: NoteFacts = {
  sections: [{ depth: 2, slug: 'canary', text: 'Canary' }],
  sectionLinks: [{ href: '/notes/eks/', sectionId: 'canary', sectionTitle: 'Canary' }],
};

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A note file and a cache folder of their own. */
function setUp(): { note: string; env: { CACHE_DIR: string } } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'note-facts-'));
  folders.push(folder);
  const note = path.join(folder, 'canary.mdx');
  writeFileSync(note, '## Canary\n');
  return { note, env: { CACHE_DIR: path.join(folder, 'cache') } };
}

describe('note facts cache', () => {
  it('gives back, in a later run, the facts recorded of an unchanged note', () => {
    const { note, env } = setUp();
    const recorder = noteFactsRecorder(env);
    recorder.record(note, facts);
    recorder.save();
    expect(cachedNoteFacts(note, env)).toEqual(facts);
  });

  it('gives nothing for a note changed since, or never recorded', () => {
    const { note, env } = setUp();
    const recorder = noteFactsRecorder(env);
    recorder.record(note, facts);
    recorder.save();
    writeFileSync(note, '## Canary traffic shifting\n');
    expect(cachedNoteFacts(note, env)).toBeUndefined();
    expect(cachedNoteFacts(path.join(path.dirname(note), 'other.mdx'), env)).toBeUndefined();
  });

  it('keeps the facts of notes a later run did not compile', () => {
    const { note, env } = setUp();
    const other = path.join(path.dirname(note), 'other.mdx');
    writeFileSync(other, '## Other\n');
    const first = noteFactsRecorder(env);
    first.record(note, facts);
    first.save();
    const second = noteFactsRecorder(env);
    second.record(other, { sections: [], sectionLinks: [] });
    second.save();
    expect(cachedNoteFacts(note, env)).toEqual(facts);
    expect(cachedNoteFacts(other, env)).toEqual({ sections: [], sectionLinks: [] });
  });
});
