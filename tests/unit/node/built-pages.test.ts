import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptRenderedPages, builtFileOf, onBuiltPage, readBuiltPages } from '../../../src/node/built-pages.ts';

const notePage = (title: string, section: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
  `<main id="main"><article data-pagefind-body><h1>${title}</h1><p class="note-description">About ${title}.</p>` +
  `<div class="note-body"><p>Opening words.</p><div class="heading-wrapper"><h2 id="${section}">${section}</h2></div>` +
  `<p>Text of ${section} with <a href="/notes/other/#${section}">a link</a>.</p></div></article></main></body></html>`;

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A built site of two note pages and a home page. */
function site(): string {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'built-pages-'));
  folders.push(outDir);
  const write = (file: string, html: string) => {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    writeFileSync(path.join(outDir, file), html);
  };
  write('index.html', '<!doctype html><html><body><a href="/notes/b/">B</a></body></html>');
  write('notes/a/index.html', notePage('Alpha', 'canary'));
  write('notes/b/index.html', notePage('Beta', 'linear'));
  return outDir;
}

describe('built pages', () => {
  it('maps site paths to the files a directory-format build writes', () => {
    expect(builtFileOf('/')).toBe('index.html');
    expect(builtFileOf('/notes/eks/')).toBe('notes/eks/index.html');
    expect(builtFileOf('/404')).toBe('404.html');
  });

  it('reads every page once, in file order, with its ids, links, sections and search records', async () => {
    const outDir = site();
    const seen: string[] = [];
    onBuiltPage(outDir, (page) => seen.push(page.path));
    const pages = await readBuiltPages(outDir);
    expect(pages.map((page) => page.path)).toEqual(['/', '/notes/a/', '/notes/b/']);
    expect(seen).toEqual(['/', '/notes/a/', '/notes/b/']);
    const alpha = pages[1]!;
    expect([...alpha.ids]).toEqual(['main', 'canary']);
    expect(alpha.links.map((link) => link.href)).toEqual(['/notes/other/#canary']);
    expect(alpha.note).toEqual({ id: 'a', sections: ['canary'] });
    expect(alpha.records.map((record) => record.url)).toEqual(['/notes/a/', '/notes/a/#canary']);
    expect(pages[0]!.records).toEqual([]);
    // A second step asking for the pages gets the same reading.
    expect(await readBuiltPages(outDir)).toBe(pages);
  });

  it('uses pages handed over as they were rendered, first and in that order, then reads the rest', async () => {
    const outDir = site();
    const accept = acceptRenderedPages(outDir);
    const seen: string[] = [];
    onBuiltPage(outDir, (page) => seen.push(page.path));
    accept('/notes/b/', notePage('Beta', 'linear'));
    const pages = await readBuiltPages(outDir);
    expect(seen).toEqual(['/notes/b/', '/', '/notes/a/']);
    expect(pages.map((page) => page.path)).toEqual(['/notes/b/', '/', '/notes/a/']);
  });

  it('fails when a page was written differently from how it was handed over', async () => {
    const outDir = site();
    acceptRenderedPages(outDir)('/notes/a/', notePage('Alpha, as first rendered', 'canary'));
    await expect(readBuiltPages(outDir)).rejects.toThrow(
      'notes/a/index.html was written differently from how it was rendered',
    );
  });
});
