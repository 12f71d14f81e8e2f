import { execFileSync } from 'node:child_process';

const cache = new Map<string, Date | undefined>();

/**
 * When a file last changed, from the git history (the author date of its last commit), or undefined
 * when the file is not committed or git is not available, so callers fall back to the frontmatter date.
 */
export function lastCommitDate(file: string): Date | undefined {
  if (!cache.has(file)) {
    let date: Date | undefined;
    try {
      const output = execFileSync('git', ['log', '-1', '--format=%aI', '--', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      date = output ? new Date(output) : undefined;
    } catch {
      date = undefined;
    }
    cache.set(file, date);
  }
  return cache.get(file);
}

/** The later of the git date and the frontmatter `updated` date: a note is as new as its newest edit. */
export function lastUpdated(file: string | undefined, frontmatterDate: Date): Date {
  const fromGit = file ? lastCommitDate(file) : undefined;
  return fromGit && fromGit > frontmatterDate ? fromGit : frontmatterDate;
}
