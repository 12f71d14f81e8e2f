import type { Element } from 'hast';
import type { ShikiTransformer } from 'shiki/core';
import { classesForStyle } from '../lib/highlighting/code-classes.ts';

/**
 * Replaces Shiki's inline colour styles with classes (see src/lib/highlighting/code-classes.ts) as
 * Shiki builds each block, so pages need no `style` attributes and no extra walk over every page's tree.
 */
export const shikiColourClasses: ShikiTransformer = {
  name: 'colour-classes',
  pre: styleToClasses,
  span: styleToClasses,
};

function styleToClasses(element: Element): void {
  const style = element.properties.style;
  if (typeof style !== 'string') return;
  const existing = element.properties.className ?? element.properties.class;
  const current = Array.isArray(existing)
    ? existing.map(String)
    : typeof existing === 'string'
      ? existing.split(/\s+/)
      : [];
  delete element.properties.class;
  delete element.properties.style;
  element.properties.className = [...current, ...classesForStyle(style)];
}
