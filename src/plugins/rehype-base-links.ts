import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { joinBase } from '../lib/navigation/urls.ts';

/**
 * Notes link to each other root-relative (`/notes/eks/`); when the site lives under a sub-path,
 * those links get the base path so they keep working.
 */
export function rehypeBaseLinks(options: { base: string }) {
  return (tree: Root) => {
    if (options.base === '/' || options.base === '') return;
    visit(tree, 'element', (element: Element) => {
      const href = element.properties.href;
      if (
        element.tagName === 'a' &&
        typeof href === 'string' &&
        href.startsWith('/') &&
        !href.startsWith('//') &&
        !href.startsWith(options.base)
      ) {
        element.properties.href = joinBase(options.base, href);
      }
    });
  };
}
