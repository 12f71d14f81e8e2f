/** What the home page's study dashboard shows: questions due, and the next section to read. */

/** How many review cards are due at `now` (each card carries the time it is next due, in ms). */
export function dueCount(cards: Readonly<Record<string, { due: number }>>, now: number): number {
  return Object.values(cards).filter((card) => card.due <= now).length;
}

/** The due count as a sentence, e.g. "3 questions due for review". */
export function dueCountLabel(due: number): string {
  if (due === 0) return 'Nothing due for review today';
  return `${due} ${due === 1 ? 'question' : 'questions'} due for review`;
}

export interface ReadingSection {
  note: string;
  noteTitle: string;
  id: string;
  title: string;
}

/**
 * The first section, in reading order, not yet marked as understood; undefined when every one is.
 * `understood` holds, per note id, the ids of the sections marked (with when).
 */
export function nextSectionToRead(
  readingOrder: readonly ReadingSection[],
  understood: Readonly<Record<string, Readonly<Record<string, number>>>>,
): ReadingSection | undefined {
  return readingOrder.find((section) => understood[section.note]?.[section.id] === undefined);
}
