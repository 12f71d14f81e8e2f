import { readdir, readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../support/build-site.ts';

/** Checks every note as a reader gets it: the source for leftovers, the built page for the rest. */
const site = inject('site');
const notesDir = process.env.NOTES_DIR ?? path.join(repoRoot, 'content/notes');
const noteFiles = (await readdir(notesDir)).filter((file) => /\.mdx?$/.test(file));
const notes = await Promise.all(
  noteFiles.map(async (file) => {
    const id = file.replace(/\.mdx?$/, '');
    const source = await readFile(path.join(notesDir, file), 'utf8');
    const html = parse(await readFile(path.join(site.outDir, 'notes', id, 'index.html'), 'utf8'));
    return { id, file, source, body: html.querySelector('.note-body')! };
  }),
);

const pageCache = new Map<string, HTMLElement | null>();
function builtPage(urlPath: string): HTMLElement | null {
  if (!pageCache.has(urlPath)) {
    const file = path.join(site.outDir, urlPath, 'index.html');
    pageCache.set(urlPath, existsSync(file) ? parse(readFileSync(file, 'utf8')) : null);
  }
  return pageCache.get(urlPath)!;
}

describe.each(notes)('note $file', ({ source, body }) => {
  it('has no open questions or TODOs left', () => {
    expect(source).not.toMatch(/\?\?/);
    expect(source).not.toMatch(/\bTODO\b/);
  });

  it('has no empty section: every heading is followed by content before the next heading of its rank', () => {
    const rankOf = (element: HTMLElement | null) =>
      element?.classList.contains('heading-wrapper') ? Number(element.getAttribute('data-level')) : undefined;
    const wrappers = body.querySelectorAll('.heading-wrapper');
    expect(wrappers.length).toBeGreaterThan(0);
    for (const wrapper of wrappers) {
      const next = wrapper.nextElementSibling;
      const nextRank = rankOf(next);
      const empty = !next || (nextRank !== undefined && nextRank <= rankOf(wrapper)!);
      expect(empty, `section "${wrapper.querySelector('h2, h3, h4, h5, h6')!.text}" is empty`).toBe(false);
    }
  });

  it('names the language of every code block', () => {
    for (const block of body.querySelectorAll('pre.shiki')) {
      expect(block.getAttribute('data-language'), block.text.slice(0, 60)).toMatch(/^(?!plaintext$)[a-z]+$/);
    }
  });

  it('links only to notes and sections that exist', () => {
    for (const anchor of body.querySelectorAll('a[href^="/"], a[href^="#"]')) {
      const href = anchor.getAttribute('href')!;
      const [pagePath, fragment] = href.split('#') as [string, string | undefined];
      const target = pagePath === '' ? body : builtPage(pagePath);
      expect(target, `${href}: no such page`).not.toBeNull();
      if (fragment)
        expect(
          target!.querySelector(`[id="${decodeURIComponent(fragment)}"]`),
          `${href}: no such section`,
        ).not.toBeNull();
    }
  });

  it('has a "What to remember" task list and an "Exam traps" section', () => {
    const titles = body.querySelectorAll('h2').map((heading) => heading.text);
    expect(titles).toContain('What to remember');
    expect(titles).toContain('Exam traps');
    let next = body.querySelector('#what-to-remember')!.parentNode.nextElementSibling;
    while (next && next.tagName !== 'UL') next = next.nextElementSibling;
    expect(next?.querySelector('input[type="checkbox"]')).not.toBeNull();
  });

  it('links the official documentation where facts are stated, not only in the source list', () => {
    const official = body
      .querySelectorAll('a[href^="https://"]')
      .filter((anchor) => !anchor.getAttribute('href')!.includes('udemy.com'));
    expect(official.length).toBeGreaterThanOrEqual(3);
  });
});
