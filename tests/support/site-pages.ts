import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every HTML page of a built site as a site-relative URL path (`/`, `/notes/eks/`, `/404.html`),
 * sorted, so page-by-page checks and screenshots cover whatever the build holds.
 */
export async function sitePages(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const relative = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (relative === 'index.html') return '/';
      return relative.endsWith('/index.html') ? `/${relative.slice(0, -'index.html'.length)}` : `/${relative}`;
    })
    .filter((page) => !page.startsWith('/pagefind/'))
    .sort();
}

/** A file-name-safe name for a page path (`/notes/eks/` → `notes-eks`, `/` → `home`). */
export function pageSlug(page: string): string {
  const slug = page
    .replace(/\.html$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/\//g, '-');
  return slug === '' ? 'home' : slug;
}
