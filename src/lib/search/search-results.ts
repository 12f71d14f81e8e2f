/** The fields of a Pagefind result's data this site uses (see Pagefind's `PagefindSearchFragment`). */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface SectionHit {
  title: string;
  url: string;
  excerpt: string;
}

export interface NoteHit {
  title: string;
  url: string;
  /** The excerpt of the note's introduction, when that matched. */
  excerpt?: string;
  sections: SectionHit[];
}

/** A result URL without its query string: the same section whichever word found it. */
function withoutQuery(url: string): string {
  return url.replace(/\?[^#]*/, '');
}

/** A result URL that asks the page it opens to highlight these words. */
export function withHighlight(url: string, words: readonly string[], param = 'highlight'): string {
  const [path, hash] = withoutQuery(url).split('#') as [string, string | undefined];
  const query = words.map((word) => `${param}=${encodeURIComponent(word)}`).join('&');
  return `${path}${query ? `?${query}` : ''}${hash === undefined ? '' : `#${hash}`}`;
}

/**
 * Groups ranked section records under their notes for display: notes in the order of their best
 * record, each with its sections in rank order. A note's own record (its introduction) gives the
 * note its excerpt. Links carry the searched words for highlighting.
 */
export function groupByNote(records: readonly PagefindFragment[], words: readonly string[]): NoteHit[] {
  const notes = new Map<string, NoteHit>();
  for (const record of records) {
    const [noteUrl, id] = withoutQuery(record.url).split('#') as [string, string | undefined];
    const title = record.meta.note ?? record.meta.title ?? noteUrl;
    const note = notes.get(noteUrl) ?? { title, url: withHighlight(noteUrl, words), sections: [] };
    if (id === undefined) note.excerpt = record.excerpt;
    else
      note.sections.push({
        title: record.meta.title ?? id,
        url: withHighlight(record.url, words),
        excerpt: record.excerpt,
      });
    notes.set(noteUrl, note);
  }
  return [...notes.values()];
}

/** Filter values with their counts, in a stable order for display. */
export function filterOptions(counts: Record<string, number> | undefined): { value: string; count: number }[] {
  return Object.entries(counts ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
