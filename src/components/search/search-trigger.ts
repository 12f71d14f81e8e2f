import type { SearchDialog } from './search-dialog.ts';

/**
 * The only search code a page loads up front: it opens search from the header button, `/`,
 * Ctrl+K or Cmd+K, fetching the dialog's code on first use (or as the pointer or focus reaches
 * the button, to be ready by the click). What the reader types before the dialog is ready is kept
 * and handed to it, so no keystroke is lost. Without JavaScript the button is a link to the search page.
 */
const host = document.querySelector<SearchDialog>('search-dialog');
const button = host?.querySelector<HTMLAnchorElement>('.search-button');
let ready: Promise<SearchDialog> | undefined;
/** Text typed while the dialog is on its way; undefined when no opening is pending. */
let typedEarly: string | undefined;

function load(): Promise<SearchDialog> {
  ready ??= import('./search-dialog.ts').then(() => customElements.whenDefined('search-dialog')).then(() => host!);
  return ready;
}

async function open(query?: string): Promise<void> {
  if (typedEarly !== undefined) return;
  typedEarly = query ?? '';
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  try {
    const dialog = await load();
    dialog.open(typedEarly, returnFocus);
  } finally {
    typedEarly = undefined;
  }
}

/** While the dialog loads, keeps what is typed (and honours Backspace) instead of letting it fall on the page. */
function bufferEarlyKeys(event: KeyboardEvent): void {
  if (typedEarly === undefined || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  if (event.key.length === 1) typedEarly += event.key;
  else if (event.key === 'Backspace') typedEarly = typedEarly.slice(0, -1);
  else return;
  event.preventDefault();
  event.stopImmediatePropagation();
}

if (host && button) {
  document.addEventListener('keydown', bufferEarlyKeys, { capture: true });
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
