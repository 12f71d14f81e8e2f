import { review, type Card, type Quality } from './review-scheduler.ts';

/**
 * The reader's study progress, kept in this browser: a scheduled card per question answered and
 * the sections marked as understood. The stored document is versioned; anything unreadable is set
 * aside (kept under BACKUP_KEY) rather than allowed to break a page, and the caller is told why.
 *
 * Pure functions only: parse, validate, migrate, merge. Reading and writing localStorage is
 * src/browser/study-storage.ts.
 */

export const STORAGE_KEY = 'study-progress';
/** Where an unreadable document is kept when fresh progress replaces it. */
export const BACKUP_KEY = 'study-progress-unreadable';
export const CURRENT_VERSION = 2;

export interface StudyProgress {
  version: typeof CURRENT_VERSION;
  /** Card per question, keyed `<note-id>/<question-id>`. */
  cards: Record<string, Card>;
  /** Per note, the sections marked as understood and when (ms). */
  understood: Record<string, Record<string, number>>;
}

/** The first release's document: one result per question and `note#section` strings. */
export interface StudyProgressV1 {
  version: 1;
  answers: Record<string, { correct: boolean; at: number }>;
  understood: string[];
}

export type LoadStatus =
  { kind: 'empty' } | { kind: 'ok' } | { kind: 'migrated'; from: number } | { kind: 'reset'; reason: string };

export interface LoadedProgress {
  progress: StudyProgress;
  status: LoadStatus;
}

export function emptyProgress(): StudyProgress {
  return { version: CURRENT_VERSION, cards: {}, understood: {} };
}

