import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeBuilds, repoRoot, startDevServer } from '../support/build-site.ts';

/** What a note page shows of the other notes: the section counts in the sidebar, and its backlinks. */
function factsOfOtherNotes(html: string): { counts: Map<string, number>; backlinks: string } {
  return {
    counts: new Map(
      [...html.matchAll(/data-progress-note="([^"]+)" data-sections="(\d+)"/g)].map(([, note, sections]) => [
        note!,
        Number(sections),
      ]),
    ),
    backlinks: html.match(/<section class="backlinks"[\s\S]*?<\/section>/)?.[0] ?? '',
  };
}

/** The page a fresh `astro dev` serves first, with the cache folder the runs share. */
async function firstPage(notesDir: string, cacheDir: string, port: number): Promise<string> {
  const dev = await startDevServer({ notesDir, port, env: { CACHE_DIR: cacheDir } });
  try {
    const response = await fetch(`${dev.origin}/notes/eks/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    // What the notes' compiles recorded is written a second after them.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return html;
  } finally {
    await dev.stop();
  }
}

describe('the development server', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    await removeBuilds();
  });

  it('after a restart, shows every note as it is now, whether compiled again or taken from its cache', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dev-start-'));
    folders.push(folder);
    const notesDir = path.join(folder, 'notes');
    await cp(path.join(repoRoot, 'content/notes'), notesDir, { recursive: true });
    const cacheDir = path.join(folder, 'cache');

    const cold = factsOfOtherNotes(await firstPage(notesDir, cacheDir, 4611));
    expect(cold.counts.size).toBeGreaterThan(5);
    expect(cold.backlinks).toContain('href="/notes/horovod/');

    // One note changes between the runs: it gains a section; the others are as the cache has them.
    const horovod = path.join(notesDir, 'horovod.mdx');
    await writeFile(horovod, `${await readFile(horovod, 'utf8')}\n\n## Zanzibar drill\n\nA section added.\n`);
    const warm = factsOfOtherNotes(await firstPage(notesDir, cacheDir, 4612));
    expect(warm.backlinks).toBe(cold.backlinks);
    expect(warm.counts).toEqual(
      new Map([...cold.counts].map(([note, count]) => [note, note === 'horovod' ? count + 1 : count])),
    );
  }, 180_000);
});
