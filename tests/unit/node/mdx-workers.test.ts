import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notesMarkdownProcessor } from '../../../src/node/markdown-pipeline.ts';
import { mdxWorkers, withMdxWorkers, type MdxRenderer } from '../../../src/node/mdx-workers.ts';
import type { NoteFacts } from '../../../src/node/note-facts-cache.ts';
import { openCodeHighlightCache } from '../../../src/plugins/syntax-highlighting.ts';

const notesDir = path.resolve('content/notes');
const fixture = path.resolve('tests/fixtures/asl-invalid/missing-state/missing-state.mdx');
const temporary = mkdtempSync(path.join(os.tmpdir(), 'mdx-workers-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

/** The options @astrojs/mdx passes with this site's configuration. */
const shared = { syntaxHighlight: false as const, gfm: false, smartypants: false };
const mdx = { optimize: true, sourcemap: false };

/** A note's body as @astrojs/mdx hands it over: the frontmatter blanked, so lines keep their numbers. */
const bodyOf = (file: string) =>
  readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---/, (block) => block.replace(/[^\n]/g, ' '));

function pipeline(command: 'build' | 'dev', cacheName: string) {
  const highlightCache = openCodeHighlightCache(path.join(temporary, cacheName));
  const facts = new Map<string, NoteFacts>();
  const stores = {
    highlightCache,
    recordFacts: (notePath: string, noteFacts: NoteFacts) => facts.set(notePath, noteFacts),
  };
  const integration = mdxWorkers();
  const setup = integration.hooks['astro:config:setup'] as (options: { command: string }) => void;
  setup({ command });
  const processor = withMdxWorkers(notesMarkdownProcessor(stores), stores);
  const close = integration.hooks['astro:build:generated'] as () => Promise<void>;
  return { processor, facts, highlightCache, close };
}

describe('compiling notes on worker threads', () => {
  const notes = readdirSync(notesDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => path.join(notesDir, name));

  it('gives every note the same module, metadata and recorded facts as compiling it in the main thread', async () => {
    const inThread = pipeline('dev', 'in-thread');
    const direct: MdxRenderer = await inThread.processor.createMdxRenderer!(shared, mdx);
    const expected = await Promise.all(notes.map((file) => direct.process(bodyOf(file), file, { title: 'x' })));

    const onWorkers = pipeline('build', 'workers');
    const renderer = await onWorkers.processor.createMdxRenderer!(shared, mdx);
    // The worker pool (a class), not the plain renderer object the in-thread pipeline returns.
    expect(Object.getPrototypeOf(renderer)).not.toBe(Object.prototype);
    expect(Object.getPrototypeOf(direct)).toBe(Object.prototype);
    const compiled = await Promise.all(notes.map((file) => renderer.process(bodyOf(file), file, { title: 'x' })));
    await onWorkers.close();

    expect(notes.length).toBeGreaterThanOrEqual(10);
    expect(compiled).toEqual(expected);
    expect([...onWorkers.facts.keys()].sort()).toEqual([...notes].sort());
    expect(Object.fromEntries(onWorkers.facts)).toEqual(Object.fromEntries(inThread.facts));
    // The code blocks highlighted on the workers are kept by the main thread's cache, which saves them.
    const savedBlocks = (name: string) =>
      Object.keys(
        (JSON.parse(readFileSync(path.join(temporary, name, 'highlighted-code.json'), 'utf8')) as { blocks: object })
          .blocks,
      ).sort();
    inThread.highlightCache.save();
    onWorkers.highlightCache.save();
    expect(savedBlocks('in-thread').length).toBeGreaterThan(10);
    expect(savedBlocks('workers')).toEqual(savedBlocks('in-thread'));
  });

  it('fails with the error the pipeline raised, naming the line', async () => {
    const onWorkers = pipeline('build', 'errors');
    const renderer = await onWorkers.processor.createMdxRenderer!(shared, mdx);
    const failure = renderer.process(bodyOf(fixture), fixture, {});
    await expect(failure).rejects.toThrow(`The state machine in the code block at ${fixture}:17 is not valid`);
    await expect(failure).rejects.toMatchObject({ line: 17 });
    // The pool keeps working after a failed note.
    const note = path.join(notesDir, 'eks.mdx');
    await expect(renderer.process(bodyOf(note), note, {})).resolves.toHaveProperty('code');
    await onWorkers.close();
  });
});
