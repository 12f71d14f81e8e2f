import type { MarkdownHeading } from 'astro';
import { getCollection, render } from 'astro:content';
import type { Question } from '../lib/study/question-schema.ts';
import { assertNoQuestionProblems, loadQuestionFiles, orphanProblems, sectionProblems } from '../node/question-file.ts';
import { getPublishedNotes, type Note } from './published-notes.ts';

export interface NoteQuestions {
  note: Note;
  headings: MarkdownHeading[];
  questions: Question[];
}

/**
 * Every published note with its questions, in reading order. Fails the build if a question file
 * has no note (drafts count as notes) or a question points at a section its note does not have.
 */
export async function questionsByNote(): Promise<NoteQuestions[]> {
  const files = loadQuestionFiles();
  const problems = orphanProblems(
    files,
    (await getCollection('notes')).map((note) => note.id),
  );
  const notes = await Promise.all(
    (await getPublishedNotes()).map(async (note) => {
      const { headings } = await render(note);
      const file = files.find((candidate) => candidate.noteId === note.id);
      if (file)
        problems.push(
          ...sectionProblems(
            file,
            headings.map((heading) => heading.slug),
          ),
        );
      return { note, headings, questions: file?.questions ?? [] };
    }),
  );
  assertNoQuestionProblems(problems);
  return notes;
}
