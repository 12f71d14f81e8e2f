import { parse, type HTMLElement } from 'node-html-parser';
import type { CheckedPage } from '../lib/sections/broken-links.ts';
import { sectionRecords, type SectionRecord } from '../lib/search/section-records.ts';

/**
 * What the build's last steps need of one built page: its ids and links (the link check), for a
 * note page the sections its pipeline marked (the section register), and its search records.
 */
export interface BuiltPage extends CheckedPage {
  note?: { id: string; sections: string[] };
  records: SectionRecord[];
}

/** The site path of a built file: `notes/eks/index.html` → `/notes/eks/` (separators already `/`). */
export function sitePathOf(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`;
}

/** The section ids rehype-heading-anchors marked on a note page (its wrapped headings), in order. */
function markedSections(document: HTMLElement): string[] {
  return document
    .querySelectorAll('.heading-wrapper')
    .flatMap((wrapper) => wrapper.childNodes as HTMLElement[])
    .filter((node) => node.nodeType === 1 && /^H[2-6]$/.test(node.tagName) && node.id)
    .map((heading) => heading.id);
}

/**
 * The page's search records, worked out from its indexed region alone (the `data-pagefind-body`
 * element, cut from the page's own text): parsing the rest of the page again (head, navigation,
 * footer) would only be thrown away. A page without one has none.
 */
function searchRecords(document: HTMLElement, html: string, sitePath: string): SectionRecord[] {
  const body = document.querySelector('[data-pagefind-body]');
  return body ? sectionRecords(html.slice(...body.range), sitePath) : [];
}

/** Takes one built page apart. */
export function builtPage(sitePath: string, html: string): BuiltPage {
  const document = parse(html);
  const noteId = sitePath.match(/^\/notes\/(.+)\/$/)?.[1];
  return {
    path: sitePath,
    ids: new Set(document.querySelectorAll('[id]').map((element) => element.id)),
    links: document.querySelectorAll('a[href]').map((anchor) => ({
      href: anchor.getAttribute('href')!,
      opensNewTab: anchor.getAttribute('target') === '_blank',
      rel: anchor.getAttribute('rel') ?? '',
    })),
    ...(noteId ? { note: { id: noteId, sections: markedSections(document) } } : {}),
    records: searchRecords(document, html, sitePath),
  };
}
