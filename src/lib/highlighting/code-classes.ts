/**
 * Syntax colours as classes instead of inline styles, so pages need no `style` attributes (a strict
 * Content-Security-Policy forbids them) and repeat less. Shiki writes each token as
 * `style="--shiki-light:#D73A49;--shiki-dark:#F97583"`; that becomes `class="cl-d73a49 cd-f97583"`,
 * and one stylesheet defines every colour either theme can use.
 */

interface ShikiTheme {
  colors?: Record<string, string>;
  tokenColors?: { settings?: { foreground?: string; background?: string } }[];
}

const THEME_PREFIX = { light: 'cl', dark: 'cd' } as const;

/** Every colour a theme can give a token or the editor, lowercased. */
export function themeColours(theme: ShikiTheme): string[] {
  const colours = new Set<string>();
  for (const value of Object.values(theme.colors ?? {}))
    if (/^#[0-9a-f]{3,8}$/i.test(value)) colours.add(value.toLowerCase());
  for (const entry of theme.tokenColors ?? []) {
    for (const value of [entry.settings?.foreground, entry.settings?.background])
      if (value && /^#[0-9a-f]{3,8}$/i.test(value)) colours.add(value.toLowerCase());
  }
  return [...colours].sort();
}

/** The class for a colour in one theme: `cl-24292e` (light) or `cd-e1e4e8` (dark). */
export function colourClass(theme: 'light' | 'dark', colour: string): string {
  return `${THEME_PREFIX[theme]}-${colour.replace('#', '').toLowerCase()}`;
}

/** The classes for one Shiki style attribute; throws on anything it cannot express, so nothing is lost silently. */
export function classesForStyle(style: string): string[] {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    const [property, value] = declaration.split(':').map((part) => part.trim()) as [string, string | undefined];
    if (!property || property === 'overflow-x') continue; // the stylesheet scrolls every code block
    const match = property.match(/^--shiki-(light|dark)(-bg)?$/);
    if (!match || !value || !/^#[0-9a-f]{3,8}$/i.test(value))
      throw new Error(`Unexpected syntax-highlighting style "${declaration}"`);
    classes.push(
      match[2]
        ? `${colourClass(match[1] as 'light' | 'dark', value)}-bg`
        : colourClass(match[1] as 'light' | 'dark', value),
    );
  }
  return classes;
}

/** The stylesheet: each class sets a custom property, and light-dark() picks the one for the page's theme. */
export function codeColourCss(light: ShikiTheme, dark: ShikiTheme): string {
  const rules: string[] = [];
  for (const [theme, source] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    const variable = theme === 'light' ? '--cl' : '--cd';
    for (const colour of themeColours(source)) {
      const name = colourClass(theme, colour);
      rules.push(`.${name}{${variable}:${colour}}.${name}-bg{${variable}-bg:${colour}}`);
    }
  }
  rules.push('.shiki{background:light-dark(var(--cl-bg),var(--cd-bg));color:light-dark(var(--cl),var(--cd))}');
  rules.push('.shiki span{color:light-dark(var(--cl),var(--cd))}');
  return rules.join('\n');
}
