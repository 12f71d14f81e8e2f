import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Author dates of the last commit of every file below a folder, by absolute path; empty without git. */
function lastCommitDates(folder: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: folder,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 1 << 28,
      });
    const root = git('rev-parse', '--show-toplevel').trim();
    // One `git log` for the whole folder: commits newest first, each a date line then its files.
    let date: Date | undefined;
    for (const line of git('log', '--format=%x00%aI', '--name-only', '--', '.').split('\n')) {
      if (line.startsWith('\0')) date = new Date(line.slice(1));
      else if (line && date) {
        const file = path.join(root, line);
        if (!dates.has(file)) dates.set(file, date);
      }
    }
  } catch {
    // Not a git checkout, or git is missing: every note falls back to its frontmatter date.
  }
  return dates;
}

const byFolder = new Map<string, Map<string, Date>>();

/**
 * When a file last changed, from the git history (the author date of its last commit), or undefined
 * when the file is not committed or git is not available, so callers fall back to the frontmatter date.
 * The history of the file's folder is read once per build, not once per file.
 */
export function lastCommitDate(file: string): Date | undefined {
  const absolute = path.resolve(file);
  const folder = path.dirname(absolute);
  let dates = byFolder.get(folder);
  if (!dates) {
    dates = lastCommitDates(folder);
    byFolder.set(folder, dates);
  }
  return dates.get(absolute);
}

/** The later of the git date and the frontmatter `updated` date: a note is as new as its newest edit. */
export function lastUpdated(file: string | undefined, frontmatterDate: Date): Date {
  const fromGit = file ? lastCommitDate(file) : undefined;
  return fromGit && fromGit > frontmatterDate ? fromGit : frontmatterDate;
}
