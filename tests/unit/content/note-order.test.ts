import { describe, expect, it } from 'vitest';
import { groupByTopic, isPublished, sortNotes, type NoteSummary } from '../../../src/lib/content/note-order.ts';
import { TOPICS, getTopic } from '../../../src/lib/content/topics.ts';
import { joinBase } from '../../../src/lib/navigation/urls.ts';

function note(id: string, topic: string, order: number, draft = false): NoteSummary {
  return { id, data: { title: id, topic, order, draft } };
}

describe('note ordering and grouping', () => {
  const notes = [
    note('step-functions', 'orchestration', 2),
    note('guardrails', 'model-deployment', 1),
    note('eventbridge', 'orchestration', 1),
    note('shadow', 'model-deployment', 2),
  ];

  it('sorts by topic order, then by `order`', () => {
    expect(sortNotes(notes).map((entry) => entry.id)).toEqual([
      'guardrails',
      'shadow',
      'eventbridge',
      'step-functions',
    ]);
  });

  it('groups notes under their topic and leaves empty topics out', () => {
    const groups = groupByTopic(notes);
    expect(groups.map((group) => group.topic.id)).toEqual(['model-deployment', 'orchestration']);
    expect(groups[1]!.notes.map((entry) => entry.id)).toEqual(['eventbridge', 'step-functions']);
  });

  it('groups a list once however often it is asked (every page’s sidebar asks), and another list afresh', () => {
    expect(groupByTopic(notes)).toBe(groupByTopic(notes));
    const fewer = notes.slice(1);
    expect(groupByTopic(fewer)).not.toBe(groupByTopic(notes));
    expect(groupByTopic(fewer)[1]!.notes.map((entry) => entry.id)).toEqual(['eventbridge']);
  });

  it('hides drafts from production builds only', () => {
    const draft = note('wip', 'containers', 1, true);
    expect(isPublished(draft, false)).toBe(false);
    expect(isPublished(draft, true)).toBe(true);
  });
});

describe('topics', () => {
  it('have unique ids and look up by id', () => {
    expect(new Set(TOPICS.map((topic) => topic.id)).size).toBe(TOPICS.length);
    expect(getTopic('containers').label).toBe('Containers and Kubernetes');
    expect(() => getTopic('cooking')).toThrow(/Unknown topic "cooking"/);
  });
});

describe('joinBase', () => {
  it('joins without doubling or dropping slashes', () => {
    expect(joinBase('/', 'notes/eks/')).toBe('/notes/eks/');
    expect(joinBase('/mla-notes/', '/notes/eks/')).toBe('/mla-notes/notes/eks/');
    expect(joinBase('/mla-notes', '')).toBe('/mla-notes/');
  });
});
