import type { SearchDialog } from './search-dialog.ts';

/**
 * The only search code a page loads up front: it opens search from the header button, `/`,
 * Ctrl+K or Cmd+K, fetching the dialog's code on first use (or as the pointer or focus reaches
 * the button, to be ready by the click). Without JavaScript the button is a link to the search page.
 */
const host = document.querySelector<SearchDialog>('search-dialog');
const button = host?.querySelector<HTMLAnchorElement>('.search-button');
let ready: Promise<SearchDialog> | undefined;

function load(): Promise<SearchDialog> {
  ready ??= import('./search-dialog.ts').then(() => customElements.whenDefined('search-dialog')).then(() => host!);
  return ready;
}

async function open(query?: string): Promise<void> {
  await (await load()).open(query);
}

if (host && button) {
  button.addEventListener('click', (event) => {
    event.preventDefault();
    void open();
  });
  for (const warmUp of ['pointerenter', 'focus']) button.addEventListener(warmUp, () => void load(), { once: true });
  document.addEventListener('keydown', (event) => {
    if (host.querySelector('dialog')?.open) return;
    const typing =
      event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    if ((event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      void open();
    }
  });
  if (location.pathname.endsWith('/search/')) void open(new URLSearchParams(location.search).get('q') ?? undefined);
}
