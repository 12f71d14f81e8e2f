/**
 * Fetches the build-rendered questions (the /questions/ page) into a page's empty list, once, when
 * the reader starts a review session or an exam, so those pages stay small until then.
 */
const loads = new WeakMap<HTMLElement, Promise<HTMLElement[]>>();

export function loadQuestionBank(container: HTMLElement): Promise<HTMLElement[]> {
  let load = loads.get(container);
  if (!load) {
    load = fetchRendered(container.dataset.source!, '.question-bank').then((bank) => {
      container.replaceChildren(document.importNode(bank, true));
      return [...container.querySelectorAll<HTMLElement>('.quiz-question')];
    });
    load.catch(() => loads.delete(container));
    loads.set(container, load);
  }
  return load;
}

/** The first element matching `selector` on the built page at `url`. */
export async function fetchRendered(url: string, selector: string): Promise<HTMLElement> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const element = page.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`${url} has no ${selector}`);
  return element;
}

export const BANK_FAILED = 'The questions could not be loaded. Check your connection and try again.';
