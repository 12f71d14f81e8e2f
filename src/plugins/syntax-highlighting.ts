import rehypeShiki from '@shikijs/rehype';
import type { ShikiTransformer } from 'shiki';

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
    // The high-contrast GitHub themes: every token meets WCAG AA contrast on its background.
    themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    defaultColor: false,
    defaultLanguage: 'plaintext',
    fallbackLanguage: 'plaintext',
    transformers: [languageAttribute],
  },
] as const;
