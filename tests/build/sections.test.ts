import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, removeBuilds, repoRoot, type BuildResult } from '../support/build-site.ts';

const fixture = path.join(repoRoot, 'tests/fixtures/moved-sections');
const site = inject('site');

afterAll(removeBuilds);

async function page(outDir: string, urlPath: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(outDir, urlPath, 'index.html'), 'utf8'));
}

describe('permanent section links', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildSite({ notesDir: path.join(fixture, 'notes') });
    expect(build.exitCode, build.log).toBe(0);
  });

  it('lets an explicit {/*id*/} win over the heading slug, and hides the comment', async () => {
    const document = await page(build.outDir, 'notes/guardrails');
    const heading = document.querySelector('#canary')!;
    expect(heading.tagName).toBe('H2');
    expect(heading.text).toBe('Canary traffic shifting');
    expect(document.querySelector('#canary-traffic-shifting')).toBeNull();
  });

  it('keeps a moved section reachable at its old id, right at the new heading', async () => {
    const document = await page(build.outDir, 'notes/guardrails');
    const alias = document.querySelector('#linear-mode')!;
    expect(alias.classList.contains('section-alias')).toBe(true);
    expect(alias.parentNode.querySelector('h2')!.id).toBe('linear-steps');
  });

  it('gives every heading a permalink and a copy button, both with screen-reader text', async () => {
    const document = await page(build.outDir, 'notes/guardrails');
    for (const wrapper of document.querySelectorAll('.note-body .heading-wrapper')) {
      const id = wrapper.querySelector('h2, h3')!.id;
      const title = wrapper.querySelector('h2, h3')!.text;
      const name = (element: HTMLElement) =>
        element
          .getAttribute('aria-labelledby')!
          .split(' ')
          .map((labelId) => document.querySelector(`[id="${labelId}"]`)!.text.trim())
          .join(' ');
      const anchor = wrapper.querySelector('a.anchor-link')!;
      expect(anchor.getAttribute('href')).toBe(`#${id}`);
      expect(name(anchor)).toBe(`Link to section: ${title}`);
      const button = wrapper.querySelector('button.copy-link')!;
      expect(button.getAttribute('data-section')).toBe(id);
      expect(name(button)).toBe(`Copy link to section: ${title}`);
    }
  });

  it('fails the build naming a published section that disappeared without a mapping', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'removed-section-'));
    await cp(fixture, copy, { recursive: true });
    await writeFile(
      path.join(copy, 'section-register.json'),
      JSON.stringify({ published: { guardrails: ['introduction', 'canary', 'linear-mode', 'rollback'] }, moved: {} }),
    );
    const failed = await buildSite({ notesDir: path.join(copy, 'notes') });
    await rm(copy, { recursive: true, force: true });
    expect(failed.exitCode).not.toBe(0);
    expect(failed.log).toContain('the published section "#linear-mode" of /notes/guardrails/ no longer exists');
    expect(failed.log).toContain('guardrails.mdx');
  });

  it('fails the build when a published note is gone', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'removed-note-'));
    await cp(fixture, copy, { recursive: true });
    await rm(path.join(copy, 'notes/shadow.mdx'));
    const failed = await buildSite({ notesDir: path.join(copy, 'notes') });
    await rm(copy, { recursive: true, force: true });
    expect(failed.exitCode).not.toBe(0);
    expect(failed.log).toContain('the published note /notes/shadow/ no longer exists');
  });
});

describe('glossary terms, backlinks and the course map', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildSite({ notesDir: path.join(fixture, 'notes') });
  });

  it('explains each term on its first use in every section, linked to the glossary', async () => {
    const document = await page(build.outDir, 'notes/guardrails');
    const terms = document.querySelectorAll('.note-body a.term');
    expect(terms.map((term) => term.text)).toEqual(['ASG', 'AZs', 'ASG']);
    const first = terms[0]!;
    expect(first.getAttribute('href')).toBe('/glossary/#term-asg');
    const tip = document.querySelector(`#${first.getAttribute('aria-describedby')}`)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.text).toContain('Auto Scaling group: A group of EC2 instances');
    expect(tip.closest('.term-tips')!.getAttribute('data-pagefind-ignore')).toBe('all');
    // Each term's definition is in the page once, however often the term is marked.
    expect(document.querySelectorAll('.term-tips [role="tooltip"]').map((definition) => definition.id)).toEqual([
      'tip-term-asg',
      'tip-term-az',
    ]);
    expect(terms[2]!.getAttribute('aria-describedby')).toBe('tip-term-asg');
    const glossary = await page(build.outDir, 'glossary');
    expect(glossary.querySelector('#term-asg dt')!.text).toContain('Auto Scaling group');
  });

  it('shows on each note the notes that link to it, and lists lectures with their sections', async () => {
    const guardrails = await page(build.outDir, 'notes/guardrails');
    expect(guardrails.querySelectorAll('.backlinks a').map((link) => link.getAttribute('href'))).toEqual([
      '/notes/shadow/#compared-with-canaries',
    ]);
    const course = await page(build.outDir, 'course');
    const lecture = course.querySelector('.course-map > li')!;
    expect(lecture.querySelector('.course-watch a')!.getAttribute('href')).toBe(
      'https://www.udemy.com/course/x/learn/lecture/100',
    );
    expect(lecture.querySelectorAll('ul ul a').map((link) => link.getAttribute('href'))).toEqual([
      '/notes/guardrails/#introduction',
    ]);
  });
});

describe('navigation on the real site', () => {
  it('marks the current note in the sidebar and links every table-of-contents entry to a heading', async () => {
    const document = await page(site.outDir, 'notes/step-functions');
    expect(document.querySelector('.sidebar a[aria-current="page"]')!.getAttribute('href')).toBe(
      '/notes/step-functions/',
    );
    const toc = document.querySelectorAll('.toc a');
    expect(toc.length).toBeGreaterThan(5);
    for (const link of toc)
      expect(document.querySelector(`[id="${link.getAttribute('href')!.slice(1)}"]`), link.text).not.toBeNull();
  });

  it('has breadcrumbs Home › Topic › Note and previous/next links in reading order', async () => {
    const document = await page(site.outDir, 'notes/step-functions');
    expect(document.querySelectorAll('.breadcrumbs li').map((crumb) => crumb.text.trim())).toEqual([
      'Home',
      'Events and orchestration',
      'AWS Step Functions',
    ]);
    expect(document.querySelector('.prev-next a[rel="prev"]')!.getAttribute('href')).toBe('/notes/eventbridge/');
    expect(document.querySelector('.prev-next a[rel="next"]')!.getAttribute('href')).toBe('/notes/aws-batch/');
  });

  it('lists every referenced course lecture on the course map, and every note shows its lectures', async () => {
    const course = await page(site.outDir, 'course');
    const lectures = course.querySelectorAll('.course-lecture').map((link) => link.getAttribute('href'));
    expect(lectures).toHaveLength(6);
    const numbers = course.querySelectorAll('.course-number').map((number) => Number(number.text.replace(/\D/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const eks = await page(site.outDir, 'notes/eks');
    expect(eks.querySelector('.note-footer')!.text).toContain('Course lectures');
  });
});
