import { serializeProgress, type StudyProgress } from '../../lib/study/progress.ts';

/** Offers the progress as a JSON file download, named with today's date. */
export function downloadProgress(progress: StudyProgress, now: Date): void {
  const blob = new Blob([serializeProgress(progress)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `study-progress-${now.toISOString().slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task, once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(link.href));
}

/** The text of a chosen file, or undefined when it cannot be read (or is far too big to be progress). */
export async function readChosenFile(input: HTMLInputElement): Promise<string | undefined> {
  const file = input.files?.[0];
  if (!file || file.size > 5_000_000) return undefined;
  try {
    return await file.text();
  } catch {
    return undefined;
  }
}
