import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { headingRank } from 'hast-util-heading-rank';
import type { GlossaryEntry } from '../lib/glossary/glossary-schema.ts';
import { splitByTerms, termAnchor, termMatcher } from '../lib/glossary/glossary-terms.ts';

export interface GlossaryOptions {
  entries: readonly GlossaryEntry[];
  /** The glossary page URL, with the site's base path. */
  glossaryUrl: string;
}

/** Where a term is never explained: code, links, headings and our own widgets. */
const SKIPPED_TAGS = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'script',
  'style',
  'svg',
  'button',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/**
 * Marks the first use of each glossary term in every section: a link to its glossary entry,
 * described (for screen readers) by the term's definition, which the page holds once in a hidden
 * list at its end. A small script shows that definition beside the term on hover and focus.
 */
export function rehypeGlossary(options: GlossaryOptions) {
  const byTerm = new Map(options.entries.map((entry) => [entry.term, entry]));
  const matcher = termMatcher([...byTerm.keys()]);
  return (tree: Root) => {
    let marked = new Set<string>();
    const used = new Set<string>();

    const termLink = (term: string, text: string): Element => {
      used.add(term);
      const anchor = termAnchor(term);
      return h(
        'a',
        { className: ['term'], href: `${options.glossaryUrl}#${anchor}`, ariaDescribedBy: `tip-${anchor}` },
        text,
      );
    };

    const walk = (parent: Root | Element) => {
      const children: ElementContent[] = [];
      for (const child of parent.children as ElementContent[]) {
        if (child.type === 'element') {
          // Each h2 starts a section in which every term is explained afresh.
          if (headingRank(child) === 2) marked = new Set();
          if (!SKIPPED_TAGS.has(child.tagName)) walk(child);
          children.push(child);
        } else if (child.type === 'text') {
          for (const segment of splitByTerms((child as Text).value, matcher, marked)) {
            children.push(
              'term' in segment ? termLink(segment.term, segment.text) : { type: 'text', value: segment.text },
            );
          }
        } else {
          children.push(child);
        }
      }
      parent.children = children;
    };
    walk(tree);

    if (used.size === 0) return;
    const definitions = [...used].sort().map((term) => {
      const entry = byTerm.get(term)!;
      return h('span', { id: `tip-${termAnchor(term)}`, role: 'tooltip' }, [
        h('strong', entry.expansion),
        `: ${entry.definition}`,
      ]);
    });
    tree.children.push(h('div', { className: ['term-tips'], hidden: true, dataPagefindIgnore: 'all' }, definitions));
  };
}
