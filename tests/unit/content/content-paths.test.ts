import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPaths, listNoteFiles, noteIdOfFile } from '../../../src/node/content-paths.ts';

describe('content paths', () => {
  it('puts the questions, the glossary and the section register beside the notes folder', () => {
    const paths = contentPaths({ NOTES_DIR: '/site/content/notes' });
    expect(paths).toEqual({
      notes: path.resolve('/site/content/notes'),
      questions: path.resolve('/site/content/questions'),
      glossary: path.resolve('/site/content/glossary.yaml'),
      sectionRegister: path.resolve('/site/content/section-register.json'),
    });
  });

  it('names a note by its path below the notes folder, subfolders included', () => {
    expect(noteIdOfFile('/site/notes', '/site/notes/eks.mdx')).toBe('eks');
    expect(noteIdOfFile('/site/notes', '/site/notes/aws/batch.md')).toBe('aws/batch');
    expect(noteIdOfFile('/site/notes', '/site/other/eks.mdx')).toBeUndefined();
    expect(noteIdOfFile('/site/notes', '/site/notes/eks.yaml')).toBeUndefined();
  });

  it('lists every note file, subfolders included, sorted by id', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'notes-'));
    mkdirSync(path.join(folder, 'aws'));
    writeFileSync(path.join(folder, 'eks.mdx'), '');
    writeFileSync(path.join(folder, 'aws', 'batch.md'), '');
    writeFileSync(path.join(folder, 'readme.txt'), '');
    expect(listNoteFiles(folder).map((note) => note.id)).toEqual(['aws/batch', 'eks']);
    expect(listNoteFiles(path.join(folder, 'missing'))).toEqual([]);
  });
});
