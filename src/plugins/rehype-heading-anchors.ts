import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { aliasesFor, checkNoteSections, type SectionRegister } from '../lib/section-register';

export interface HeadingAnchorOptions {
  /** Which note a compiled file is; undefined for files that are not notes. */
  noteIdOf: (file: VFile) => string | undefined;
  /** The section register to enforce, if this build has one. */
  register?: SectionRegister | undefined;
  /** Receives each note's section ids, in document order. */
  onSections?: (note: string, ids: string[]) => void;
}

const COPY_ICON = h('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' }, [
  h('path', {
    d: 'M5 1.5h7A1.5 1.5 0 0 1 13.5 3v8M3.5 4.5h6A1.5 1.5 0 0 1 11 6v7.5a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5.5a1 1 0 0 1 1-1Z',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '1.3',
  }),
]);

/** The heading, its aliases, a permalink and a copy-link button, grouped so the heading's text stays clean. */
function wrapHeading(heading: Element, id: string, aliases: string[]): Element {
  const title = toString(heading).trim();
  return h('div', { className: ['heading-wrapper'], dataLevel: String(headingRank(heading)) }, [
    ...aliases.map((alias) => h('span', { id: alias, className: ['section-alias'] })),
    heading,
    h('a', { className: ['anchor-link'], href: `#${id}`, dataPagefindIgnore: 'all' }, [
      h('span', { ariaHidden: 'true' }, '#'),
      h('span', { className: ['visually-hidden'] }, `Link to section: ${title}`),
    ]),
    h('button', { type: 'button', className: ['copy-link'], dataSection: id, hidden: true, dataPagefindIgnore: 'all' }, [
      COPY_ICON,
      h('span', { className: ['visually-hidden'] }, `Copy link to section: ${title}`),
    ]),
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
        file.fail(`Broken section links in ${file.path}:\n${problems.map((problem) => `  - ${problem.message}`).join('\n')}`);
      }
    }
    options.onSections?.(note, ids);
    const aliases = options.register ? aliasesFor(options.register, note, current) : new Map<string, string[]>();
    for (const { parent, index, element, id } of headings) {
      (parent.children as ElementContent[])[index] = wrapHeading(element, id, aliases.get(id) ?? []);
    }
  };
}
