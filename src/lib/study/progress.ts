import { isCard, type Card } from './review-card.ts';
import {
  cardFromSm2,
  checkV1,
  checkV2,
  isRecord,
  isUnderstood,
  sm2CardFromAnswer,
  type StudyProgressV1,
  type StudyProgressV2,
} from './progress-migration.ts';

export type { StudyProgressV1, StudyProgressV2 } from './progress-migration.ts';

/**
 * The reader's study progress, kept in this browser: a scheduled card per question answered and
 * the sections marked as understood. The stored document is versioned; anything unreadable is set
 * aside (kept under BACKUP_KEY) rather than allowed to break a page, and the caller is told why.
 *
 * Pure functions only: parse, validate, migrate (progress-migration.ts), merge. Reading and writing localStorage is
 * src/browser/study-storage.ts.
 */

export const STORAGE_KEY = 'study-progress';
/** Where an unreadable document is kept when fresh progress replaces it. */
export const BACKUP_KEY = 'study-progress-unreadable';
export const CURRENT_VERSION = 3;

export interface StudyProgress {
  version: typeof CURRENT_VERSION;
  /** Card per question, keyed `<note-id>/<question-id>`. */
  cards: Record<string, Card>;
  /** Per note, the sections marked as understood and when (ms). */
  understood: Record<string, Record<string, number>>;
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

function checkV3(value: Record<string, unknown>): Checked<StudyProgress> {
  const { cards, understood } = value;
  if (Object.keys(value).length !== 3) return { ok: false, reason: 'it has fields this site does not know' };
  if (!isRecord(cards)) return { ok: false, reason: '"cards" is not an object' };
  const badCard = Object.keys(cards).find((key) => !isCard(cards[key]));
  if (badCard !== undefined) return { ok: false, reason: `the card "${badCard}" is not a valid review card` };
  if (!isUnderstood(understood)) return { ok: false, reason: '"understood" is not a list of sections per note' };
  return { ok: true, value: { version: CURRENT_VERSION, cards: cards as Record<string, Card>, understood } };
}

/** Version 2 → 3: each SM-2 card becomes an FSRS card due when it was due (see cardFromSm2). */
export function migrateV2(old: StudyProgressV2): StudyProgress {
  const cards: Record<string, Card> = {};
  for (const [key, card] of Object.entries(old.cards)) cards[key] = cardFromSm2(card);
  return { version: CURRENT_VERSION, cards, understood: old.understood };
}

/** Version 1 → 3: each recorded answer becomes the card version 2 made of it, carried on to FSRS. */
export function migrateV1(old: StudyProgressV1, now: number): StudyProgress {
  const progress = emptyProgress();
  for (const [key, answer] of Object.entries(old.answers)) progress.cards[key] = cardFromSm2(sm2CardFromAnswer(answer));
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
  const read = (checked: Checked<StudyProgress>, from: number): Checked<{ progress: StudyProgress; from: number }> =>
    checked.ok ? { ok: true, value: { progress: checked.value, from } } : checked;
  if (version === CURRENT_VERSION) return read(checkV3(value), CURRENT_VERSION);
  if (version === 2) {
    const checked = checkV2(value);
    return read(checked.ok ? { ok: true, value: migrateV2(checked.value) } : checked, 2);
  }
  if (version === 1) {
    const checked = checkV1(value);
    return read(checked.ok ? { ok: true, value: migrateV1(checked.value, now) } : checked, 1);
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

/** Progress with a question's card replaced by `card` (the scheduler's answer to the latest sitting). */
export function recordCard(progress: StudyProgress, key: string, card: Card): StudyProgress {
  return { ...progress, cards: { ...progress.cards, [key]: card } };
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
