import type { Nodes, Root, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Blocks whose text starts afresh: a quote at their start opens, never closes. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline elements whose text is code, not prose. */
const CODE_ELEMENTS = new Set(['script', 'style']);
/** What the quote rules change. */
const QUOTES = /["']/;
/** What the dash, ellipsis and backtick rules can change; text without it is left alone. */
const DASH_ELLIPSIS_OR_BACKTICKS = /--|\.\s*\.|``|''/;

const quotes = retext().use(retextSmartypants, { quotes: true, dashes: false, ellipses: false, backticks: false });
const dashesEllipsesBackticks = retext().use(retextSmartypants, { quotes: false });

/**
 * Typographic punctuation ("smart" quotes, dashes, ellipses) by retext-smartypants, giving the same
 * text as Astro's built-in step (remark-smartypants) at a fraction of the cost. Quotes are set over
 * each block's whole text, so a quote pairs across links and emphasis, but only in blocks that have
 * a quote (a quote's rule looks no further than its neighbours, and a block starts afresh). Dashes,
 * ellipses and backticks, which change a text's length, are set node by node, in the few text
 * nodes that have any.
 */
export function remarkTypography() {
  return (tree: Root) => {
    const blocks: { prose: string; texts: { node: Nodes; start: number; end: number }[] }[] = [];
    let block = { prose: '', texts: [] as { node: Nodes; start: number; end: number }[] };
    blocks.push(block);
    visit(tree, (node, _index, parent) => {
      if (!parent) return;
      // As remark-smartypants does: the text of a raw `<script>`, `<style>` or fragment is left alone.
      if (parent.type === 'mdxJsxTextElement' && (typeof parent.name !== 'string' || CODE_ELEMENTS.has(parent.name)))
        return;
      if (node.type === 'text' || node.type === 'inlineCode') {
        // Inline code keeps its place in the prose, so quotes on either side still pair, but is never changed.
        const start = block.prose.length;
        block.prose += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
        block.texts.push({ node, start, end: block.prose.length });
      } else if (BLOCKS.has(node.type)) {
        block = { prose: ' ', texts: [] };
        blocks.push(block);
      }
    });
    for (const { prose, texts } of blocks) {
      const quoted = QUOTES.test(prose) ? String(quotes.processSync(prose)) : prose;
      for (const { node, start, end } of texts) {
        if (node.type !== 'text') continue;
        const value = quoted.slice(start, end);
        (node as Text).value = DASH_ELLIPSIS_OR_BACKTICKS.test(value)
          ? String(dashesEllipsesBackticks.processSync(value))
          : value;
      }
    }
  };
}
