/** The next section to read, for the home page's study dashboard. */

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
