import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { questionFileSchema, type Question } from '../lib/study/question-schema.ts';
import { fieldName, type SchemaIssue } from '../lib/content/content-errors.ts';
import { notesDirectory } from './content-paths.ts';

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
export function questionsDirectory(notesDir = notesDirectory()): string {
  return path.join(notesDir, '..', 'questions');
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * The 1-based line of the node a schema path points at: the key's line for a map field, the item's
 * line for a list index, falling back to the closest enclosing node that exists (line 1 at worst).
 */
function lineOf(root: Node | null, path: readonly PropertyKey[], lines: LineCounter): number {
  let node: unknown = root;
  let offset = 0;
  for (const key of path) {
    if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      offset = (node as Node).range?.[0] ?? offset;
    } else if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else {
      break;
    }
  }
  return lines.linePos(offset).line;
}

/** Zod's wording for a field that is not there at all, said the way the notes' errors say it. */
function readableMessage(issue: SchemaIssue): string {
  const missing = issue.message.match(/expected (\w+), received undefined$/);
  if (missing) return `required field is missing (expected ${missing[1]})`;
  return issue.message;
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
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map(
      (error) => `${file}:${error.linePos?.[0].line ?? 1}: (yaml): ${error.message.split('\n')[0]}`,
    );
    throw new Error(`Invalid questions in ${file}:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
  const data: unknown = document.toJS();
  const result = questionFileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const keys = 'keys' in issue ? (issue.keys as string[]) : [];
      // An unknown key is reported on the question; point at the key itself.
      const where = keys.length > 0 ? [...issue.path, keys[0]!] : issue.path;
      const index = issue.path[0];
      const id =
        typeof index === 'number' && Array.isArray(data) ? (data[index] as { id?: unknown } | null)?.id : undefined;
      const question = typeof id === 'string' ? ` (question "${id}")` : '';
      return `${file}:${lineOf(document.contents, where, lines)}: ${fieldName(where) || '(file)'}: ${readableMessage(issue)}${question}`;
    });
    throw new Error(`Invalid questions in ${file}:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
  return {
    noteId,
    file,
    questions: result.data,
    lines: result.data.map((_, index) => ({
      question: lineOf(document.contents, [index], lines),
      section: lineOf(document.contents, [index, 'section'], lines),
    })),
  };
}

const cache = new Map<string, { modified: number; parsed: QuestionFile }>();

/**
 * Every question file in the folder (`<note-id>.yaml`); a site without the folder has no questions.
 * Throws one error for all the files that have problems. Files are parsed once until they change.
 */
export function loadQuestionFiles(directory = questionsDirectory()): QuestionFile[] {
  let names: string[];
  try {
    names = readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch {
    return [];
  }
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

/** The question file of one note, if it has one. */
export function questionFileFor(noteId: string, directory = questionsDirectory()): QuestionFile | undefined {
  return loadQuestionFiles(directory).find((file) => file.noteId === noteId);
}

/** A problem for each question whose `section` is not a heading id of its note. */
export function sectionProblems(questionFile: QuestionFile, headingIds: readonly string[]): string[] {
  const known = new Set(headingIds);
  return questionFile.questions.flatMap((question, index) =>
    known.has(question.section)
      ? []
      : [
          `${questionFile.file}:${questionFile.lines[index]!.section}: [${index}].section: "${question.section}" is not a heading id of note "${questionFile.noteId}" (question "${question.id}"); its headings are: ${headingIds.join(', ')}`,
        ],
  );
}

/** A problem for each question file whose note does not exist. */
export function orphanProblems(files: readonly QuestionFile[], noteIds: readonly string[]): string[] {
  const known = new Set(noteIds);
  return files
    .filter((file) => !known.has(file.noteId))
    .map(
      (file) =>
        `${file.file}:1: (file): there is no note "${file.noteId}" for these questions; the file name must be a note's id`,
    );
}

/** Fails the build with every problem found, or does nothing. */
export function assertNoQuestionProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(`Invalid questions:\n${problems.map((line) => `  ${line}`).join('\n')}`);
}
