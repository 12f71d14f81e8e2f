import dialogCss from '../../styles/search-dialog.css?url';
import { filterOptions, toNoteHit, type NoteHit, type PagefindFragment } from '../../lib/search/search-results.ts';
import { correctQuery, type Vocabulary } from '../../lib/search/query-correction.ts';
import { contentWords, mergeWordSearches } from '../../lib/search/search-merge.ts';

interface PagefindSearch {
  results: { data(): Promise<PagefindFragment> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters?: Record<string, Record<string, number>>;
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch>;
}

/** The dialog's own stylesheet, fetched with its code rather than on every page. */
const dialogStyles = new Promise<void>((resolve) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: dialogCss });
  link.addEventListener('load', () => resolve());
  link.addEventListener('error', () => resolve());
  document.head.append(link);
});

const MAX_NOTES = 6;
/** Pages read per word: enough to rank sections, few enough to stay fast on a big site. */
const PAGES_PER_WORD = 8;

/**
 * The search dialog, loaded by `search-trigger` on first use. Nothing of Pagefind is fetched until
 * the reader opens it; then results come as they type, grouped by note with the best sections
 * first, filterable by topic and tag, and navigable with the arrow keys.
 */
export class SearchDialog extends HTMLElement {
  #pagefind: Promise<{ pagefind: PagefindModule; vocabulary: Vocabulary }> | undefined;
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #list!: HTMLElement;
  #status!: HTMLElement;
  #filtersBox!: HTMLElement;
  #active = -1;
  #searchId = 0;
  #selected: Record<string, Set<string>> = { topic: new Set(), tag: new Set() };

