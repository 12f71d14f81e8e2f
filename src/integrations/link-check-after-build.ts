import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { checkLinks, type CheckedPage, type LinkProblem } from '../lib/sections/broken-links.ts';

/** Reads every built page: its ids and its links. */
export function readBuiltSite(outDir: string): CheckedPage[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const document = parse(readFileSync(path.join(outDir, file), 'utf8'));
      return {
        path: `/${file
          .split(path.sep)
          .join('/')
          .replace(/index\.html$/, '')}`,
        ids: new Set(document.querySelectorAll('[id]').map((element) => element.id)),
        links: document.querySelectorAll('a[href]').map((anchor) => ({
          href: anchor.getAttribute('href')!,
          opensNewTab: anchor.getAttribute('target') === '_blank',
          rel: anchor.getAttribute('rel') ?? '',
        })),
      };
    });
}

/** `file:line` of a broken link in the note it comes from, when the page is a note; else the page. */
function whereIs(problem: LinkProblem, notesDir: string, base: string): string {
  const note = problem.page.match(/^\/notes\/(.+)\/$/)?.[1];
  for (const extension of ['.mdx', '.md']) {
    const file = note && path.join(notesDir, `${note}${extension}`);
    if (!file || !existsSync(file)) continue;
    const written = problem.href.startsWith(base) && base !== '/' ? problem.href.slice(base.length - 1) : problem.href;
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes(`](${written}`) || line.includes(`](${problem.href}`));
    return `${path.relative(process.cwd(), file)}${index === -1 ? '' : `:${index + 1}`}`;
  }
  return `page ${problem.page}`;
}

/**
 * Fails the build when any page links to a page, file or #section that does not exist, naming the
 * note and the line the link is written on, so a broken link is never published.
 */
export function linkCheck(options: { notesDir: string }): AstroIntegration {
  let base = '/';
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = readBuiltSite(outDir);
        const problems = checkLinks(pages, base, (sitePath) => existsSync(path.join(outDir, sitePath)));
        if (problems.length > 0) {
          const lines = problems.map(
            (problem) => `  ${whereIs(problem, options.notesDir, base)}: link ${problem.href} ${problem.message}`,
          );
          throw new Error(`Broken links:\n${lines.join('\n')}`);
        }
        logger.info(
          `Checked ${pages.reduce((sum, page) => sum + page.links.length, 0)} links on ${pages.length} pages`,
        );
      },
    },
  };
}
