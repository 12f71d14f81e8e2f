import { describe, expect, it } from 'vitest';
import {
  backlinksByNote,
  courseMap,
  isNumberOnlyLabel,
  lectureNumber,
  linkedNoteId,
  notesWithoutLecture,
} from '../../../src/lib/navigation/note-graph.ts';
import { neighbours, sidebarGroup, sidebarWindow } from '../../../src/lib/navigation/sidebar.ts';

const course = 'https://www.udemy.com/course/mla/learn/lecture';

describe('links between notes', () => {
  it('reads the note id from site links, with or without a base path', () => {
    expect(linkedNoteId('/notes/eks/#data-volumes')).toBe('eks');
    expect(linkedNoteId('/mla-notes/notes/eks/', '/mla-notes/')).toBe('eks');
    expect(linkedNoteId('/glossary/#term-asg')).toBeUndefined();
    expect(linkedNoteId('https://docs.aws.amazon.com/notes/x/')).toBeUndefined();
  });

  it('lists, for each note, the other notes linking to it and the section each link is in', () => {
    const backlinks = backlinksByNote([
      {
        id: 'step-functions',
        title: 'AWS Step Functions',
        links: [
          { href: '/notes/eventbridge/', sectionId: 'aws-step-functions', sectionTitle: 'AWS Step Functions' },
          {
            href: '/notes/eventbridge/#worked-example',
            sectionId: 'aws-step-functions',
            sectionTitle: 'AWS Step Functions',
          },
          { href: '/notes/step-functions/#wait', sectionId: 'x', sectionTitle: 'X' },
        ],
      },
      {
        id: 'aws-batch',
        title: 'AWS Batch',
        links: [{ href: '/notes/eventbridge/', sectionId: 'triggering', sectionTitle: 'Triggering' }],
      },
    ]);
    expect(backlinks.get('eventbridge')).toEqual([
      {
        from: 'step-functions',
        title: 'AWS Step Functions',
        sectionId: 'aws-step-functions',
        sectionTitle: 'AWS Step Functions',
      },
      { from: 'aws-batch', title: 'AWS Batch', sectionId: 'triggering', sectionTitle: 'Triggering' },
    ]);
    expect(backlinks.has('step-functions')).toBe(false);
  });
});

