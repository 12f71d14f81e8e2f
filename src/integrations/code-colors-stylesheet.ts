import type { Plugin } from 'vite';
import githubDark from '@shikijs/themes/github-dark-high-contrast';
import githubLight from '@shikijs/themes/github-light-high-contrast';
import { codeColourCss } from '../lib/highlighting/code-classes.ts';

const ID = 'virtual:code-colors.css';

/** Serves the syntax-colour stylesheet, generated from the two Shiki themes the site uses. */
export function codeColorsStylesheet(): Plugin {
  return {
    name: 'code-colors-stylesheet',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) => (id === `\0${ID}` ? codeColourCss(githubLight, githubDark) : undefined),
  };
}
