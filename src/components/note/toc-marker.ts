/**
 * Marks the table-of-contents entry of the section being read (aria-current="true"): the last
 * section whose heading has scrolled above the top third of the window.
 */
const entries = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')]
  .map((link) => ({ link, heading: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
  .filter((entry): entry is { link: HTMLAnchorElement; heading: HTMLElement } => entry.heading !== null);
let frame = 0;

function markCurrent(): void {
  const line = innerHeight / 3;
  let current = entries[0];
  for (const entry of entries) {
    if (entry.heading.getBoundingClientRect().top > line) break;
    current = entry;
  }
  for (const entry of entries) entry.link.toggleAttribute('aria-current', entry === current);
  current?.link.setAttribute('aria-current', 'true');
}

if (entries.length > 0) {
  for (const event of ['scroll', 'resize']) {
    addEventListener(
      event,
      () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(markCurrent);
      },
      { passive: true },
    );
  }
  markCurrent();
}

export {};