describe('course map', () => {
  it('puts lectures in course order and lists the sections linking to each, once', () => {
    const map = courseMap([
      {
        id: 'step-functions',
        title: 'AWS Step Functions',
        lectures: [
          { label: 'Step Functions state machines', url: `${course}/45286975#overview` },
          { label: 'AWS Step Functions', url: `${course}/45286959#overview` },
        ],
        links: [
          { href: `${course}/45286959#overview`, sectionId: 'workflows', sectionTitle: 'Workflows' },
          { href: `${course}/45286975`, sectionId: 'states', sectionTitle: 'States' },
          { href: `${course}/45286975#notes`, sectionId: 'states', sectionTitle: 'States' },
        ],
      },
    ]);
    expect(map.map((lecture) => lecture.lectureNumber)).toEqual([45286959, 45286975]);
    expect(map.map((lecture) => lecture.label)).toEqual(['AWS Step Functions', 'Step Functions state machines']);
    expect(map[1]!.notes[0]!.sections).toEqual([{ id: 'states', title: 'States' }]);
    expect(map[0]!.url).toBe(`${course}/45286959`);
  });

  it('leaves out sections that only repeat the name of their note or of the lecture', () => {
    const map = courseMap([
      {
        id: 'step-functions',
        title: 'AWS Step Functions',
        lectures: [{ label: 'AWS Step Functions', url: `${course}/45286959#overview` }],
        links: [
          { href: `${course}/45286959`, sectionId: 'aws-step-functions', sectionTitle: 'AWS Step Functions' },
          { href: `${course}/45286959`, sectionId: 'states', sectionTitle: 'States' },
        ],
      },
    ]);
    expect(map[0]!.notes[0]!.sections).toEqual([{ id: 'states', title: 'States' }]);
  });

  it('names a lecture labelled only by its number after the headings that cover it', () => {
    const map = courseMap([
      {
        id: 'horovod',
        title: 'Horovod',
        lectures: [
          { label: 'Course lecture 45286781', url: `${course}/45286781#overview` },
          { label: 'Course lecture 45286459', url: `${course}/45286459#notes` },
        ],
        links: [],
      },
      {
        id: 'ludwig',
        title: 'Ludwig',
        lectures: [{ label: 'Course lecture 45286781', url: `${course}/45286781` }],
        links: [],
      },
      {
        id: 'aws-batch',
        title: 'AWS Batch vs AWS Glue',
        lectures: [{ label: 'lecture 46732159', url: `${course}/46732159` }],
        links: [{ href: `${course}/46732159`, sectionId: 'aws-batch', sectionTitle: 'AWS Batch' }],
      },
    ]);
    expect(map.map((lecture) => lecture.label)).toEqual(['Horovod', 'Horovod and Ludwig', 'AWS Batch']);
    expect(isNumberOnlyLabel('Course lecture 45286459')).toBe(true);
    expect(isNumberOnlyLabel('Amazon EKS')).toBe(false);
  });

  it('tells apart lectures that the same notes cover', () => {
    const map = courseMap([
      {
        id: 'horovod',
        title: 'Horovod',
        lectures: [
          { label: 'Course lecture 2', url: `${course}/2` },
          { label: 'Course lecture 1', url: `${course}/1` },
        ],
        links: [],
      },
    ]);
    expect(map.map((lecture) => lecture.label)).toEqual(['Horovod (part 1 of 2)', 'Horovod (part 2 of 2)']);
  });

  it('finds the notes that follow no lecture', () => {
    const notes = [
      { id: 'eks', lectures: [{ label: 'Amazon EKS', url: `${course}/45356923` }] },
      { id: 'shadow-tests', lectures: [] },
    ];
    expect(notesWithoutLecture(notes).map((note) => note.id)).toEqual(['shadow-tests']);
  });

  it('merges the same lecture referenced by two notes and with different fragments', () => {
    const map = courseMap([
      { id: 'horovod', title: 'Horovod', lectures: [{ label: 'L', url: `${course}/45286459#notes` }], links: [] },
      { id: 'ludwig', title: 'Ludwig', lectures: [{ label: 'L', url: `${course}/45286459#overview` }], links: [] },
    ]);
    expect(map).toHaveLength(1);
    expect(map[0]!.notes.map((note) => note.id)).toEqual(['horovod', 'ludwig']);
    expect(lectureNumber('https://example.com/no-number')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('navigation', () => {
  const notes = ['a', 'b', 'c'].map((id, order) => ({
    id,
    data: { title: id, topic: 'containers', order, draft: false },
  }));

  it('finds the previous and next note in reading order', () => {
    expect(neighbours(notes, 'b')).toEqual({ previous: notes[0], next: notes[2] });
    expect(neighbours(notes, 'a')).toEqual({ next: notes[1] });
    expect(neighbours(notes, 'zzz')).toEqual({});
  });

  it('keeps the sidebar bounded around the current note', () => {
    const many = Array.from({ length: 100 }, (_, index) => index);
    expect(sidebarWindow(many, 50, 15)).toEqual({ notes: many.slice(43, 58), hiddenBefore: 43, hiddenAfter: 42 });
    expect(sidebarWindow(many, 0, 15).hiddenBefore).toBe(0);
    expect(sidebarWindow(many, 99, 15)).toEqual({ notes: many.slice(85), hiddenBefore: 85, hiddenAfter: 0 });
    expect(sidebarWindow([1, 2], 0, 15)).toEqual({ notes: [1, 2], hiddenBefore: 0, hiddenAfter: 0 });
  });

  it('lists every note of a topic of ordinary size, open where the reader is', () => {
    const topic = ['a', 'b', 'c'].map((id) => ({ id }));
    expect(sidebarGroup(topic, 'b')).toEqual({ notes: topic, hiddenBefore: 0, hiddenAfter: 0, total: 3, open: true });
    expect(sidebarGroup(topic, 'elsewhere')).toEqual({
      notes: topic,
      hiddenBefore: 0,
      hiddenAfter: 0,
      total: 3,
      open: false,
    });
  });

  it('keeps a large topic bounded: a window where the reader is, a count elsewhere', () => {
    const topic = Array.from({ length: 400 }, (_, index) => ({ id: `n${index}` }));
    const here = sidebarGroup(topic, 'n200', 15);
    expect(here.notes).toHaveLength(15);
    expect(here.notes).toContainEqual({ id: 'n200' });
    expect(here.hiddenBefore + here.hiddenAfter).toBe(385);
    expect(here.open).toBe(true);
    expect(sidebarGroup(topic, 'n-other', 15)).toEqual({
      notes: [],
      hiddenBefore: 0,
      hiddenAfter: 400,
      total: 400,
      open: false,
    });
  });
});
