import { getCollection } from 'astro:content';
import type { Question } from '../lib/study/question-schema.ts';
import type { NoteSection } from '../lib/sections/note-sections.ts';
import { assertNoQuestionProblems, orphanProblems, sectionProblems, type QuestionFile } from '../node/question-file.ts';
import { getPublishedNotes, type Note } from './published-notes.ts';
import { noteSections } from './note-sections.ts';
import { optionalCollection } from './optional-collection.ts';

export interface NoteQuestions {
  note: Note;
  /** The note's sections; every question's `section` is one of them. */
  headings: NoteSection[];
  questions: Question[];
}

let filesCache: Promise<Map<string, QuestionFile>> | undefined;

/**
 * The questions collection grouped back into files, questions in file order. Fails the build when
 * a question file has no note (drafts count as notes).
 */
function questionFiles(): Promise<Map<string, QuestionFile>> {
  // The dev server reloads the collection on every edit, so only a build keeps the first reading.
  if (import.meta.env.DEV) return readQuestionFiles();
  filesCache ??= readQuestionFiles();
  return filesCache;
}

async function readQuestionFiles(): Promise<Map<string, QuestionFile>> {
  const entries = await optionalCollection('questions');
  const files = new Map<string, QuestionFile>();
  for (const entry of [...entries].sort((a, b) => a.data.index - b.data.index)) {
    const noteId = entry.data.note.id;
    const file = files.get(noteId) ?? { noteId, file: entry.data.file, questions: [], lines: [] };
    file.questions.push(entry.data.question);
    file.lines.push(entry.data.lines);
    files.set(noteId, file);
  }
  const notes = await getCollection('notes');
  assertNoQuestionProblems(
    orphanProblems(
      [...files.values()],
      notes.map((note) => note.id),
    ),
  );
  return files;
}

/**
 * The questions of one note, checked against its sections: a question that points at a section
 * the note does not have fails the build with the file, the line and the field.
 */
export async function questionsForNote(note: Note, sections: readonly NoteSection[]): Promise<Question[]> {
  const file = (await questionFiles()).get(note.id);
  if (!file) return [];
  assertNoQuestionProblems(
    sectionProblems(
      file,
      sections.map((section) => section.slug),
    ),
  );
  return file.questions;
}

/** Every published note with its sections and questions, in reading order. */
export async function questionsByNote(): Promise<NoteQuestions[]> {
  return Promise.all(
    (await getPublishedNotes()).map(async (note) => {
      const headings = await noteSections(note);
      return { note, headings, questions: await questionsForNote(note, headings) };
    }),
  );
}
