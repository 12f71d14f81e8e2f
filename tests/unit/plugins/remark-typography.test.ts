import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkTypography } from '../../../src/plugins/remark-typography.ts';

/** The Markdown tree after the notes' parser, GFM and one typography step: ours or remark-smartypants. */
function treeAfter(source: string, typography: 'ours' | 'remark-smartypants'): unknown {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  if (typography === 'ours') processor.use(remarkTypography);
  else processor.use(remarkSmartypants);
  return processor.runSync(processor.parse(source));
}

function textOf(tree: unknown): string {
  const node = tree as { value?: string; children?: unknown[] };
  return (node.value ?? '') + (node.children ?? []).map(textOf).join('');
}

const notesDir = path.resolve('content/notes');
const notes = readdirSync(notesDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));

const cases: Record<string, string> = {
  'quotes across links and emphasis': "He said \"read [the *guide*](/g/)\" and 'it's done'.",
  'a quote opening a block': '"Quoted" heading\n\n# "Title" with \'single\'\n\n| a | "b" |\n| - | - |\n| "c" | d\'s |',
  'inline code is never changed': 'Run `echo "hi" -- it\'s...` then "quote" it.',
  'dashes, ellipses and backticks': "A -- B --- C... D . . . E ``quoted'' F",
  'raw script and style text': 'Text <style>{"a--b"}</style> and "after".',
  'JSX fragments': 'Before <>"inside" -- x</> after "q".',
  'a block that ends mid-sentence before a quoted one':
    'No full stop here\n\n"Quoted start" and end "\n\n- item "one\n- \'two\' items\n\n> "Block" quote\'s end\'',
  'nested and adjacent quotes': 'He said, "\'Quoted\' words in a larger quote." Then \'"x"\' and "it\'s".',
  'decades and abbreviations': "In the '90s we'd say 'rock 'n' roll' -- and \"done.\"",
};

describe('remark-typography', () => {
  it.each(Object.entries(cases))('gives what remark-smartypants gives: %s', (_name, source) => {
    expect(treeAfter(source, 'ours')).toEqual(treeAfter(source, 'remark-smartypants'));
  });

  it.each(notes)('gives what remark-smartypants gives on content/notes/%s', (file) => {
    const source = readFileSync(path.join(notesDir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(treeAfter(source, 'ours')).toEqual(treeAfter(source, 'remark-smartypants'));
  });

  it('sets typographic quotes, dashes and ellipses', () => {
    expect(textOf(treeAfter('"Wait -- it\'s here..."', 'ours'))).toBe('“Wait — it’s here…”');
  });
});
