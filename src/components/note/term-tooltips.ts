/**
 * Shows a glossary term's definition beside it on hover and keyboard focus. The definitions are in
 * the page already (a hidden list the terms point to with aria-describedby, which screen readers
 * read); this only draws one of them next to the term. Escape hides it (WCAG 1.4.13).
 */
let popup: HTMLElement | undefined;
let current: HTMLElement | undefined;

function show(term: HTMLElement): void {
  const definition = document.getElementById(term.getAttribute('aria-describedby') ?? '');
  if (!definition) return;
  popup ??= Object.assign(document.createElement('div'), { className: 'term-popup' });
  popup.setAttribute('aria-hidden', 'true');
  popup.replaceChildren(...[...definition.childNodes].map((node) => node.cloneNode(true)));
  document.body.append(popup);
  const box = term.getBoundingClientRect();
  const width = Math.min(416, innerWidth - 16);
  popup.style.width = `${width}px`;
  popup.style.left = `${Math.max(8, Math.min(box.left, innerWidth - width - 8)) + scrollX}px`;
  popup.style.top = `${box.bottom + scrollY + 6}px`;
  current = term;
}

function hide(): void {
  popup?.remove();
  current = undefined;
}

function termOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('a.term') : null;
}

/** Starts following pointer and focus; `first` is the term whose hover or focus loaded this module. */
export function startTermTooltips(first: HTMLElement): void {
  document.addEventListener('pointerover', (event) => {
    const term = termOf(event.target);
    if (term) show(term);
    else if (current && !(event.target instanceof Node && popup?.contains(event.target))) hide();
  });
  document.addEventListener('focusin', (event) => {
    const term = termOf(event.target);
    if (term) show(term);
    else hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  show(first);
}

export { termOf };
