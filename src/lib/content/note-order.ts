import { TOPICS, type Topic } from './topics.ts';

/** The part of a note entry the listing helpers need; keeps them free of Astro imports. */
export interface NoteSummary {
  id: string;
  data: { title: string; topic: string; order: number; draft: boolean };
}

/** Drafts are shown while authoring (`astro dev`) and left out of production builds. */
export function isPublished(note: NoteSummary, isDev: boolean): boolean {
  return isDev || !note.data.draft;
}

/** Notes in reading order: by topic order, then by `order`, then by title. */
export function sortNotes<T extends NoteSummary>(notes: readonly T[]): T[] {
  const topicRank = new Map<string, number>(TOPICS.map((topic, rank) => [topic.id, rank]));
  return [...notes].sort(
    (a, b) =>
      (topicRank.get(a.data.topic) ?? Infinity) - (topicRank.get(b.data.topic) ?? Infinity) ||
      a.data.order - b.data.order ||
      a.data.title.localeCompare(b.data.title),
  );
}

const groupings = new WeakMap<readonly NoteSummary[], { topic: Topic; notes: NoteSummary[] }[]>();

/**
 * Topics with their notes in reading order; topics without notes are left out. Worked out once per
 * list of notes: every page's sidebar asks for the same list, and sorting it each time made a build
 * of n notes do n sorts. Callers must not change the list or the groups.
 */
export function groupByTopic<T extends NoteSummary>(notes: readonly T[]): { topic: Topic; notes: T[] }[] {
  let groups = groupings.get(notes);
  if (!groups) {
    const sorted = sortNotes(notes);
    groups = TOPICS.map((topic) => ({ topic, notes: sorted.filter((note) => note.data.topic === topic.id) })).filter(
      (group) => group.notes.length > 0,
    );
    groupings.set(notes, groups);
  }
  return groups as { topic: Topic; notes: T[] }[];
}
