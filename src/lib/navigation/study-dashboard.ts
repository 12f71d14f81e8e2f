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

/** Whether the reader has marked any section as understood: the home page then continues their reading. */
export function hasMarkedAnySection(understood: Readonly<Record<string, Readonly<Record<string, number>>>>): boolean {
  return Object.values(understood).some((sections) => Object.keys(sections).length > 0);
}
