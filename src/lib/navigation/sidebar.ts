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

/** A topic's entry in the sidebar: which of its notes it lists, and whether it opens by default. */
export interface SidebarGroup<T> {
  /** Notes listed, in reading order. */
  notes: T[];
  /** Notes of the topic left out before and after the listed ones (reached through the topic page). */
  hiddenBefore: number;
  hiddenAfter: number;
  total: number;
  /** The group of the note being read opens by default; the others are collapsed. */
  open: boolean;
}

/**
 * One topic's sidebar group. A topic up to `size` notes lists them all; a larger one lists the
 * window around the note being read, or none if the reader is elsewhere, so every page's
 * navigation stays a bounded size however many notes the site holds.
 */
export function sidebarGroup<T extends { id: string }>(
  topicNotes: readonly T[],
  currentId: string | undefined,
  size = 15,
): SidebarGroup<T> {
  const currentIndex = topicNotes.findIndex((note) => note.id === currentId);
  const open = currentIndex !== -1;
  const total = topicNotes.length;
  if (total > size && !open) return { notes: [], hiddenBefore: 0, hiddenAfter: total, total, open };
  return { ...sidebarWindow(topicNotes, currentIndex, size), total, open };
}