/** The key of a question's card. */
export function cardKey(noteId: string, questionId: string): string {
  return `${noteId}/${questionId}`;
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isCard(value: unknown): value is Card {
  if (!isRecord(value)) return false;
  const { repetitions, interval, ease, due, reviewed, quality } = value;
  return (
    Number.isInteger(repetitions) &&
    (repetitions as number) >= 0 &&
    Number.isInteger(interval) &&
    (interval as number) >= 1 &&
    typeof ease === 'number' &&
    ease >= 1.3 &&
    ease < 10 &&
    isTime(due) &&
    isTime(reviewed) &&
    Number.isInteger(quality) &&
    (quality as number) >= 0 &&
    (quality as number) <= 5 &&
    Object.keys(value).length === 6
  );
}

function isUnderstood(value: unknown): value is StudyProgress['understood'] {
  return (
    isRecord(value) &&
    Object.values(value).every((sections) => isRecord(sections) && Object.values(sections).every(isTime))
  );
}

function checkV2(value: Record<string, unknown>): Checked<StudyProgress> {
  const { cards, understood } = value;
  if (Object.keys(value).length !== 3) return { ok: false, reason: 'it has fields this site does not know' };
  if (!isRecord(cards)) return { ok: false, reason: '"cards" is not an object' };
  const badCard = Object.keys(cards).find((key) => !isCard(cards[key]));
  if (badCard !== undefined) return { ok: false, reason: `the card "${badCard}" is not a valid review card` };
  if (!isUnderstood(understood)) return { ok: false, reason: '"understood" is not a list of sections per note' };
  return { ok: true, value: { version: CURRENT_VERSION, cards: cards as Record<string, Card>, understood } };
}

function checkV1(value: Record<string, unknown>): Checked<StudyProgressV1> {
  const { answers, understood } = value;
  const validAnswers =
    isRecord(answers) &&
    Object.values(answers).every(
      (answer) => isRecord(answer) && typeof answer.correct === 'boolean' && isTime(answer.at),
    );
  if (!validAnswers) return { ok: false, reason: '"answers" is not a list of answers' };
  if (
    !Array.isArray(understood) ||
    !understood.every((entry) => typeof entry === 'string' && /^[^#]+#[^#]+$/.test(entry))
  ) {
    return { ok: false, reason: '"understood" is not a list of note#section strings' };
  }
  return { ok: true, value: { version: 1, answers: answers as StudyProgressV1['answers'], understood } };
}

/** Version 1 → 2: each recorded answer becomes a card reviewed once, at the time it was given. */
export function migrateV1(old: StudyProgressV1, now: number): StudyProgress {
  const progress = emptyProgress();
  for (const [key, answer] of Object.entries(old.answers)) {
    progress.cards[key] = review(undefined, answer.correct ? 5 : 1, answer.at);
  }
  for (const entry of old.understood) {
    const [note, section] = entry.split('#') as [string, string];
    (progress.understood[note] ??= {})[section] = now;
  }
  return progress;
}

/**
 * A stored or imported document as current progress: validated, and migrated when it is an
 * older version. `from` is the version it had.
 */
export function readProgressDocument(value: unknown, now: number): Checked<{ progress: StudyProgress; from: number }> {
  if (!isRecord(value)) return { ok: false, reason: 'it is not an object' };
  const { version } = value;
  if (version === CURRENT_VERSION) {
    const checked = checkV2(value);
    return checked.ok ? { ok: true, value: { progress: checked.value, from: CURRENT_VERSION } } : checked;
  }
  if (version === 1) {
    const checked = checkV1(value);
    return checked.ok ? { ok: true, value: { progress: migrateV1(checked.value, now), from: 1 } } : checked;
  }
  if (typeof version === 'number' && version > CURRENT_VERSION) {
    return { ok: false, reason: `it was saved by a newer version of the site (format ${version})` };
  }
  return { ok: false, reason: 'it has no known format version' };
}

function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
}

/** The stored text as progress. Never throws: whatever cannot be read becomes empty progress, with the reason. */
export function parseProgress(text: string | undefined, now: number): LoadedProgress {
  if (text === undefined) return { progress: emptyProgress(), status: { kind: 'empty' } };
  const json = parseJson(text);
  const read = json.ok ? readProgressDocument(json.value, now) : json;
  if (!read.ok) return { progress: emptyProgress(), status: { kind: 'reset', reason: read.reason } };
  const { progress, from } = read.value;
  return { progress, status: from === CURRENT_VERSION ? { kind: 'ok' } : { kind: 'migrated', from } };
}

export function serializeProgress(progress: StudyProgress): string {
  return JSON.stringify(progress);
}

/**
 * Both sets of progress in one: for each question the more recent answer wins (and its schedule
 * with it); a section is understood if either says so. Un-marking is not carried across a merge.
 */
export function mergeProgress(ours: StudyProgress, theirs: StudyProgress): StudyProgress {
  const cards = { ...ours.cards };
  for (const [key, card] of Object.entries(theirs.cards)) {
    const mine = cards[key];
    if (!mine || card.reviewed > mine.reviewed) cards[key] = card;
  }
  const understood: StudyProgress['understood'] = {};
  for (const note of new Set([...Object.keys(ours.understood), ...Object.keys(theirs.understood)])) {
    const mine = ours.understood[note] ?? {};
    const other = theirs.understood[note] ?? {};
    understood[note] = { ...other, ...mine };
    for (const [section, at] of Object.entries(other)) understood[note][section] = Math.min(at, mine[section] ?? at);
  }
  return { version: CURRENT_VERSION, cards, understood };
}

export type ImportResult =
  { ok: true; progress: StudyProgress; cards: number; sections: number } | { ok: false; reason: string };

/** An exported file merged into the current progress; a file that is not valid progress changes nothing. */
export function importProgress(text: string, current: StudyProgress, now: number): ImportResult {
  const json = parseJson(text);
  const read = json.ok ? readProgressDocument(json.value, now) : json;
  if (!read.ok) return read;
  const imported = read.value.progress;
  const sections = Object.values(imported.understood).reduce((sum, notes) => sum + Object.keys(notes).length, 0);
  return { ok: true, progress: mergeProgress(current, imported), cards: Object.keys(imported.cards).length, sections };
}

/** Progress with one answer recorded: the card is `before` (its state ahead of this sitting) reviewed at `quality`. */
export function recordAnswer(
  progress: StudyProgress,
  key: string,
  before: Card | undefined,
  quality: Quality,
  now: number,
): StudyProgress {
  return { ...progress, cards: { ...progress.cards, [key]: review(before, quality, now) } };
}

/** Progress with a section marked as understood, or the mark removed. */
export function markUnderstood(
  progress: StudyProgress,
  note: string,
  section: string,
  understood: boolean,
  now: number,
): StudyProgress {
  const sections = { ...progress.understood[note] };
  if (understood) sections[section] ??= now;
  else delete sections[section];
  const all = { ...progress.understood, [note]: sections };
  if (Object.keys(sections).length === 0) delete all[note];
  return { ...progress, understood: all };
}

/** The sections of a note marked as understood. */
export function understoodSections(progress: StudyProgress, note: string): string[] {
  return Object.keys(progress.understood[note] ?? {});
}

/** What a reader should be told about how their saved progress was read, if anything. */
export function statusMessage(status: LoadStatus): string | undefined {
  if (status.kind === 'migrated') return 'Your saved progress was upgraded from an earlier version of the site.';
  if (status.kind === 'reset') {
    return `Your saved progress could not be read (${status.reason}), so progress starts afresh. The old data is kept in this browser until you reset.`;
  }
  return undefined;
}

export const SAVE_FAILED =
  'Your progress could not be saved: this browser blocks or has filled its storage for this site.';
