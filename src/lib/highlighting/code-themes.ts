import githubDark from '@shikijs/themes/github-dark-high-contrast';
import githubLight from '@shikijs/themes/github-light-high-contrast';

/**
 * The two syntax themes, named once: Shiki highlights with them and the colour stylesheet is
 * generated from them. The high-contrast GitHub themes: every token meets WCAG AA contrast.
 */
export const CODE_THEMES = { light: githubLight, dark: githubDark } as const;
