/**
 * A note's sections, as the Markdown pipeline records them once per note (rehype-note-sections):
 * every heading from `##` down that has an id, in document order. Everything that needs a note's
 * sections reads this list: the heading anchors, the section register, the table of contents, the
 * "understood" progress, the questions and the link check.
 *
 * Shaped like Astro's own headings (`depth`, `slug`, `text`), so either can be passed where a list
 * of headings is expected.
 */
export interface NoteSection {
  depth: number;
  slug: string;
  text: string;
}

/** Headings from `##` on are sections; the page title is the only `#`. */
export const SECTION_MIN_DEPTH = 2;

/** The levels the table of contents lists: sections and their subsections. */
export function tocEntries(sections: readonly NoteSection[]): NoteSection[] {
  return sections.filter((section) => section.depth <= SECTION_MIN_DEPTH + 1);
}

/** The sections progress is counted in: the top-level ones, by id. */
export function progressSections(sections: readonly NoteSection[]): string[] {
  return sections.filter((section) => section.depth === SECTION_MIN_DEPTH).map((section) => section.slug);
}

/** The sections the pipeline recorded in a note's frontmatter data; none for a page that is not a note. */
export function recordedSections(frontmatter: Record<string, unknown>): NoteSection[] {
  const sections = frontmatter.sections;
  return Array.isArray(sections) ? (sections as NoteSection[]) : [];
}
