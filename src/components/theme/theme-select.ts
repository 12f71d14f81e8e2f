import { readStored, writeStored } from '../../browser/browser-storage.ts';

type Theme = 'system' | 'light' | 'dark';

/** Applies and remembers the reader's theme; "system" follows the operating system's setting. */
class ThemeSelect extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select')!;
    const stored = readStored('theme');
    select.value = stored === 'light' || stored === 'dark' ? stored : 'system';
    select.addEventListener('change', () => {
      const theme = select.value as Theme;
      if (theme === 'system') delete document.documentElement.dataset.theme;
      else document.documentElement.dataset.theme = theme;
      writeStored('theme', theme === 'system' ? undefined : theme);
    });
  }
}

customElements.define('theme-select', ThemeSelect);
