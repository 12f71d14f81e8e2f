import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastCommitDate, lastUpdated } from '../../../src/node/last-updated.ts';
import { listNoteFiles } from '../../../src/node/content-paths.ts';
import { repoRoot } from '../../support/build-site.ts';

describe('last-updated dates from git', () => {
  it('gives every note the date git gives for its last commit, from one reading of the history', () => {
    const notes = listNoteFiles(path.join(repoRoot, 'content/notes'));
    expect(notes.length).toBeGreaterThan(0);
    for (const { file } of notes) {
      const own = execFileSync('git', ['log', '-1', '--format=%aI', '--', file], { cwd: repoRoot, encoding: 'utf8' });
      expect(lastCommitDate(file)?.toISOString(), file).toBe(
        own.trim() ? new Date(own.trim()).toISOString() : undefined,
      );
    }
  });

  it('falls back to the frontmatter date outside git, and keeps the later of the two', () => {
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'no-git-')), 'note.mdx');
    writeFileSync(outside, '');
    const frontmatter = new Date('2026-01-02');
    expect(lastCommitDate(outside)).toBeUndefined();
    expect(lastUpdated(outside, frontmatter)).toEqual(frontmatter);
    expect(lastUpdated(undefined, frontmatter)).toEqual(frontmatter);
  });
});
