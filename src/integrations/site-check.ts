import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLinks, type LinkProblem } from '../lib/sections/broken-links.ts';
import { checkNoteSections, checkNotes, publishSections } from '../lib/sections/section-register.ts';
import { formatProblem, problemReport } from '../lib/content/content-errors.ts';
import { displayPath, type ContentPaths } from '../node/content-paths.ts';
import { readSectionRegister, writeSectionRegister } from '../node/section-register-file.ts';
import { builtPage, sitePathOf } from '../node/built-page.ts';
import { builtHtmlFiles, readBuiltPages, type BuiltPage } from '../node/built-pages.ts';

/** Reads every built page on this thread: what the site check sees, for tests that look at a build. */
export function readBuiltSite(outDir: string): BuiltPage[] {
  return builtHtmlFiles(outDir).map((file) =>
    builtPage(sitePathOf(file), readFileSync(path.join(outDir, file), 'utf8')),
  );
}

/** The file of a note, as messages name it. */
function noteFile(notesDir: string, note: string): string | undefined {
  for (const extension of ['.mdx', '.md']) {
    const file = path.join(notesDir, `${note}${extension}`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** `file:line` of a broken link in the note it comes from, when the page is a note; else the page. */
function whereIs(problem: LinkProblem, notesDir: string, base: string): string {
  const note = problem.page.match(/^\/notes\/(.+)\/$/)?.[1];
  const file = note && noteFile(notesDir, note);
  if (!file) return `page ${problem.page}`;
  const written = problem.href.startsWith(base) && base !== '/' ? problem.href.slice(base.length - 1) : problem.href;
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`](${written}`) || line.includes(`](${problem.href}`));
  return `${displayPath(file)}:${index === -1 ? 1 : index + 1}`;
}

type Logger = { info(message: string): void };

/** Every published section must still resolve; with `update`, this build's sections are published. */
function checkSectionRegister(pages: readonly BuiltPage[], paths: ContentPaths, update: boolean, logger: Logger) {
  const register = readSectionRegister(paths.sectionRegister);
  if (!register) return;
  const sections = new Map(pages.flatMap((page) => (page.note ? [[page.note.id, page.note.sections]] : [])));
  const problems = [
    ...[...sections].flatMap(([note, ids]) => checkNoteSections(register, note, new Set(ids))),
    ...checkNotes(register, new Set(sections.keys())),
  ];
  if (problems.length > 0) {
    const where = (note: string) => displayPath(noteFile(paths.notes, note) ?? paths.sectionRegister);
    throw new Error(
      problemReport(
        `Broken section links (${displayPath(paths.sectionRegister)}):`,
        problems.map((problem) =>
          formatProblem(where(problem.note), 1, problem.section ? `#${problem.section}` : 'note', problem.message),
        ),
      ),
    );
  }
  if (update) {
    const updated = publishSections(register, sections);
    writeSectionRegister(paths.sectionRegister, updated);
    const count = Object.values(updated.published).reduce((sum, ids) => sum + ids.length, 0);
    logger.info(`Section register updated: ${count} published sections in ${displayPath(paths.sectionRegister)}`);
  }
}

/** Every internal link and `#section` must lead somewhere. */
function checkSiteLinks(pages: readonly BuiltPage[], outDir: string, notesDir: string, base: string, logger: Logger) {
  const problems = checkLinks(pages, base, (sitePath) => existsSync(path.join(outDir, sitePath)));
  if (problems.length > 0) {
    throw new Error(
      problemReport(
        'Broken links:',
        problems.map((problem) => `${whereIs(problem, notesDir, base)}: link: ${problem.href} ${problem.message}`),
      ),
    );
  }
  logger.info(`Checked ${pages.reduce((sum, page) => sum + page.links.length, 0)} links on ${pages.length} pages`);
}

/**
 * Checks the built site, reading each page once (the search index shares the reading): the section register, then every link. Either
 * failure stops the build, naming the note. Sections go first: a vanished note also breaks the
 * links to it, and the register says why.
 */
export function siteCheck(options: { paths: ContentPaths; update: boolean }): AstroIntegration {
  let base = '/';
  return {
    name: 'site-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = await readBuiltPages(outDir);
        checkSectionRegister(pages, options.paths, options.update, logger);
        checkSiteLinks(pages, outDir, options.paths.notes, base, logger);
      },
    },
  };
}
