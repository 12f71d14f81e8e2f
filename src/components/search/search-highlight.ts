import { highlightTerm, WORD_LIMITERS } from '../../lib/search/highlight-terms.ts';

/**
 * On a page opened from a search result (`?highlight=...`), marks the searched words in the note
 * with Pagefind's highlight script, fetched only then, and offers to clear them. Marks cover whole
 * words: a term matches only from the start of a word, and its wildcard runs to the word's end.
 */
const PARAM = 'highlight';
const bar = document.querySelector<HTMLElement>('search-highlight');
const terms = new URLSearchParams(location.search).getAll(PARAM).filter(Boolean);

interface PagefindHighlighter {
  getHighlightParams(name: string): string[];
}

type HighlightClass = new (options: object) => PagefindHighlighter;

if (bar && terms.length > 0) {
  const { default: PagefindHighlight } = (await import(
    /* @vite-ignore */ `${bar.dataset.bundle}pagefind-highlight.js`
  )) as { default: HighlightClass };
  class WholeWordHighlight extends PagefindHighlight {
    override getHighlightParams(name: string): string[] {
      return super.getHighlightParams(name).map(highlightTerm);
    }
  }
  new WholeWordHighlight({
    highlightParam: PARAM,
    markContext: '.note-body',
    addStyles: false,
    markOptions: {
      className: 'pagefind-highlight',
      exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
      accuracy: { value: 'exactly', limiters: WORD_LIMITERS },
      wildcards: 'enabled',
    },
  });
  bar.querySelector('.search-highlight-text')!.textContent = `Highlighting “${terms.join(' ')}”.`;
  bar.hidden = false;
  bar.querySelector('button')!.addEventListener('click', () => {
    for (const mark of document.querySelectorAll('.note-body mark.pagefind-highlight'))
      mark.replaceWith(...mark.childNodes);
    document.querySelector('.note-body')?.normalize();
    const url = new URL(location.href);
    url.searchParams.delete(PARAM);
    history.replaceState(history.state, '', url);
    bar.hidden = true;
  });
}

export {};
