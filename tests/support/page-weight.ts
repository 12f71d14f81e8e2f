import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size at the level static hosts use for pre-compressed files. */
export function gzipBytes(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/**
 * The scripts a page runs before any interaction: inline scripts, module scripts it links, and
 * every module those import statically (dynamic imports load on use, so they do not count).
 */
export function scriptsLoadedOnArrival(outDir: string, html: string): { file: string; content: string }[] {
  const scripts: { file: string; content: string }[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (!/type="application\/(ld\+)?json"/.test(match[0])) scripts.push({ file: '(inline)', content: match[1]! });
  }
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const content = readFileSync(path.join(outDir, file), 'utf8');
    scripts.push({ file, content });
    for (const imported of content.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*]+from\s*)?["']([^"']+)["']/g)) {
      visit(path.posix.join(path.posix.dirname(file), imported[1]!));
    }
  };
  for (const match of html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)) visit(match[1]!);
  return scripts;
}

/** Stylesheets a page needs to render on screen (print-only ones do not block rendering). */
export function stylesheets(outDir: string, html: string): string[] {
  return [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)]
    .filter((match) => !/media="print"/.test(match[0]))
    .map((match) => readFileSync(path.join(outDir, match[0].match(/href="\/([^"]+)"/)![1]!), 'utf8'));
}
