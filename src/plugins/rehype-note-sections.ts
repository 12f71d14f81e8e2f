import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { SectionLink } from '../lib/navigation/note-graph.ts';
import type { NoteFacts } from '../node/note-facts-cache.ts';
import { SECTION_MIN_DEPTH, type NoteSection } from '../lib/sections/note-sections.ts';

/**
 * Records, in one walk, a note's sections (every heading from `##` down with an id) and each link
 * with the section it sits in. Both travel with the note as `remarkPluginFrontmatter.sections` and
 * `.sectionLinks`; nothing else works out a note's sections. Runs after the ids are final.
 * `record` receives them too, to keep them for the next dev-server start (note-facts-cache.ts).
 */
export function rehypeNoteSections(options: { record?: (notePath: string, facts: NoteFacts) => void } = {}) {
  return (tree: Root, file: VFile) => {
    const sections: NoteSection[] = [];
    const links: SectionLink[] = [];
    let current: NoteSection | undefined;
    visit(tree, 'element', (element: Element) => {
      const rank = headingRank(element);
      if (rank !== undefined && rank >= SECTION_MIN_DEPTH && typeof element.properties.id === 'string') {
        current = { depth: rank, slug: element.properties.id, text: toString(element).trim() };
        sections.push(current);
        return;
      }
      if (element.tagName === 'a' && typeof element.properties.href === 'string') {
        links.push({
          href: element.properties.href,
          sectionId: current?.slug ?? '',
          sectionTitle: current?.text ?? '',
        });
      }
    });
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, sections, sectionLinks: links };
    if (file.path) options.record?.(file.path, { sections, sectionLinks: links });
  };
}
