import type { Heading, Root } from 'mdast';
// Type-only: these add MDX expression nodes and `data.hProperties` to the mdast types.
import type {} from 'mdast-util-mdx-expression';
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { isValidSectionId, parseExplicitId } from '../lib/content/explicit-id.ts';

/**
 * Turns a heading's trailing `{/*my-id*\/}` into its id, so an author can pin a section's URL
 * whatever its title becomes. rehype-slug leaves headings that already have an id alone.
 */
export function remarkExplicitIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1);
      if (!last || last.type !== 'mdxTextExpression') return;
      const id = parseExplicitId(last.value);
      if (id === undefined) return;
      if (!isValidSectionId(id)) {
        const line = last.position?.start.line ?? heading.position?.start.line;
        file.fail(
          `Section id "${id}" must be lowercase words joined by hyphens (e.g. canary-mode), in ${file.path}:${line}`,
          last,
        );
      }
      heading.children.pop();
      const previous = heading.children.at(-1);
      if (previous?.type === 'text') previous.value = previous.value.trimEnd();
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}
