import { seededRandom, shuffledIndexes } from '../random.ts';
import { isRecord, isTime } from './progress-migration.ts';

/**
 * A practice exam: a timed set of questions drawn across the chosen topics, at the real exam's pace,
 * that survives a reload. Pure: times are passed in, and the stored document is validated here.
 */

export const EXAM_STORAGE_KEY = 'practice-exam';
export const EXAM_VERSION = 1;
/** MLA-C01 gives 130 minutes for 65 questions: two minutes a question. */
export const SECONDS_PER_QUESTION = 120;

export interface ExamState {
  version: typeof EXAM_VERSION;
  /** The questions, in the order asked (card keys). */
  keys: string[];
  startedAt: number;
  durationMs: number;
  /** The question on screen, 0-based. */
  position: number;
  /** The reader's answer to each question, as the page's controls give it. */
  answers: Record<string, string[]>;
  flagged: string[];
  /** When it ended (finished by the reader, or time ran out). */
  finishedAt?: number;
}

/**
 * A new exam over `keys` (every question of the chosen topics): `length` of them (all when
 * undefined or larger), shuffled by `seed`, with two minutes each.
 */
export function createExam(keys: readonly string[], length: number | undefined, seed: number, now: number): ExamState {
  const order = shuffledIndexes(keys.length, seededRandom(seed));
  const count = length === undefined ? keys.length : Math.min(length, keys.length);
  const chosen = order.slice(0, count).map((index) => keys[index]!);
  return {
    version: EXAM_VERSION,
    keys: chosen,
    startedAt: now,
    durationMs: chosen.length * SECONDS_PER_QUESTION * 1000,
    position: 0,
    answers: {},
    flagged: [],
  };
}

/** Milliseconds left, never below 0. */
export function timeLeft(exam: ExamState, now: number): number {
  return Math.max(0, exam.startedAt + exam.durationMs - now);
}

/** "1:05:09" or "12:09": the clock shown during the exam. */
export function clockText(milliseconds: number): string {
  const total = Math.ceil(milliseconds / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The exam with a question's answer recorded (an empty answer removes it). */
export function answerQuestion(exam: ExamState, key: string, values: readonly string[]): ExamState {
  const answers = { ...exam.answers };
  if (values.some((value) => value !== '')) answers[key] = [...values];
  else delete answers[key];
  return { ...exam, answers };
}

/** The exam with a question flagged for another look, or unflagged. */
export function flagQuestion(exam: ExamState, key: string, flagged: boolean): ExamState {
  const others = exam.flagged.filter((other) => other !== key);
  return { ...exam, flagged: flagged ? [...others, key] : others };
}

export interface ExamScore {
  right: number;
  total: number;
  /** Per topic, in the order topics first appear among the questions. */
  topics: { topic: string; right: number; total: number }[];
  /** Keys answered wrong or not at all, in the order asked. */
  wrong: string[];
}

/** The score, given which questions were answered right and each question's topic. */
export function scoreExam(
  exam: ExamState,
  isRight: (key: string) => boolean,
  topicOf: (key: string) => string,
): ExamScore {
  const topics = new Map<string, { topic: string; right: number; total: number }>();
  const wrong: string[] = [];
  for (const key of exam.keys) {
    const topic = topicOf(key);
    let score = topics.get(topic);
    if (!score) topics.set(topic, (score = { topic, right: 0, total: 0 }));
    score.total++;
    if (isRight(key)) score.right++;
    else wrong.push(key);
  }
  return { right: exam.keys.length - wrong.length, total: exam.keys.length, topics: [...topics.values()], wrong };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A stored exam, or undefined (with why) when it is missing, unreadable or from another version. */
export function parseExam(text: string | undefined): { exam?: ExamState; problem?: string } {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  if (!isRecord(value) || value.version !== EXAM_VERSION) return { problem: 'it has no known format version' };
  const { keys, startedAt, durationMs, position, answers, flagged, finishedAt } = value;
  const valid =
    isStringList(keys) &&
    keys.length > 0 &&
    isTime(startedAt) &&
    isTime(durationMs) &&
    Number.isInteger(position) &&
    (position as number) >= 0 &&
    (position as number) < keys.length &&
    isRecord(answers) &&
    Object.values(answers).every(isStringList) &&
    isStringList(flagged) &&
    (finishedAt === undefined || isTime(finishedAt));
  return valid ? { exam: value as unknown as ExamState } : { problem: 'it is not a practice exam this site wrote' };
}
