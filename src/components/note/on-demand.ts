/**
 * Fetches the note page's occasional helpers only when they are needed: the glossary tooltips on
 * the first hover or focus of a term, and the search highlights when the page was opened from a
 * search result.
 */
function onFirstTerm(event: Event): void {
  const term = event.target instanceof Element ? event.target.closest<HTMLElement>('a.term') : null;
  if (!term) return;
  document.removeEventListener('pointerover', onFirstTerm);
  document.removeEventListener('focusin', onFirstTerm);
  void import('./term-tooltips.ts').then(({ startTermTooltips }) => startTermTooltips(term));
}

document.addEventListener('pointerover', onFirstTerm);
document.addEventListener('focusin', onFirstTerm);

if (new URLSearchParams(location.search).has('highlight')) void import('../search/search-highlight.ts');
