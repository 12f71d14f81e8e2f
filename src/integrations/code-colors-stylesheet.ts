import type { Plugin } from 'vite';
import { codeColourCss } from '../lib/highlighting/code-classes.ts';
import { CODE_THEMES } from '../lib/highlighting/code-themes.ts';

const ID = 'virtual:code-colors.css';

/** Serves the syntax-colour stylesheet, generated from the two Shiki themes the site uses. */
export function codeColorsStylesheet(): Plugin {
  return {
    name: 'code-colors-stylesheet',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) => (id === `\0${ID}` ? codeColourCss(CODE_THEMES.light, CODE_THEMES.dark) : undefined),
  };
}
