import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../support/build-site.ts';
import { sitePages } from '../support/site-pages.ts';

const site = inject('site');
const notesDir = process.env.NOTES_DIR ?? path.join(repoRoot, 'content/notes');

async function noteIds(): Promise<string[]> {
  const files = await readdir(notesDir);
  return files.filter((file) => /\.mdx?$/.test(file)).map((file) => file.replace(/\.mdx?$/, ''));
}

async function page(urlPath: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(site.outDir, urlPath, urlPath.endsWith('.html') ? '' : 'index.html'), 'utf8'));
}

describe('the build', () => {
  it('runs on the pinned Node major and prints no warnings', async () => {
    const pinnedMajor = (await readFile(path.join(repoRoot, '.nvmrc'), 'utf8')).trim();
    expect(site.log).toMatch(new RegExp(`Building on Node v${pinnedMajor}\\.`));
    expect(site.log).not.toMatch(/\bwarn(ing)?\b/i);
  });
});

describe('the text of every page', () => {
  // A line break before a link in a component can be dropped by the compiler, so "take a" + link read "take apractice exam".
  it('never runs a word straight into a link', async () => {
    const runTogether: string[] = [];
    for (const url of await sitePages(site.outDir)) {
      const html = await readFile(path.join(site.outDir, url.endsWith('.html') ? url : `${url}index.html`), 'utf8');
      for (const match of html.matchAll(/\p{L}<a\s[^>]*>[^<]*|<\/a>\p{L}/gu)) runTogether.push(`${url}: ${match[0]}`);
    }
    expect(runTogether).toEqual([]);
  });
});

