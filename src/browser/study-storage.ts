import { readStored, writeStored } from './browser-storage.ts';
import {
  BACKUP_KEY,
  STORAGE_KEY,
  parseProgress,
  serializeProgress,
  type LoadedProgress,
  type StudyProgress,
} from '../lib/study/progress.ts';

/** The reader's study progress in this browser's localStorage; the rules live in lib/study/progress.ts. */

/** The window event sent after this page saves or resets progress, for counts that follow it. */
export const PROGRESS_CHANGED = 'study-progress-change';

function announce(saved: boolean): boolean {
  if (saved && typeof window !== 'undefined') window.dispatchEvent(new Event(PROGRESS_CHANGED));
  return saved;
}

/** The progress saved in this browser. */
export function loadProgress(now: number): LoadedProgress {
  return parseProgress(readStored(STORAGE_KEY), now);
}

/**
 * Reads the latest saved progress (another tab may have changed it), applies `change`, and saves.
 * An unreadable document is copied to BACKUP_KEY before it is replaced.
 */
export function updateProgress(
  change: (progress: StudyProgress) => StudyProgress,
  now: number,
): { progress: StudyProgress; saved: boolean } {
  const raw = readStored(STORAGE_KEY);
  const loaded = parseProgress(raw, now);
  if (loaded.status.kind === 'reset' && raw !== undefined) writeStored(BACKUP_KEY, raw);
  const progress = change(loaded.progress);
  return { progress, saved: announce(writeStored(STORAGE_KEY, serializeProgress(progress))) };
}

/** Forgets all progress, including any unreadable document kept aside. */
export function resetProgress(): boolean {
  writeStored(BACKUP_KEY, undefined);
  return announce(writeStored(STORAGE_KEY, undefined));
}
