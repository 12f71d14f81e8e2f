import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.ts';
import { buildSite, removeBuilds, type BuildResult } from '../support/build-site.ts';
import { gzipBytes, stylesheets } from '../support/page-weight.ts';

/** Median over a sample of note pages: compressed HTML, and HTML plus the CSS the page links. */
async function notePageWeights(build: BuildResult): Promise<{ html: number; withCss: number; pages: number }> {
  const notes = (await readdir(path.join(build.outDir, 'notes'))).sort();
  const sample = notes.filter((_, index) => index % Math.max(1, Math.floor(notes.length / 25)) === 0).slice(0, 25);
  const html: number[] = [];
  const withCss: number[] = [];
  for (const note of sample) {
    const page = await readFile(path.join(build.outDir, 'notes', note, 'index.html'), 'utf8');
    const bytes = gzipBytes(page);
    html.push(bytes);
    withCss.push(bytes + stylesheets(build.outDir, page).reduce((sum, css) => sum + gzipBytes(css), 0));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { html: median(html), withCss: median(withCss), pages: notes.length };
}

// The 2,000-note run is `npm run bench` (bench/RESULTS.md reports the page weights at each size);
// 500 notes is enough here to show any per-note growth of a page (such as navigation listing every note).
describe('note pages as the site grows', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    await removeBuilds();
  });

  it('stay within 25% in size from 100 to 500 notes, and a typical note fits one round trip', async () => {
    const weights = [];
    for (const count of [100, 500]) {
      const folder = await mkdtemp(path.join(os.tmpdir(), `corpus-${count}-`));
      folders.push(folder);
      const corpus = await writeCorpus(folder, count);
      const build = await buildSite({ notesDir: corpus.oursNotesDir });
      expect(build.exitCode, build.log.slice(-3000)).toBe(0);
      // Every note page reaches the search index and the site check as it is rendered, not read back afterwards.
      const taken = build.log.match(/\((\d+) of (\d+) pages taken as they were rendered\)/);
      expect(Number(taken?.[1])).toBeGreaterThanOrEqual(count);
      weights.push({ count, seconds: build.seconds, ...(await notePageWeights(build)) });
    }
    const [small, large] = weights as [(typeof weights)[0], (typeof weights)[0]];
    console.log(
      `Note page (median, gzip): ${small.html} B HTML / ${small.withCss} B with CSS at ${small.pages} notes (built in ${small.seconds.toFixed(0)} s); ` +
        `${large.html} B / ${large.withCss} B at ${large.pages} notes (built in ${large.seconds.toFixed(0)} s): ×${(large.html / small.html).toFixed(2)}`,
    );
    expect(large.pages).toBe(500);
    expect(large.html / small.html).toBeLessThanOrEqual(1.25);
    expect(small.withCss).toBeLessThanOrEqual(14 * 1024);
  }, 600_000);
});
