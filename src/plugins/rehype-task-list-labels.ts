import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const PHRASING_BLOCKERS = new Set(['p', 'ul', 'ol', 'div', 'pre', 'table', 'blockquote']);

/**
 * GFM task lists give each item a bare checkbox; this names it after the item's text. In a tight
 * list the text is wrapped in a span the checkbox points to; in a loose one, the text becomes its label.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (item: Element) => {
      if (item.tagName !== 'li') return;
      const checkbox = item.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'input',
      );
      if (!checkbox || checkbox.properties.type !== 'checkbox') return;
      const rest = item.children.filter((child) => child !== checkbox);
      if (rest.some((child) => child.type === 'element' && PHRASING_BLOCKERS.has(child.tagName))) {
        checkbox.properties.ariaLabel = toString({
          type: 'element',
          tagName: 'span',
          properties: {},
          children: rest,
        }).trim();
        return;
      }
      const id = `task-${++count}`;
      checkbox.properties['ariaLabelledBy'] = [id];
      item.children = [
        checkbox,
        { type: 'element', tagName: 'span', properties: { id }, children: rest as ElementContent[] },
      ];
    });
  };
}
