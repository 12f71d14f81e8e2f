import dialogCss from '../../styles/search-dialog.css?url';
import { filterOptions, groupByNote, type NoteHit, type PagefindFragment } from '../../lib/search/search-results.ts';
import { correctWord, rewriteQuery, type Vocabulary } from '../../lib/search/query-correction.ts';
import { focusResults, mergeWordResults, refineOrder, type MergedResult } from '../../lib/search/search-merge.ts';
import { contentWords } from '../../lib/search/query-words.ts';
import { splitMarkedWord } from '../../lib/search/highlight-terms.ts';

interface PagefindResult {
  id: string;
  score: number;
  /** Where the searched words occur in the record. */
  words: number[];
  data(): Promise<PagefindFragment>;
}

interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

type Filters = Record<string, { any: string[] }>;

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Filters }): Promise<PagefindSearch>;
}

/**
 * Pagefind's ranking for section records: a heading match weighs most, then the note's title and tags.
 * A section's length is not held against it (`pageLength: 0`): records are sections already, and a long
 * one that explains a term should not lose to a short one that only mentions it. The emphasised phrases
 * (`key`) add nothing here: they order the results on screen (refineOrder).
 */
const RANKING = { metaWeights: { title: 7, note: 2, tags: 2, key: 0 }, pageLength: 0 };
/** Long enough to skip the searches of a word still being typed, short enough to feel instant. */
const DEBOUNCE_MS = 30;
/** A result is shown when it scores at least this share of the best one. */
const SCORE_SHARE = 0.4;
/** Sections shown at first, and added by each "More results". */
const PAGE_SIZE = 8;

/** Leaves the punctuation around each marked word of an excerpt outside its mark. */
function tightenMarks(excerpt: HTMLElement): void {
  for (const mark of excerpt.querySelectorAll('mark')) {
    const { before, word, after } = splitMarkedWord(mark.textContent ?? '');
    mark.textContent = word;
    if (before) mark.before(before);
    if (after) mark.after(after);
  }
}

/** The dialog's own stylesheet, fetched with its code, so the dialog never shows unstyled. */
await new Promise<void>((resolve) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: dialogCss });
  link.addEventListener('load', () => resolve());
  link.addEventListener('error', () => resolve());
  document.head.append(link);
});

/**
 * The search dialog, loaded by `search-trigger` on first use. Nothing of Pagefind is fetched until
 * the reader opens it; then results come as they type: the sections that answer best, grouped by
 * note, filterable by topic and tag, navigable with the arrow keys, the rest behind "More results".
 */
export class SearchDialog extends HTMLElement {
  #pagefind: Promise<{ pagefind: PagefindModule; vocabulary: Vocabulary }> | undefined;
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #clear!: HTMLButtonElement;
  #list!: HTMLElement;
  #status!: HTMLElement;
  #filtersBox!: HTMLDetailsElement;
  #more!: HTMLButtonElement;
  #active = -1;
  #searchId = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #returnFocus: HTMLElement | undefined;
  #selected: Record<string, Set<string>> = { topic: new Set(), tag: new Set() };
  /** The ranked results of the current query not shown yet, and what is already on screen. */
  #pending: { rest: PagefindResult[]; shown: PagefindFragment[]; words: string[] } | undefined;

