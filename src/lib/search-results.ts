/** The fields of a Pagefind result this site uses (see Pagefind's `PagefindSearchFragment`). */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface SectionHit {
  title: string;
  url: string;
  excerpt: string;
}

export interface NoteHit {
  title: string;
  url: string;
  excerpt: string;
  sections: SectionHit[];
}

/**
 * Shapes a Pagefind page result for display: the note, then the sections that matched.
 * Pagefind also reports the text before the first heading as a sub-result on the page URL
 * itself; that one is the note, not a section, so it is dropped.
 */
export function toNoteHit(fragment: PagefindFragment, maxSections = 3): NoteHit {
  const sections = (fragment.sub_results ?? [])
    .filter((sub) => sub.url.includes('#'))
    .slice(0, maxSections)
    .map(({ title, url, excerpt }) => ({ title, url, excerpt }));
  return {
    title: fragment.meta.title ?? fragment.url,
    url: fragment.url,
    excerpt: fragment.excerpt,
    sections,
  };
}
