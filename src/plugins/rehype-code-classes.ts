import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { classesForStyle } from '../lib/highlighting/code-classes.ts';

/** Replaces Shiki's inline colour styles on code blocks with classes (see src/lib/code-colors.ts). */
export function rehypeCodeClasses() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (element: Element) => {
      const style = element.properties.style;
      if (typeof style !== 'string' || !style.includes('--shiki-')) return;
      try {
        const classes = classesForStyle(style);
        const existing = element.properties.className ?? element.properties.class;
        const current = Array.isArray(existing)
          ? existing.map(String)
          : typeof existing === 'string'
            ? existing.split(/\s+/)
            : [];
        delete element.properties.class;
        element.properties.className = [...current, ...classes];
        delete element.properties.style;
      } catch (error) {
        file.fail(`${(error as Error).message} in a code block of ${file.path}`, element);
      }
    });
  };
}
