import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { SectionLink } from '../lib/navigation/note-graph.ts';

/**
 * Records every link of a note together with the section it sits in, for the course map and for
 * "notes that link here". The list travels with the note as `remarkPluginFrontmatter.sectionLinks`.
 */
export function rehypeSectionLinks() {
  return (tree: Root, file: VFile) => {
    const links: SectionLink[] = [];
    let section: { id: string; title: string } | undefined;
    visit(tree, 'element', (element: Element) => {
      const rank = headingRank(element);
      if (rank !== undefined && rank >= 2 && rank <= 3 && typeof element.properties.id === 'string') {
        section = { id: element.properties.id, title: toString(element).trim() };
        return;
      }
      if (element.tagName === 'a' && typeof element.properties.href === 'string') {
        links.push({ href: element.properties.href, sectionId: section?.id ?? '', sectionTitle: section?.title ?? '' });
      }
    });
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, sectionLinks: links };
  };
}