/** The cascade layers a stylesheet names, in the order it first names them. */
function layerOrder(css: string): string[] {
  const names = [...css.matchAll(/@layer\s+([\w\s,-]+?)\s*[{;]/g)].flatMap((match) => match[1]!.split(/\s*,\s*/));
  return [...new Set(names)];
}

describe('stylesheets', () => {
  it("link the site's stylesheet first on every page, and it fixes the cascade-layer order", async () => {
    const pages = await sitePages(site.outDir);
    expect(pages.length).toBeGreaterThan(20);
    for (const url of pages) {
      const links = (await page(url.slice(1))).querySelectorAll('link[rel="stylesheet"]');
      expect(links.length, url).toBeGreaterThan(0);
      // The first one requested gets the connection the page came on; the page paints once it arrives.
      const [first, ...rest] = links;
      expect(first!.parentNode.tagName, url).toBe('HEAD');
      expect(first!.getAttribute('media'), url).toBeUndefined();
      const css = await readFile(path.join(site.outDir, first!.getAttribute('href')!), 'utf8');
      expect(layerOrder(css).slice(0, 3), url).toEqual(['base', 'layout', 'components']);
      // It is the site's own stylesheet, not a file that only names the layers and costs a request first.
      expect(css, url).toMatch(/@layer base\s*\{/);
      // Whatever else a page links can only use layers whose order is already fixed.
      for (const link of rest) {
        const other = await readFile(path.join(site.outDir, link.getAttribute('href')!), 'utf8');
        for (const layer of layerOrder(other))
          expect(['base', 'layout', 'components'], `${url}: ${layer}`).toContain(layer);
      }
    }
  });
});

describe('note pages', () => {
  it('builds one page per note at /notes/<slug>/', async () => {
    const ids = await noteIds();
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) expect(existsSync(path.join(site.outDir, 'notes', id, 'index.html')), id).toBe(true);
    const built = await readdir(path.join(site.outDir, 'notes'));
    expect(built.sort()).toEqual(ids.sort());
  });

  it('gives every heading the id github-slugger gives its text, or the id its author pinned', async () => {
    for (const id of await noteIds()) {
      const document = await page(`notes/${id}/`);
      const source = await readFile(path.join(repoRoot, 'content/notes', `${id}.mdx`), 'utf8');
      // `## Heading text {/* pinned-id */}` keeps a published URL when the heading is reworded.
      const pinned = new Map(
        [...source.matchAll(/^#{2,6} (.+?)\s*\{\/\*\s*([a-z0-9-]+)\s*\*\/\}\s*$/gm)].map((match) => [
          match[1]!,
          match[2]!,
        ]),
      );
      // The note's own sections; the headings inside interactive tools are not sections.
      const headings = document.querySelectorAll('.note-body .heading-wrapper > :is(h2, h3, h4, h5, h6)');
      expect(headings.length, id).toBeGreaterThan(0);
      const slugger = new GithubSlugger();
      for (const heading of headings) {
        const expected = pinned.get(heading.text) ?? slugger.slug(heading.text);
        expect(heading.id, `${id}: ${heading.text}`).toBe(expected);
      }
    }
  });

  it('marks only the note itself for the search index, with its title', async () => {
    const document = await page('notes/eks/');
    const body = document.querySelectorAll('[data-pagefind-body]');
    expect(body).toHaveLength(1);
    expect(body[0]!.querySelector('h1')!.getAttribute('data-pagefind-meta')).toBe('title');
    expect(body[0]!.querySelector('header.site-header')).toBeNull();
  });

  it('lists the course lectures and the official sources from the frontmatter', async () => {
    const document = await page('notes/eks/');
    const links = document.querySelectorAll('.note-footer a').map((anchor) => anchor.getAttribute('href'));
    expect(links).toContain(
      'https://www.udemy.com/course/aws-certified-machine-learning-engineer-associate-mla-c01/learn/lecture/45356923#overview',
    );
    expect(links.some((href) => href?.startsWith('https://docs.aws.amazon.com/eks/'))).toBe(true);
  });
});

describe('home and error pages', () => {
  it('lists every note under its topic with its description', async () => {
    const document = await page('');
    const groups = document.querySelectorAll('.topic-group');
    expect(groups.length).toBe(5);
    // Each topic's heading links to its topic page; the notes are listed under it.
    const linked = document.querySelectorAll('.note-cards .topic-notes a').map((anchor) => anchor.getAttribute('href'));
    expect(linked.sort()).toEqual((await noteIds()).map((id) => `/notes/${id}/`).sort());
    const eks = document.querySelector('a[href="/notes/eks/"]')!;
    expect(eks.closest('.topic-group')!.querySelector('h2')!.text).toBe('Containers and Kubernetes');
    expect(eks.parentNode.querySelector('p')!.text.length).toBeGreaterThan(20);
  });

  it('starts a reader at the first section without carrying every section: the rest is a file of its own', async () => {
    const order = JSON.parse(await readFile(path.join(site.outDir, 'reading-order.json'), 'utf8')) as {
      note: string;
      id: string;
      title: string;
    }[];
    expect(order.length).toBeGreaterThan(100);
    const html = await readFile(path.join(site.outDir, 'index.html'), 'utf8');
    const start = parse(html).querySelector('[data-next-section]')!;
    expect(start.getAttribute('href')).toBe(`/notes/${order[0]!.note}/#${order[0]!.id}`);
    // The other sections' titles are nowhere in the page (it once held them all, half its bytes).
    const carried = order
      .slice(1)
      .filter((section) => html.includes(`>${section.title}<`) || html.includes(`"${section.title}"`));
    expect(carried).toEqual([]);
  });

  it('has a real 404 page', async () => {
    const document = await page('404.html');
    expect(document.querySelector('h1')!.text).toBe('Page not found');
    expect(document.querySelectorAll('.note-cards a').length).toBeGreaterThanOrEqual(10);
  });

  it('has a search page that explains search needs JavaScript', async () => {
    const document = await page('search/');
    expect(document.querySelector('noscript')!.innerHTML).toMatch(/needs JavaScript/);
  });
});

describe('search index', () => {
  it('is written by the build and covers every note: its introduction and each of its sections', async () => {
    const entry = JSON.parse(await readFile(path.join(site.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const records = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    let expected = 0;
    for (const id of await noteIds()) {
      const headings = (await page(`notes/${id}/`))
        .querySelectorAll(
          '.note-body h2[id], .note-body h3[id], .note-body h4[id], .note-body h5[id], .note-body h6[id]',
        )
        .filter((heading) => !heading.closest('[data-pagefind-ignore]'));
      expected += 1 + headings.length;
    }
    expect(records).toBe(expected);
    expect(site.log).toMatch(/Indexed \d+ sections/);
  });

  it('writes the spelling vocabulary from the indexed text, without link addresses', async () => {
    const words = JSON.parse(await readFile(path.join(site.outDir, 'search-vocabulary.json'), 'utf8')) as Record<
      string,
      number
    >;
    expect(words.sagemaker).toBeGreaterThan(10);
    // Link addresses (hundreds in the notes' source) are not indexed text; a URL written out in the text is.
    expect(words.https ?? 0).toBeLessThan(10);
    expect(words.html ?? 0).toBeLessThan(10);
  });
});
