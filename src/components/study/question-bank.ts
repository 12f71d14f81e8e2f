/**
 * Fetches the build-rendered questions (the /questions/ page) into a page's empty list, once, when
 * the reader starts a review session or an exam, so those pages stay small until then.
 */
const loads = new WeakMap<HTMLElement, Promise<HTMLElement[]>>();

export function loadQuestionBank(container: HTMLElement): Promise<HTMLElement[]> {
  let load = loads.get(container);
  if (!load) {
    load = fetchBank(container.dataset.source!).then((bank) => {
      container.replaceChildren(document.importNode(bank, true));
      return [...container.querySelectorAll<HTMLElement>('.quiz-question')];
    });
    load.catch(() => loads.delete(container));
    loads.set(container, load);
  }
  return load;
}

async function fetchBank(url: string): Promise<HTMLElement> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const bank = page.querySelector<HTMLElement>('.question-bank');
  if (!bank) throw new Error(`${url} has no questions`);
  return bank;
}

export const BANK_FAILED = 'The questions could not be loaded. Check your connection and try again.';
