/** The fields of a Pagefind result this site uses (see Pagefind's `PagefindSearchFragment`). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
  /** Every heading of the page with an id, and the word position where it starts. */
  anchors?: { id: string; location: number }[];
  word_count?: number;
}

export interface SectionHit {
  title: string;
  url: string;
  excerpt: string;
  score: number;
}

export interface NoteHit {
  title: string;
  url: string;
  excerpt: string;
  sections: SectionHit[];
}

/**
 * How strongly a section matches one word, in the manner of BM25: its best occurrence (Pagefind
 * weighs a heading above body text) times a term frequency that saturates and is normalised by
 * the section's length, so a long code listing that repeats a word does not outrank the short
 * section that explains it. Without a length, the section counts as average.
 */
export function sectionScore(sub: PagefindSubResult, length?: number, averageLength?: number): number {
  const locations = sub.weighted_locations ?? [];
  if (locations.length === 0) return 0;
  const best = Math.max(...locations.map((location) => location.balanced_score));
  const k1 = 1.2;
  const b = 0.75;
  const relativeLength = length && averageLength ? length / averageLength : 1;
  const frequency = locations.length;
  return best * ((frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * relativeLength)));
}

/** The length in words of each section of a page, from where its heading starts to where the next one does. */
export function sectionLengths(fragment: PagefindFragment): Map<string, number> {
  const anchors = [...(fragment.anchors ?? [])].sort((a, b) => a.location - b.location);
  const lengths = new Map<string, number>();
  anchors.forEach((anchor, index) => {
    const end = anchors[index + 1]?.location ?? fragment.word_count ?? anchor.location + 1;
    lengths.set(anchor.id, Math.max(1, end - anchor.location));
  });
  return lengths;
}

/**
 * Shapes a Pagefind page result for display: the note, then its best-matching sections first.
 * Pagefind also reports the text before the first heading as a sub-result on the page URL
 * itself; that one is the note, not a section, so it is dropped.
 */
export function toNoteHit(fragment: PagefindFragment, maxSections = 3): NoteHit {
  const sections = (fragment.sub_results ?? [])
    .filter((sub) => sub.url.includes('#'))
    .map(({ title, url, excerpt, ...rest }) => ({
      title,
      url,
      excerpt,
      score: sectionScore({ title, url, excerpt, ...rest }),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, maxSections);
  return { title: fragment.meta.title ?? fragment.url, url: fragment.url, excerpt: fragment.excerpt, sections };
}

/** Filter values with their counts, in a stable order for display. */
export function filterOptions(counts: Record<string, number> | undefined): { value: string; count: number }[] {
  return Object.entries(counts ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
