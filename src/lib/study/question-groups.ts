import { groupByTopic, type NoteSummary } from '../content/note-order.ts';
import type { Topic } from '../content/topics.ts';

/** Notes with questions, grouped by topic in reading order; notes and topics without questions are left out. */
export function questionGroups<T extends { note: NoteSummary; questions: readonly unknown[] }>(
  entries: readonly T[],
): { topic: Topic; notes: T[] }[] {
  return groupByTopic(entries.map((entry) => ({ ...entry, id: entry.note.id, data: entry.note.data })))
    .map(({ topic, notes }) => ({ topic, notes: notes.filter((entry) => entry.questions.length > 0) as T[] }))
    .filter((group) => group.notes.length > 0);
}
