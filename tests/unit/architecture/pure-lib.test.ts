import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/build-site.ts';

const lib = path.join(repoRoot, 'src/lib');
const modules = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

/** The code of a module without its comments and string contents, so only what it does is searched. */
function code(file: string): string {
  return readFileSync(path.join(lib, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, (quoted) => (/^['"]/.test(quoted) ? quoted : '``'));
}

function imports(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

describe('src/lib holds only pure modules', () => {
  it('has modules to check', () => {
    expect(modules.length).toBeGreaterThan(20);
  });

  it.each(modules)('%s imports neither Astro, Node nor an adapter', (file) => {
    const offending = imports(code(file)).filter(
      (specifier) =>
        (specifier.startsWith('astro') && specifier !== 'astro/zod') ||
        specifier.startsWith('node:') ||
        /(^|\/)(collections|node|browser|components|integrations|plugins)\//.test(specifier),
    );
    expect(offending).toEqual([]);
  });

  it.each(modules)('%s touches no browser or process globals', (file) => {
    const source = code(file).replace(/(['"])(?:\\.|(?!\1)[^\\])*\1/g, "''");
    expect(source).not.toMatch(/\b(localStorage|sessionStorage|document|window|process)\s*[.[]/);
  });
});
