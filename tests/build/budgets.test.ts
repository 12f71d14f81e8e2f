import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { gzipBytes, scriptsLoadedOnArrival } from '../support/page-weight.ts';

const site = inject('site');

describe('what a note page costs before any interaction', () => {
  it('runs under 3 KB of compressed JavaScript, and no search code', async () => {
    const html = await readFile(path.join(site.outDir, 'notes/eks/index.html'), 'utf8');
    const scripts = scriptsLoadedOnArrival(site.outDir, html);
    // Each file is fetched and compressed on its own, so each pays its own compression overhead.
    const bytes = scripts.reduce((sum, script) => sum + gzipBytes(script.content), 0);
    console.log(`Note page JavaScript before interaction: ${bytes} bytes gzip in ${scripts.length} scripts`);
    expect(bytes).toBeLessThan(3 * 1024);
    expect(scripts.some((script) => script.content.includes('search-rendered'))).toBe(false);
    expect(scripts.some((script) => /pagefind\.js/.test(script.content) && !/import\(/.test(script.content))).toBe(
      false,
    );
  });
});
