import rehypeShiki from '@shikijs/rehype';
import type { ShikiTransformer } from 'shiki';
import { CODE_THEMES } from '../lib/highlighting/code-themes.ts';

/**
 * Syntax highlighting with Shiki, run as our own rehype step (Astro's built-in one is switched off)
 * so its colours can become classes (rehype-code-classes) and pages need no inline styles.
 * Every block gets `data-language`; a block without a language is highlighted as plain text,
 * which the content checks catch.
 */
const languageAttribute: ShikiTransformer = {
  name: 'data-language',
  pre(node) {
    node.properties['dataLanguage'] = this.options.lang;
  },
};

export const syntaxHighlighting = [
  rehypeShiki,
  {
    themes: CODE_THEMES,
    defaultColor: false,
    defaultLanguage: 'plaintext',
    fallbackLanguage: 'plaintext',
    transformers: [languageAttribute],
  },
] as const;
