import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface OutputSize {
  bytes: number;
  files: number;
}

/** Every file under the output folder: the whole deployable site, search index included. */
export async function outputSize(dir: string): Promise<OutputSize> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

export interface Compressed {
  raw: number;
  gzip: number;
  brotli: number;
}

export function compressedSize(data: Buffer): Compressed {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

const ZERO: Compressed = { raw: 0, gzip: 0, brotli: 0 };
const add = (a: Compressed, b: Compressed): Compressed => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});

export interface PageWeight {
  url: string;
  html: Compressed;
  css: Compressed;
  js: Compressed;
  /** HTML + CSS + JS: what a first visit to the page downloads before any interaction (fonts and images aside). */
  total: Compressed;
  cssFiles: string[];
  jsFiles: string[];
}

/**
 * Weighs one built page and the stylesheets and scripts it loads on page load: `<link rel=stylesheet>`
 * (and CSS `@import`), `<script src>`, `<link rel=modulepreload>`, and the static `import`/`export from`
 * of every module script, followed recursively. Dynamic `import()` is not followed: it runs later, on
 * interaction (the search bundle). Inline `<style>` and `<script>` are part of the HTML bytes. Each file
 * is compressed on its own, as a server sends it.
 */
export async function pageWeight(outDir: string, url: string): Promise<PageWeight> {
  const htmlFile = fileFor(outDir, url);
  const html = await readFile(htmlFile);
  const source = html.toString('utf8');
  const css = new Set<string>();
  const js = new Set<string>();

  for (const tag of source.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attribute(tag, 'href');
    if (!href || isExternal(href)) continue;
    if (rel.includes('stylesheet')) css.add(resolveUrl(url, href));
    if (rel.includes('modulepreload')) js.add(resolveUrl(url, href));
  }
  for (const tag of source.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attribute(tag, 'src');
    if (src && !isExternal(src)) js.add(resolveUrl(url, src));
  }
  // Inline module scripts can import files too.
  for (const match of source.matchAll(/<script\b[^>]*type=["']?module["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const specifier of staticImports(match[1]!)) js.add(resolveUrl(url, specifier));
  }

  const cssQueue = [...css];
  for (let file; (file = cssQueue.shift());) {
    const text = await readFile(fileFor(outDir, file), 'utf8');
    for (const imported of text.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) {
      const resolved = resolveUrl(file, imported[1]!);
      if (!css.has(resolved) && !isExternal(imported[1]!)) {
        css.add(resolved);
        cssQueue.push(resolved);
      }
    }
  }
  const jsQueue = [...js];
  for (let file; (file = jsQueue.shift());) {
    if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
    const text = await readFile(fileFor(outDir, file), 'utf8');
    for (const specifier of staticImports(text)) {
      if (isExternal(specifier) || !/^[./]/.test(specifier)) continue;
      const resolved = resolveUrl(file, specifier);
      if (!js.has(resolved)) {
        js.add(resolved);
        jsQueue.push(resolved);
      }
    }
  }

  const weigh = async (files: Set<string>) => {
    let sum = ZERO;
    for (const file of files) sum = add(sum, compressedSize(await readFile(fileFor(outDir, file))));
    return sum;
  };
  const htmlSize = compressedSize(html);
  const cssSize = await weigh(css);
  const jsSize = await weigh(js);
  return {
    url,
    html: htmlSize,
    css: cssSize,
    js: jsSize,
    total: add(add(htmlSize, cssSize), jsSize),
    cssFiles: [...css].sort(),
    jsFiles: [...js].sort(),
  };
}

/** Specifiers of `import x from "y"`, `import "y"` and `export ... from "y"`, not `import("y")`. */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[^\w$.])(?:import|export)\s*(?:(?:[\w$*{}\s,]+?)\s*from\s*)?(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(pattern)) found.push(match[2]!);
  return found;
}

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return match ? (match[1] ?? match[2] ?? match[3])!.replace(/&amp;/g, '&') : undefined;
}

function isExternal(href: string): boolean {
  return /^(?:[a-z]+:)?\/\//i.test(href) || href.startsWith('data:');
}

/** Resolves `href` against the page or file URL it appears in; returns a site path. */
function resolveUrl(base: string, href: string): string {
  return new URL(href, new URL(base, 'http://site.invalid')).pathname;
}

function fileFor(outDir: string, url: string): string {
  const pathname = decodeURIComponent(url.split(/[?#]/)[0]!);
  return path.join(outDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
}
