import type { NoteSummary } from '../content/note-order.ts';

export interface NavLink {
  id: string;
  title: string;
}

/** The notes before and after the current one in reading order, for the links at the end of a note. */
export function neighbours<T extends NoteSummary>(
  ordered: readonly T[],
  currentId: string,
): { previous?: T; next?: T } {
  const index = ordered.findIndex((note) => note.id === currentId);
  if (index === -1) return {};
  const previous = ordered[index - 1];
  const next = ordered[index + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/**
 * The slice of a topic's notes the sidebar lists around the current note. Keeps every page's
 * navigation a bounded size however many notes a topic holds; the topic page lists them all.
 */
export function sidebarWindow<T>(
  topicNotes: readonly T[],
  currentIndex: number,
  size = 15,
): { notes: T[]; hiddenBefore: number; hiddenAfter: number } {
  if (topicNotes.length <= size) return { notes: [...topicNotes], hiddenBefore: 0, hiddenAfter: 0 };
  const centre = Math.max(0, currentIndex);
  const start = Math.min(Math.max(0, centre - Math.floor(size / 2)), topicNotes.length - size);
  return {
    notes: topicNotes.slice(start, start + size),
    hiddenBefore: start,
    hiddenAfter: topicNotes.length - start - size,
  };
}
