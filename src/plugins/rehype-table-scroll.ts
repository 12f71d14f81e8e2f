import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Puts each table in a region that scrolls sideways on a narrow screen, reachable by keyboard and
 * named after its column headings, so a wide table never widens the page and can still be read.
 */
export function rehypeTableScroll() {
  return (tree: Root) => {
    visit(tree, 'element', (table: Element, index, parent) => {
      if (table.tagName !== 'table' || !parent || index === undefined) return;
      const headings: string[] = [];
      visit(table, 'element', (cell: Element) => {
        if (cell.tagName === 'th' && headings.length < 4) headings.push(toString(cell).trim());
      });
      const label = `Table: ${headings.filter(Boolean).join(', ')}`;
      parent.children[index] = h('section', { className: ['table-scroll'], tabIndex: 0, ariaLabel: label }, [table]);
      return 'skip';
    });
  };
}
