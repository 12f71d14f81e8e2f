import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { questionFileSchema, type Question } from '../lib/study/question-schema.ts';
import { formatProblem, problemReport, validateYaml } from '../lib/content/content-errors.ts';
import { contentPaths, displayPath } from './content-paths.ts';

/** The questions of one note, with where each question and its `section` field sit in the file. */
export interface QuestionFile {
  noteId: string;
  /** The file as build messages name it: relative to the working directory when inside it. */
  file: string;
  questions: Question[];
  /** 1-based lines: of each question's first line, and of its `section:` field. */
  lines: { question: number; section: number }[];
}

/** The questions folder, beside the notes folder (`content/questions/`). */
export function questionsDirectory(notesDir = contentPaths().notes): string {
  return path.join(notesDir, '..', 'questions');
}

/**
 * Reads one question file. Throws one error listing every problem as `file:line: field: message`,
 * naming the question's index and id, e.g. `eks.yaml:14: [2].choices: … (question "fargate")`.
 */
export function parseQuestionFile(
  filePath: string,
  source: string,
  noteId = path.basename(filePath).replace(/\.ya?ml$/, ''),
): QuestionFile {
  const file = displayPath(filePath);
  const { data: questions, located } = validateYaml(file, source, questionFileSchema, {
    heading: `Invalid questions in ${file}:`,
    item: { key: 'id', label: 'question' },
  });
  return {
    noteId,
    file,
    questions,
    lines: questions.map((_, index) => ({
      question: located.lineOf([index]),
      section: located.lineOf([index, 'section']),
    })),
  };
}

/** The question files below a folder (subfolders included), relative to it and sorted; none without the folder. */
export function listQuestionFiles(directory: string): string[] {
  try {
    return readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch {
    return [];
  }
}

const cache = new Map<string, { modified: number; parsed: QuestionFile }>();

/**
 * Every question file in the folder (`<note-id>.yaml`); a site without the folder has no questions.
 * Throws one error for all the files that have problems. Files are parsed once until they change.
 */
export function loadQuestionFiles(directory = questionsDirectory()): QuestionFile[] {
  const names = listQuestionFiles(directory);
  const files: QuestionFile[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const filePath = path.join(directory, name);
    const modified = statSync(filePath).mtimeMs;
    const cached = cache.get(filePath);
    if (cached?.modified === modified) {
      files.push(cached.parsed);
      continue;
    }
    try {
      // A note in a subfolder (`aws/eks.mdx`) has its questions in the same subfolder here.
      const noteId = name
        .split(path.sep)
        .join('/')
        .replace(/\.ya?ml$/, '');
      const parsed = parseQuestionFile(filePath, readFileSync(filePath, 'utf8'), noteId);
      cache.set(filePath, { modified, parsed });
      files.push(parsed);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return files;
}

/** A problem for each question whose `section` is not a heading id of its note. */
export function sectionProblems(questionFile: QuestionFile, headingIds: readonly string[]): string[] {
  const known = new Set(headingIds);
  return questionFile.questions.flatMap((question, index) =>
    known.has(question.section)
      ? []
      : [
          formatProblem(
            questionFile.file,
            questionFile.lines[index]!.section,
            `[${index}].section`,
            `"${question.section}" is not a heading id of note "${questionFile.noteId}" (question "${question.id}"); its headings are: ${headingIds.join(', ')}`,
          ),
        ],
  );
}

/** A problem for each question file whose note does not exist. */
export function orphanProblems(files: readonly QuestionFile[], noteIds: readonly string[]): string[] {
  const known = new Set(noteIds);
  return files
    .filter((file) => !known.has(file.noteId))
    .map((file) =>
      formatProblem(
        file.file,
        1,
        '(file)',
        `there is no note "${file.noteId}" for these questions; the file name must be a note's id`,
      ),
    );
}

/** Fails the build with every problem found, or does nothing. */
export function assertNoQuestionProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(problemReport('Invalid questions:', problems));
}