  connectedCallback(): void {
    this.#dialog = this.querySelector('dialog')!;
    this.#input = this.querySelector('input')!;
    this.#list = this.querySelector('[role="listbox"]')!;
    this.#status = this.querySelector('.search-status')!;
    this.#filtersBox = this.querySelector('.search-filters')!;

    this.querySelector('.search-close')!.addEventListener('click', () => this.#dialog.close());
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.#dialog.close(); // a click on the backdrop
    });
    this.#input.addEventListener('input', () => void this.#search());
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#filtersBox.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const selected = this.#selected[box.name]!;
      if (box.checked) selected.add(box.value);
      else selected.delete(box.value);
      void this.#search();
    });
  }

  /** Opens the dialog (optionally with a query), fetching the search bundle on first use. */
  async open(query?: string): Promise<void> {
    await dialogStyles;
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#input.focus();
    void this.#load();
    if (query !== undefined) {
      this.#input.value = query;
      void this.#search();
    } else {
      this.#input.select();
    }
  }

  /** Fetches Pagefind and the notes' vocabulary (for correcting misspellings) side by side, once. */
  #load(): Promise<{ pagefind: PagefindModule; vocabulary: Vocabulary }> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle!;
      const vocabulary = fetch(this.dataset.vocabulary!)
        .then((response) => response.json() as Promise<Record<string, number>>)
        .then((words) => new Map(Object.entries(words)) as Vocabulary)
        .catch(() => new Map() as Vocabulary);
      const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule;
      // Highlight parameters are added to result links by the merge step, for every word searched.
      await pagefind.options({ baseUrl: bundle.replace(/pagefind\/$/, ''), excerptLength: 18 });
      await pagefind.init();
      this.#showFilters(await pagefind.filters());
      return { pagefind, vocabulary: await vocabulary };
    })();
    return this.#pagefind;
  }

  #filterOption(): { filters?: Record<string, { any: string[] }> } {
    const filters = Object.fromEntries(
      Object.entries(this.#selected)
        .filter(([, values]) => values.size > 0)
        .map(([name, values]) => [name, { any: [...values] }]),
    );
    return Object.keys(filters).length > 0 ? { filters } : {};
  }

  async #search(): Promise<void> {
    const id = ++this.#searchId;
    const { pagefind, vocabulary } = await this.#load();
    const typed = this.#input.value.trim();
    const filters = this.#filterOption();
    if (typed === '' && !filters.filters) return this.#render([], '', undefined);
    const correction = correctQuery(typed, vocabulary);
    const query = correction.query;
    let hits: NoteHit[];
    let counts: Record<string, Record<string, number>>;
    if (query === '') {
      const search = await pagefind.search(null, filters);
      hits = await Promise.all(
        search.results.slice(0, MAX_NOTES).map(async (result) => toNoteHit(await result.data())),
      );
      counts = search.filters;
    } else {
      // One search per meaningful word, merged, so plain-language questions still find their section.
      const words = contentWords(query);
      const searches = await Promise.all(words.map((word) => pagefind.search(word, filters)));
      const perWord = new Map<string, PagefindFragment[]>();
      for (const [index, search] of searches.entries()) {
        perWord.set(
          words[index]!,
          await Promise.all(search.results.slice(0, PAGES_PER_WORD).map((result) => result.data())),
        );
      }
      hits = mergeWordSearches(perWord);
      counts = mostPerValue(searches.map((search) => search.filters));
    }
    if (id !== this.#searchId) return; // a newer keystroke has started its own search
    this.#updateCounts(counts);
    this.#render(hits.slice(0, MAX_NOTES), query, correction.corrected ? typed : undefined, hits.length);
    this.dispatchEvent(new CustomEvent('search-rendered', { detail: { query } }));
  }

  #showFilters(all: Record<string, Record<string, number>>): void {
    for (const fieldset of this.#filtersBox.querySelectorAll<HTMLFieldSetElement>('fieldset')) {
      const name = fieldset.dataset.filter!;
      for (const { value } of filterOptions(all[name])) {
        const label = document.createElement('label');
        label.className = 'search-chip';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        const text = document.createElement('span');
        text.textContent = value;
        const count = document.createElement('span');
        count.className = 'search-chip-count';
        label.append(box, text, ' ', count);
        fieldset.append(label);
      }
    }
    this.#updateCounts(all);
    this.#filtersBox.hidden = false;
  }

  /** Shows, beside each filter value, how many results it would give with the current query. */
  #updateCounts(counts: Record<string, Record<string, number>>): void {
    for (const box of this.#filtersBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const count = counts[box.name]?.[box.value] ?? 0;
      box.parentElement!.querySelector('.search-chip-count')!.textContent = `(${count})`;
      box.parentElement!.classList.toggle('is-empty', count === 0 && !box.checked);
    }
  }

  #render(hits: NoteHit[], query: string, correctedFrom: string | undefined, total = 0): void {
    this.#list.replaceChildren();
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    let index = 0;
    // Each option is the result's link itself, so nothing interactive is nested inside an option.
    const option = (text: string, href: string, className: string, excerptHtml?: string) => {
      const link = document.createElement('a');
      link.id = `search-option-${index++}`;
      link.setAttribute('role', 'option');
      link.setAttribute('aria-selected', 'false');
      link.className = className;
      link.href = href;
      link.tabIndex = -1;
      const title = document.createElement('span');
      title.className = 'search-option-title';
      title.textContent = text;
      link.append(title);
      if (excerptHtml) {
        const excerpt = document.createElement('span');
        excerpt.className = 'search-option-excerpt';
        excerpt.innerHTML = excerptHtml; // Pagefind escapes the text and adds only <mark>
        link.append(excerpt);
      }
      link.addEventListener('mousemove', () => this.#activate([...this.#list.children].indexOf(link)));
      return link;
    };
    for (const hit of hits) {
      this.#list.append(
        option(hit.title, hit.url, 'search-option-note', hit.sections.length === 0 ? hit.excerpt : undefined),
      );
      for (const section of hit.sections)
        this.#list.append(option(section.title, section.url, 'search-option-section', section.excerpt));
    }
    this.#input.setAttribute('aria-expanded', String(hits.length > 0));
    const shown = query === '' ? 'the selected filters' : `“${query}”`;
    const correction = correctedFrom ? `Showing results for ${shown} (you typed “${correctedFrom}”). ` : '';
    this.#status.textContent =
      query === '' && hits.length === 0 && !correctedFrom
        ? ''
        : `${correction}${total === 0 ? `No notes match ${shown}.` : `${total} ${total === 1 ? 'note matches' : 'notes match'} ${shown}.`}`;
    if (hits.length > 0) this.#activate(0);
  }

  #activate(index: number): void {
    const options = [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
    if (options.length === 0) return;
    this.#active = (index + options.length) % options.length;
    options.forEach((option, position) => option.setAttribute('aria-selected', String(position === this.#active)));
    const current = options[this.#active]!;
    this.#input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.#activate(this.#active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const link = this.#list.querySelector<HTMLAnchorElement>('a[aria-selected="true"]');
      if (link) link.click();
    }
  }
}

/** Filter counts across several searches: for each value, the largest count any of them gave. */
function mostPerValue(all: Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const counts of all) {
    for (const [name, values] of Object.entries(counts)) {
      const target = (merged[name] ??= {});
      for (const [value, count] of Object.entries(values)) target[value] = Math.max(target[value] ?? 0, count);
    }
  }
  return merged;
}

customElements.define('search-dialog', SearchDialog);
