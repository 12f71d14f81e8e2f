import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { headingRank } from 'hast-util-heading-rank';
import type { GlossaryEntry } from '../lib/glossary-schema';
import { splitByTerms, termAnchor, termMatcher } from '../lib/glossary-terms';

export interface GlossaryOptions {
  entries: readonly GlossaryEntry[];
  /** The glossary page URL, with the site's base path. */
  glossaryUrl: string;
}

/** Where a term is never explained: code, links, headings and our own widgets. */
const SKIPPED_TAGS = new Set(['a', 'code', 'pre', 'kbd', 'script', 'style', 'svg', 'button', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Marks the first use of each glossary term in every section: a link to its glossary entry that
 * shows the definition in a tooltip on hover and keyboard focus (CSS only; no script needed).
 */
export function rehypeGlossary(options: GlossaryOptions) {
  const byTerm = new Map(options.entries.map((entry) => [entry.term, entry]));
  const matcher = termMatcher([...byTerm.keys()]);
  return (tree: Root) => {
    let marked = new Set<string>();
    let tooltipCount = 0;

    const tooltipFor = (term: string, text: string): ElementContent[] => {
      const entry = byTerm.get(term)!;
      const id = `tip-${termAnchor(term)}-${++tooltipCount}`;
      return [
        h('span', { className: ['term-wrap'] }, [
          h('a', { className: ['term'], href: `${options.glossaryUrl}#${termAnchor(term)}`, ariaDescribedBy: id }, text),
          h('span', { className: ['term-tip'], role: 'tooltip', id, dataPagefindIgnore: 'all' }, [
            h('strong', entry.expansion),
            `: ${entry.definition}`,
          ]),
        ]),
      ];
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
            if ('term' in segment) children.push(...tooltipFor(segment.term, segment.text));
            else children.push({ type: 'text', value: segment.text });
          }
        } else {
          children.push(child);
        }
      }
      parent.children = children;
    };
    walk(tree);
  };
}
