import { describe, expect, it } from 'vitest';
import githubDark from '@shikijs/themes/github-dark-high-contrast';
import githubLight from '@shikijs/themes/github-light-high-contrast';
import {
  classesForStyle,
  codeColourCss,
  colourClass,
  themeColours,
} from '../../../src/lib/highlighting/code-classes.ts';

describe('syntax colours as classes', () => {
  it('turns a Shiki token style into one class per theme', () => {
    expect(classesForStyle('--shiki-light:#D73A49;--shiki-dark:#F97583')).toEqual(['cl-d73a49', 'cd-f97583']);
  });

  it('handles the code block itself, background included, and drops overflow-x', () => {
    expect(
      classesForStyle(
        '--shiki-light:#24292e;--shiki-dark:#e1e4e8;--shiki-light-bg:#fff;--shiki-dark-bg:#24292e;overflow-x:auto',
      ),
    ).toEqual(['cl-24292e', 'cd-e1e4e8', 'cl-fff-bg', 'cd-24292e-bg']);
  });

  it('refuses a style it cannot express instead of dropping it', () => {
    expect(() => classesForStyle('--shiki-light:#fff;font-style:italic')).toThrow(
      /Unexpected syntax-highlighting style "font-style:italic"/,
    );
  });

  it('defines every colour of both themes, so no token is left uncoloured', () => {
    const css = codeColourCss(githubLight, githubDark);
    for (const colour of themeColours(githubLight))
      expect(css).toContain(`.${colourClass('light', colour)}{--cl:${colour}}`);
    for (const colour of themeColours(githubDark))
      expect(css).toContain(`.${colourClass('dark', colour)}{--cd:${colour}}`);
    expect(css).toContain('.shiki span{color:light-dark(var(--cl),var(--cd))}');
  });
});
