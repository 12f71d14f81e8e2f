import { toNoteHit, type NoteHit, type PagefindFragment } from '../../lib/search-results';

interface PagefindModule {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    debounceMs?: number,
  ): Promise<{ results: { data(): Promise<PagefindFragment> }[] } | null>;
}

const MAX_RESULTS = 6;

/**
 * Upgrades the server-rendered search form: the Pagefind bundle is fetched only when the
 * reader first focuses the box, and results appear under it as they type. Without
 * JavaScript the form submits to the search page instead.
 */
class SiteSearch extends HTMLElement {
  #pagefind: Promise<PagefindModule> | undefined;
  #input!: HTMLInputElement;
  #results!: HTMLElement;

  connectedCallback(): void {
    this.#input = this.querySelector('input')!;
    this.#results = this.querySelector('.search-results')!;
    this.#input.addEventListener('focus', () => void this.#load(), { once: true });
    this.#input.addEventListener('input', () => void this.#search(this.#input.value));
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search(this.#input.value);
    });
    const query = new URLSearchParams(location.search).get('q');
    if (query) {
      this.#input.value = query;
      void this.#search(query);
    }
  }

  #load(): Promise<PagefindModule> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle!;
      const module = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule;
      await module.options({ baseUrl: bundle.replace(/pagefind\/$/, '') });
      return module;
    })();
    return this.#pagefind;
  }

  async #search(query: string): Promise<void> {
    const pagefind = await this.#load();
    const search = await pagefind.debouncedSearch(query, {}, 150);
    if (search === null) return; // superseded by a newer keystroke
    if (query.trim() === '') {
      this.#results.hidden = true;
      this.#results.replaceChildren();
      return;
    }
    const hits = await Promise.all(search.results.slice(0, MAX_RESULTS).map(async (result) => toNoteHit(await result.data())));
    this.#render(query, hits, search.results.length);
  }

  #render(query: string, hits: NoteHit[], total: number): void {
    const list = document.createElement('ol');
    list.className = 'search-hits';
    for (const hit of hits) {
      const item = document.createElement('li');
      item.append(link(hit.title, hit.url, 'search-hit-title'));
      if (hit.sections.length > 0) {
        const sections = document.createElement('ul');
        for (const section of hit.sections) {
          const sectionItem = document.createElement('li');
          sectionItem.append(link(section.title, section.url, 'search-hit-section'), excerpt(section.excerpt));
          sections.append(sectionItem);
        }
        item.append(sections);
      } else {
        item.append(excerpt(hit.excerpt));
      }
      list.append(item);
    }
    const summary = document.createElement('p');
    summary.className = 'search-summary';
    summary.textContent = total === 0 ? `No notes match “${query}”.` : `${total} ${total === 1 ? 'note matches' : 'notes match'} “${query}”.`;
    this.#results.replaceChildren(summary, list);
    this.#results.hidden = false;
  }
}

function link(text: string, href: string, className: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.className = className;
  anchor.textContent = text;
  return anchor;
}

/** Pagefind excerpts are escaped text with <mark> around the matched words. */
function excerpt(html: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-hit-excerpt';
  paragraph.innerHTML = html;
  return paragraph;
}

customElements.define('site-search', SiteSearch);