  connectedCallback(): void {
    this.#dialog = this.querySelector('dialog')!;
    this.#input = this.querySelector('input')!;
    this.#clear = this.querySelector('.search-clear')!;
    this.#list = this.querySelector('[role="listbox"]')!;
    this.#status = this.querySelector('.search-status')!;
    this.#filtersBox = this.querySelector('.search-filters')!;
    this.#more = this.querySelector('.search-more')!;

    this.querySelector('.search-close')!.addEventListener('click', () => this.close());
    this.#clear.addEventListener('click', () => {
      this.#input.value = '';
      this.#input.focus();
      this.#queueSearch(0);
    });
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.close(); // a click on the backdrop
    });
    this.#dialog.addEventListener('close', () => {
      this.#returnFocus?.focus();
      this.#returnFocus = undefined;
    });
    this.#more.addEventListener('click', () => void this.#showMore());
    this.#input.addEventListener('input', () => this.#queueSearch(DEBOUNCE_MS));
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#filtersBox.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const selected = this.#selected[box.name]!;
      if (box.checked) selected.add(box.value);
      else selected.delete(box.value);
      this.#showChosenTags();
      this.#queueSearch(0);
    });
  }

  /**
   * Opens the dialog with the text typed so far, focused at its end, and searches it as soon as
   * the index is ready; on close, focus returns to `returnFocus`.
   */
  open(text = '', returnFocus?: HTMLElement): void {
    if (!this.#dialog.open) {
      this.#returnFocus = returnFocus;
      this.#dialog.showModal();
    }
    this.#input.focus();
    void this.#load();
    if (text === '') {
      this.#input.select();
      return;
    }
    this.#input.value = text;
    this.#queueSearch(0);
  }

  close(): void {
    this.#dialog.close();
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
      // Highlight parameters are added to result links here, for every word searched.
      await pagefind.options({ baseUrl: bundle.replace(/pagefind\/$/, ''), excerptLength: 18, ranking: RANKING });
      await pagefind.init();
      const filters = await pagefind.filters();
      this.#showFilters(filters);
      return { pagefind, vocabulary: await vocabulary };
    })();
    return this.#pagefind;
  }

  #queueSearch(delay: number): void {
    this.#clear.hidden = this.#input.value === '';
    clearTimeout(this.#debounce);
    const id = ++this.#searchId;
    this.#debounce = setTimeout(() => void this.#search(id), delay);
  }

  #filterOption(): Filters | undefined {
    const filters = Object.fromEntries(
      Object.entries(this.#selected)
        .filter(([, values]) => values.size > 0)
        .map(([name, values]) => [name, { any: [...values] }]),
    );
    return Object.keys(filters).length > 0 ? filters : undefined;
  }

  async #search(id: number): Promise<void> {
    const fired = performance.now();
    const { pagefind, vocabulary } = await this.#load();
    if (id !== this.#searchId) return; // a newer keystroke has queued its own search
    const typed = this.#input.value.trim();
    const filters = this.#filterOption();
    if (typed === '' && !filters) {
      this.#pending = undefined;
      this.#render([], '', undefined, 0);
      return this.#rendered('', fired);
    }
    const options = filters ? { filters } : {};
    // A word that is not in the indexed text is taken for a typo and replaced by the closest one.
    const typedWords = contentWords(typed);
    const replacements = new Map<string, string>();
    for (const word of typedWords) {
      const replacement = correctWord(word, vocabulary);
      if (replacement !== undefined) replacements.set(word, replacement);
    }
    const query = rewriteQuery(typed, replacements);
    const words = [...new Set(typedWords.map((word) => replacements.get(word) ?? word))];
    // Pagefind needs every word; a question in plain words needs any of them, so: one search per word.
    const searches = await Promise.all(words.map((word) => pagefind.search(word, options)));
    let ranked: (PagefindResult & { merged?: MergedResult<PagefindResult> })[];
    let counts: Record<string, Record<string, number>>;
    if (words.length === 0) {
      // Filters alone: one result per note, its introduction.
      const search = await pagefind.search(null, { filters: { ...filters, kind: { any: ['note'] } } });
      ranked = search.results;
      counts = search.filters;
    } else {
      const merged = mergeWordResults(new Map(words.map((word, index) => [word, searches[index]!.results])));
      // The records with every word also come from one search of them all, whose excerpts mark every word.
      const whole = words.length > 1 ? await pagefind.search(words.join(' '), options) : undefined;
      const withAllWords = new Map(whole?.results.map((result) => [result.id, result]));
      ranked = merged.map((entry) => ({
        ...entry.best,
        score: entry.score,
        data: (withAllWords.get(entry.id) ?? entry.best).data,
        merged: entry,
      }));
      counts = (whole ?? searches[0]!).filters;
    }
    const { shown, more } = focusResults(ranked, words.length === 0 ? 0 : SCORE_SHARE, PAGE_SIZE);
    const loaded = await Promise.all(shown.map(async (result) => ({ result, fragment: await result.data() })));
    if (id !== this.#searchId) return;
    // Filters alone keep Pagefind's order of notes; a query's results are ordered by what its scores cannot see.
    const fragments =
      words.length === 0
        ? loaded.map(({ fragment }) => fragment)
        : refineOrder(
            loaded.map(({ result, fragment }) => ({
              fragment,
              merged: result.merged!,
              heading: fragment.meta.title ?? '',
              phrases: fragment.meta.key ?? '',
            })),
            words,
          ).map(({ fragment }) => fragment);
    this.#pending = { rest: more, shown: fragments, words };
    this.#updateCounts(counts);
    this.#render(groupByNote(fragments, words), query, replacements.size > 0 ? typed : undefined, ranked.length);
    this.#rendered(query, fired);
  }

  /** Adds the next results of the current query, one `data()` load each. */
  async #showMore(): Promise<void> {
    const pending = this.#pending;
    if (!pending) return;
    const id = this.#searchId;
    const next = pending.rest.splice(0, PAGE_SIZE);
    pending.shown.push(...(await Promise.all(next.map((result) => result.data()))));
    if (id !== this.#searchId) return;
    const activeHref = this.#list.querySelector('[aria-selected="true"]')?.getAttribute('href');
    const total = pending.shown.length + pending.rest.length;
    this.#render(groupByNote(pending.shown, pending.words), this.#input.value.trim(), undefined, total);
    const options = [...this.#list.querySelectorAll('[role="option"]')];
    this.#activate(
      Math.max(
        0,
        options.findIndex((option) => option.getAttribute('href') === activeHref),
      ),
    );
  }

  /** Tells listeners (and tests) the results of `query` are on screen, and when its search started. */
  #rendered(query: string, fired: number): void {
    this.dispatchEvent(new CustomEvent('search-rendered', { detail: { query, fired } }));
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
    // Folded on a phone, where the results need the room; open on a wider screen.
    this.#filtersBox.open = matchMedia('(min-width: 40rem)').matches;
    this.#filtersBox.hidden = false;
  }

  /** The folded tag list says how many tags are chosen, so a fold never hides a filter in use. */
  #showChosenTags(): void {
    const chosen = this.#selected.tag!.size;
    this.querySelector('.search-tags-chosen')!.textContent = chosen > 0 ? `(${chosen} chosen)` : '';
  }

  /** Shows, beside each filter value, how many sections it would give with the current query. */
  #updateCounts(counts: Record<string, Record<string, number>>): void {
    for (const box of this.#filtersBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const count = counts[box.name]?.[box.value] ?? 0;
      box.parentElement!.querySelector('.search-chip-count')!.textContent = `(${count})`;
      box.parentElement!.classList.toggle('is-empty', count === 0 && !box.checked);
    }
  }

  #render(hits: NoteHit[], query: string, correctedFrom: string | undefined, total: number): void {
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
        tightenMarks(excerpt);
        link.append(excerpt);
      }
      link.addEventListener('mousemove', () => this.#activate([...this.#list.children].indexOf(link)));
      return link;
    };
    for (const hit of hits) {
      this.#list.append(option(hit.title, hit.url, 'search-option-note', hit.excerpt));
      for (const section of hit.sections)
        this.#list.append(option(section.title, section.url, 'search-option-section', section.excerpt));
    }
    const shown = hits.reduce((sum, hit) => sum + hit.sections.length + (hit.excerpt ? 1 : 0), 0);
    this.#more.hidden = shown >= total;
    this.#more.textContent = `More results (${total - shown})`;
    this.#input.setAttribute('aria-expanded', String(hits.length > 0));
    const subject = query === '' ? 'the selected filters' : `“${query}”`;
    const correction = correctedFrom ? `Showing results for ${subject} (you typed “${correctedFrom}”). ` : '';
    const notes = `${hits.length} ${hits.length === 1 ? 'note' : 'notes'}`;
    this.#status.textContent =
      query === '' && hits.length === 0 && !correctedFrom
        ? ''
        : `${correction}${total === 0 ? `Nothing matches ${subject}.` : `Best matches for ${subject} in ${notes}.`}`;
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
    } else if (event.key === 'Escape') {
      // A search box clears itself on the first Escape; here one Escape closes, as on every docs site.
      event.preventDefault();
      this.close();
    }
  }
}

customElements.define('search-dialog', SearchDialog);
