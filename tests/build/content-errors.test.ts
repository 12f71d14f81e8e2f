import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, removeBuilds, repoRoot } from '../support/build-site.ts';

const fixtures = path.join(repoRoot, 'tests/fixtures');

afterAll(removeBuilds);

describe('a note with bad frontmatter', () => {
  it('fails the build, naming the file, the line and each field', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'invalid-frontmatter') });
    expect(result.exitCode).not.toBe(0);
    const file = path.join(fixtures, 'invalid-frontmatter/bad-fields.mdx');
    expect(result.log).toContain(`${file}:4: topic: topic must be one of: model-deployment`);
    expect(result.log).toContain(`${file}:10: sources[0].url: source url must be an absolute https:// URL`);
    expect(result.log).toContain(`${file}:1: draft: required field is missing (expected boolean)`);
  });
});

describe('a note with a broken link', () => {
  it('fails the build naming the note, the line and the link', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'broken-link/notes') });
    expect(result.exitCode).not.toBe(0);
    expect(result.log).toMatch(
      /broken-link\/notes\/linker\.mdx:17: link: \/notes\/no-such-note\/ leads to a page or file that does not exist/,
    );
    expect(result.log).toMatch(
      /broken-link\/notes\/linker\.mdx:19: link: \/notes\/linker\/#no-such-section leads to #no-such-section, which \/notes\/linker\/ does not have/,
    );
  });
});

describe('a note that is not valid MDX', () => {
  it('fails the build naming the file and the line', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'mdx-syntax/notes') });
    expect(result.exitCode).not.toBe(0);
    expect(result.log).toMatch(/mdx-syntax\/notes\/broken\.mdx/);
    expect(result.log).toMatch(/17:\d+|:17\b/);
  });
});

describe('GitHub-flavoured Markdown', () => {
  it('renders tables, task lists and strikethrough through remark-gfm, and drafts stay out', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'gfm-notes') });
    expect(result.exitCode, result.log).toBe(0);
    const document = parse(await readFile(path.join(result.outDir, 'notes/gfm-features/index.html'), 'utf8'));
    const body = document.querySelector('.note-body')!;
    expect(body.querySelectorAll('table th').map((cell) => cell.text)).toEqual(['Service', 'Runs']);
    expect(body.querySelectorAll('li input[type="checkbox"]')).toHaveLength(2);
    expect(body.querySelector('li input[checked]')!.parentNode.text).toContain('Glue is for ETL');
    expect(body.querySelector('del')!.text).toBe('5 minutes');
    expect(body.querySelectorAll('h2').map((heading) => heading.id)).toEqual([
      'batch-vs-glue-which-one',
      'what-to-remember',
      'corrections',
      'code',
      'code-1',
      'callouts',
    ]);
    expect(body.querySelector('pre.shiki')!.getAttribute('data-language')).toBe('json');
    expect(existsSync(path.join(result.outDir, 'notes/draft-note/index.html'))).toBe(false);
    const alerts = body.querySelectorAll('.markdown-alert');
    expect(alerts.map((alert) => alert.getAttribute('aria-label'))).toEqual([
      'Note',
      'Tip',
      'Important',
      'Warning',
      'Caution',
    ]);
    expect(alerts.every((alert) => alert.getAttribute('role') === 'note')).toBe(true);
    expect(alerts[4]!.querySelector('.markdown-alert-title')!.text).toBe('Caution');
    expect(alerts[4]!.text).toContain('Without alarms there is no auto-rollback.');
  });
});
