/**
 * On a page opened from a search result (`?highlight=...`), marks the searched words in the note
 * with Pagefind's highlight script, fetched only then, and offers to clear them.
 */
const PARAM = 'highlight';
const bar = document.querySelector<HTMLElement>('search-highlight');
const terms = new URLSearchParams(location.search).getAll(PARAM).filter(Boolean);

if (bar && terms.length > 0) {
  const { default: PagefindHighlight } = (await import(
    /* @vite-ignore */ `${bar.dataset.bundle}pagefind-highlight.js`
  )) as {
    default: new (options: object) => unknown;
  };
  new PagefindHighlight({ highlightParam: PARAM, markContext: '.note-body', addStyles: false });
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
