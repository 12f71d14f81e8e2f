import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, removeBuilds, repoRoot, type BuildResult } from '../support/build-site.ts';

const site = inject('site');
const read = (...parts: string[]) => readFileSync(path.join(site.outDir, ...parts), 'utf8');

describe('what search engines and social sites read', () => {
  it('lists every note in the sitemap, and robots.txt points to it', () => {
    const sitemap = read('sitemap-0.xml');
    for (const note of readdirSync(path.join(site.outDir, 'notes')))
      expect(sitemap).toContain(`<loc>http://localhost:4321/notes/${note}/</loc>`);
    expect(sitemap).not.toContain('/search/');
    expect(read('robots.txt')).toContain('Sitemap: http://localhost:4321/sitemap-index.xml');
  });

  it('gives each note a canonical URL, Open Graph and Twitter metadata with a social image', () => {
    const head = parse(read('notes/eks/index.html')).querySelector('head')!;
    const meta = (selector: string) => head.querySelector(selector)!.getAttribute('content');
    expect(head.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('http://localhost:4321/notes/eks/');
    expect(meta('meta[property="og:type"]')).toBe('article');
    expect(meta('meta[property="og:title"]')).toMatch(/^Amazon EKS/);
    expect(meta('meta[property="og:description"]')!.length).toBeGreaterThan(40);
    expect(meta('meta[property="og:image"]')).toBe('http://localhost:4321/social.png');
    expect(meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(existsSync(path.join(site.outDir, 'social.png'))).toBe(true);
  });

  it('has a favicon set and a web app manifest whose icons exist', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as { icons: { src: string }[]; start_url: string };
    expect(manifest.start_url).toBe('/');
    for (const icon of manifest.icons) expect(existsSync(path.join(site.outDir, icon.src)), icon.src).toBe(true);
    expect(existsSync(path.join(site.outDir, 'apple-touch-icon.png'))).toBe(true);
  });
});

describe('what the deploy recipes rely on', () => {
  it('writes every page as dir/index.html with a 404.html at the root', () => {
    expect(existsSync(path.join(site.outDir, '404.html'))).toBe(true);
    const html = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.html'),
    );
    expect(html.filter((file) => file !== '404.html').every((file) => file.endsWith('index.html'))).toBe(true);
  });

  it('names every script and stylesheet by content hash, which the long cache rules assume', () => {
    for (const file of readdirSync(path.join(site.outDir, '_astro')))
      expect(file).toMatch(/\.[A-Za-z0-9_-]{8}\.(js|css)$/);
  });

  it('has the Pagefind WebAssembly and index the recipes name, and a _headers file with their rules', () => {
    const pagefind = readdirSync(path.join(site.outDir, 'pagefind'));
    expect(pagefind.some((file) => /^wasm\.en\.pagefind$/.test(file))).toBe(true);
    expect(pagefind).toContain('pagefind-entry.json');
    const headers = read('_headers');
    expect(headers).toMatch(/^\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/m);
    expect(headers).toMatch(/^\/pagefind\/wasm\.\*\n {2}Content-Type: application\/wasm/m);
    expect(headers).toMatch(/X-Content-Type-Options: nosniff/);
    const recipe = readFileSync(path.join(repoRoot, 'deploy/s3-cloudfront.sh'), 'utf8');
    expect(recipe).toContain('--content-type application/wasm');
    expect(readFileSync(path.join(repoRoot, '.github/workflows/deploy-pages.yml'), 'utf8')).toMatch(/path: dist/);
  });

  it('maps /dir/ to /dir/index.html in the CloudFront function, and adds the trailing slash', () => {
    const source = readFileSync(path.join(repoRoot, 'deploy/cloudfront-function.js'), 'utf8');
    const handler = new Function(`${source}; return handler;`)() as (event: { request: { uri: string } }) => {
      uri?: string;
      statusCode?: number;
      headers?: { location: { value: string } };
    };
    expect(handler({ request: { uri: '/notes/eks/' } }).uri).toBe('/notes/eks/index.html');
    expect(handler({ request: { uri: '/_astro/a.B1c2D3e4.js' } }).uri).toBe('/_astro/a.B1c2D3e4.js');
    const redirect = handler({ request: { uri: '/notes/eks' } });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers!.location.value).toBe('/notes/eks/');
  });
});

describe('a site built for a sub-path and a public origin', () => {
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildSite({ base: '/mla-notes/', env: { SITE: 'https://example.github.io' } });
    expect(build.exitCode, build.log).toBe(0);
  });

  afterAll(removeBuilds);

  it('uses the base path and origin in canonical URLs, the sitemap, the manifest and robots.txt', () => {
    const page = parse(readFileSync(path.join(build.outDir, 'notes/eks/index.html'), 'utf8'));
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://example.github.io/mla-notes/notes/eks/',
    );
    expect(page.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(
      'https://example.github.io/mla-notes/social.png',
    );
    expect(readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8')).toContain(
      '<loc>https://example.github.io/mla-notes/notes/eks/</loc>',
    );
    expect(readFileSync(path.join(build.outDir, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.github.io/mla-notes/sitemap-index.xml',
    );
    const manifest = JSON.parse(readFileSync(path.join(build.outDir, 'manifest.webmanifest'), 'utf8')) as {
      start_url: string;
      icons: { src: string }[];
    };
    expect(manifest.start_url).toBe('/mla-notes/');
    expect(manifest.icons.every((icon) => icon.src.startsWith('/mla-notes/'))).toBe(true);
  });
});
