import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkLinks, type CheckedPage } from '../../src/lib/sections/broken-links.ts';
import { readBuiltSite } from '../../src/integrations/site-check.ts';

const site = inject('site');

describe('links on every built page', () => {
  it('all internal links and anchors resolve, and new-tab links are safe', () => {
    const pages = readBuiltSite(site.outDir);
    const links = pages.reduce((sum, page) => sum + page.links.length, 0);
    const problems = checkLinks(pages, '/', (sitePath) => existsSync(path.join(site.outDir, sitePath)));
    console.log(`Links checked: ${links} on ${pages.length} pages`);
    expect(problems).toEqual([]);
  });
});

describe('the link checker', () => {
  const page = (pagePath: string, ids: string[], hrefs: string[]): CheckedPage => ({
    path: pagePath,
    ids: new Set(ids),
    links: hrefs.map((href) => ({
      href,
      opensNewTab: href.includes('new-tab'),
      rel: href.includes('safe') ? 'noopener noreferrer' : '',
    })),
  });

  it('finds missing pages, missing anchors, links without the base path and unsafe new tabs', () => {
    const pages = [
      page(
        '/mla/notes/a/'.replace('/mla', ''),
        ['intro'],
        [
          '#intro',
          '#nope',
          '/mla/notes/b/#gone',
          '/mla/notes/zzz/',
          '/notes/a/',
          'https://x.test/new-tab',
          'https://x.test/new-tab-safe',
        ],
      ),
      page('/notes/b/', ['here'], ['../a/#intro']),
    ];
    const problems = checkLinks(pages, '/mla/', () => false);
    expect(problems.map((problem) => `${problem.href}: ${problem.message}`)).toEqual([
      '#nope: leads to #nope, which /notes/a/ does not have',
      '/mla/notes/b/#gone: leads to #gone, which /notes/b/ does not have',
      '/mla/notes/zzz/: leads to a page or file that does not exist',
      '/notes/a/: does not start with the base path /mla/',
      'https://x.test/new-tab: opens a new tab without rel="noopener noreferrer"',
    ]);
  });
});
