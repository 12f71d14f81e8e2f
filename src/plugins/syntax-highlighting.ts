import rehypeShikiFromHighlighter, { type RehypeShikiCoreOptions } from '@shikijs/rehype/core';
import { createHighlighterCore, type ShikiTransformer } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import path from 'node:path';
import { CODE_THEMES } from '../lib/highlighting/code-themes.ts';
import { highlightFingerprint, openHighlightCache, type HighlightCache } from '../node/highlight-cache.ts';
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

/** Shiki's rehype step on the one shared highlighter, as a plugin that takes only its options. */
function rehypeSharedShiki(options: RehypeShikiCoreOptions) {
  return rehypeShikiFromHighlighter(highlighter, options);
}

const languageAttribute: ShikiTransformer = {
  name: 'data-language',
  pre(node) {
    node.properties['dataLanguage'] = this.options.lang;
  },
};

/**
 * The cache of highlighted blocks kept in `cacheDir` between builds and dev-server starts (a block is
 * tokenised again only when its code, the themes, Shiki or the colour classes change).
 */
export function openCodeHighlightCache(cacheDir: string): HighlightCache {
  return openHighlightCache(
    path.join(cacheDir, 'highlighted-code.json'),
    highlightFingerprint(
      [
        new URL(import.meta.url),
        new URL('shiki-colour-classes.ts', import.meta.url),
        new URL('../lib/highlighting/code-classes.ts', import.meta.url),
        new URL('../lib/highlighting/code-themes.ts', import.meta.url),
      ],
      ['shiki'],
      [CODE_THEMES],
    ),
  );
}

/** The rehype step, reading and filling `cache` (see openCodeHighlightCache). */
export function syntaxHighlighting(cache: HighlightCache): [typeof rehypeSharedShiki, RehypeShikiCoreOptions] {
  return [
    rehypeSharedShiki,
    {
      themes: { light: CODE_THEMES.light.name!, dark: CODE_THEMES.dark.name! },
      defaultColor: false,
      defaultLanguage: 'plaintext',
      fallbackLanguage: 'plaintext',
      transformers: [languageAttribute, shikiColourClasses],
      cache,
    },
  ];
}
