import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { headingRank } from 'hast-util-heading-rank';
import { aliasesFor, type SectionRegister } from '../lib/sections/section-register.ts';
import { recordedSections } from '../lib/sections/note-sections.ts';

export interface HeadingAnchorOptions {
  /** Which note a compiled file is; undefined for files that are not notes. */
  noteIdOf: (file: VFile) => string | undefined;
  /** The section register, read for the old ids of moved sections (it is checked after the build). */
  register?: SectionRegister | undefined;
}

/** Ids of the page-wide labels the permalink and the copy button combine with the heading's own text. */
export const SECTION_LINK_LABEL = 'section-link-label';
export const COPY_LINK_LABEL = 'copy-link-label';

/**
 * The heading, its aliases, a permalink and a copy-link button, grouped so the heading's text stays
 * clean. Their accessible names ("Link to section: Canary traffic shifting") are built with
 * aria-labelledby from a shared label and the heading itself, so the title is not repeated.
 */
function wrapHeading(heading: Element, id: string, aliases: string[]): Element {
  return h('div', { className: ['heading-wrapper'], dataLevel: String(headingRank(heading)) }, [
    ...aliases.map((alias) => h('span', { id: alias, className: ['section-alias'] })),
    heading,
    h(
      'a',
      {
        className: ['anchor-link'],
        href: `#${id}`,
        ariaLabelledBy: `${SECTION_LINK_LABEL} ${id}`,
        dataPagefindIgnore: 'all',
      },
      '#',
    ),
    h('button', {
      type: 'button',
      className: ['copy-link'],
      dataSection: id,
      ariaLabelledBy: `${COPY_LINK_LABEL} ${id}`,
      hidden: true,
      dataPagefindIgnore: 'all',
    }),
  ]);
}

/**
 * Gives every section of a note (as rehype-note-sections recorded them) a visible permalink and a
 * copy-link button, and keeps the old ids the section register maps to it as aliases.
 */
export function rehypeHeadingAnchors(options: HeadingAnchorOptions) {
  return (tree: Root, file: VFile) => {
    const note = options.noteIdOf(file);
    if (note === undefined) return;
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
    const sections = new Set(recordedSections(frontmatter).map((section) => section.slug));
    const aliases = options.register ? aliasesFor(options.register, note, sections) : new Map<string, string[]>();
    const wrap = (parent: Root | Element) => {
      parent.children.forEach((child: RootContent | ElementContent, index: number) => {
        if (child.type !== 'element') return;
        const id = child.properties.id;
        if (headingRank(child) !== undefined && typeof id === 'string' && sections.has(id)) {
          (parent.children as ElementContent[])[index] = wrapHeading(child, id, aliases.get(id) ?? []);
        } else {
          wrap(child);
        }
      });
    };
    wrap(tree);
  };
}
