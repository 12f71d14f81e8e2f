import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import { createHighlighterCore, type ShikiTransformer } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { Root } from 'hast';
import { CODE_THEMES } from '../lib/highlighting/code-themes.ts';
import { shikiColourClasses } from './shiki-colour-classes.ts';

/**
 * Syntax highlighting with Shiki, run as our own rehype step (Astro's built-in one is switched off)
 * so its colours can become classes (shiki-colour-classes.ts) and pages need no inline styles.
 * Every block gets `data-language`; a block in a language not loaded here is plain text.
 *
 * One highlighter for the whole build, with only the languages notes are written in, on Shiki's
 * JavaScript regex engine: it starts in a fraction of the time of the Oniguruma (WebAssembly) one
 * and tokenises the notes' code about a third faster.
 */
const highlighter = await createHighlighterCore({
  themes: [CODE_THEMES.light, CODE_THEMES.dark],
  langs: [
    import('shiki/langs/bash.mjs'),
    import('shiki/langs/dockerfile.mjs'),
    import('shiki/langs/javascript.mjs'),
    import('shiki/langs/json.mjs'),
    import('shiki/langs/python.mjs'),
    import('shiki/langs/typescript.mjs'),
    import('shiki/langs/yaml.mjs'),
  ],
  engine: createJavaScriptRegexEngine(),
});

const languageAttribute: ShikiTransformer = {
  name: 'data-language',
  pre(node) {
    node.properties['dataLanguage'] = this.options.lang;
  },
};

/**
 * Highlighted blocks by language, meta string and code, for the life of the process: notes repeat
 * snippets, and the dev server re-renders every note for the sidebar and backlinks. Each caller gets
 * its own copy, since later steps change the tree they are given.
 */
const highlightedBlocks = new Map<string, Root>();
const blockCache = {
  get: (key: string): Root | undefined => {
    const block = highlightedBlocks.get(key);
    return block && structuredClone(block);
  },
  set: (key: string, block: Root) => highlightedBlocks.set(key, structuredClone(block)),
};

export const syntaxHighlighting = [
  rehypeShikiFromHighlighter,
  highlighter,
  {
    themes: { light: CODE_THEMES.light.name!, dark: CODE_THEMES.dark.name! },
    defaultColor: false,
    defaultLanguage: 'plaintext',
    fallbackLanguage: 'plaintext',
    transformers: [languageAttribute, shikiColourClasses],
    cache: blockCache,
  },
] as const;
