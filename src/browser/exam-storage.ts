import { readStored, writeStored } from './browser-storage.ts';
import { EXAM_STORAGE_KEY, parseExam, type ExamState } from '../lib/study/practice-exam.ts';

// The practice exam in this browser's localStorage; its rules live in lib/study/practice-exam.ts.

/** The practice exam in progress or last taken, if any (a broken one is reported and dropped). */
export function loadExam(): { exam?: ExamState; problem?: string } {
  const read = parseExam(readStored(EXAM_STORAGE_KEY));
  if (read.problem) writeStored(EXAM_STORAGE_KEY, undefined);
  return read;
}

/** Saves the exam (or forgets it when undefined); returns whether it worked. */
export function saveExam(exam: ExamState | undefined): boolean {
  return writeStored(EXAM_STORAGE_KEY, exam === undefined ? undefined : JSON.stringify(exam));
}
