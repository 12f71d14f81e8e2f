/**
 * Loads an island's code only when one of its elements comes near the viewport (or is focused
 * by keyboard first), so a page pays for a tool only if the reader gets to it.
 */
export function loadWhenVisible(selector: string, load: () => Promise<unknown>): void {
  const elements = [...document.querySelectorAll<HTMLElement>(selector)];
  if (elements.length === 0) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    void load();
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && start(), {
          rootMargin: '300px',
        })
      : undefined;
  for (const element of elements) {
    if (observer) observer.observe(element);
    element.addEventListener('focusin', start, { once: true });
  }
  if (!observer) start();
}
