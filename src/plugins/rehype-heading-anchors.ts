import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { headingRank } from 'hast-util-heading-rank';
import { aliasesFor, checkNoteSections, type SectionRegister } from '../lib/sections/section-register.ts';

export interface HeadingAnchorOptions {
  /** Which note a compiled file is; undefined for files that are not notes. */
  noteIdOf: (file: VFile) => string | undefined;
  /** The section register to enforce, if this build has one. */
  register?: SectionRegister | undefined;
  /** Receives each note's section ids, in document order. */
  onSections?: (note: string, ids: string[]) => void;
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
 * Gives every section heading of a note a visible permalink and a copy-link button, keeps old ids
 * that the section register maps to it as aliases, and fails the build when a published section is gone.
 */
export function rehypeHeadingAnchors(options: HeadingAnchorOptions) {
  return (tree: Root, file: VFile) => {
    const note = options.noteIdOf(file);
    if (note === undefined) return;
    const headings: { parent: Root | Element; index: number; element: Element; id: string }[] = [];
    const walk = (parent: Root | Element) => {
      parent.children.forEach((child: RootContent | ElementContent, index: number) => {
        if (child.type !== 'element') return;
        const rank = headingRank(child);
        if (rank !== undefined && rank >= 2 && typeof child.properties.id === 'string') {
          headings.push({ parent, index, element: child, id: child.properties.id });
        } else {
          walk(child);
        }
      });
    };
    walk(tree);

    const ids = headings.map((heading) => heading.id);
    const current = new Set(ids);
    if (options.register) {
      const problems = checkNoteSections(options.register, note, current);
      if (problems.length > 0) {
        file.fail(
          `Broken section links in ${file.path}:\n${problems.map((problem) => `  - ${problem.message}`).join('\n')}`,
        );
      }
    }
    options.onSections?.(note, ids);
    const aliases = options.register ? aliasesFor(options.register, note, current) : new Map<string, string[]>();
    for (const { parent, index, element, id } of headings) {
      (parent.children as ElementContent[])[index] = wrapHeading(element, id, aliases.get(id) ?? []);
    }
  };
}
