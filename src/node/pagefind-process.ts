import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** The ids of this process's children whose command line names Pagefind (Linux: /proc; elsewhere none). */
function pagefindChildren(): string[] {
  try {
    const children = readdirSync('/proc/self/task').flatMap((task) =>
      readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
    );
    return children.filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pagefind');
      } catch {
        return false; // gone meanwhile
      }
    });
  } catch {
    return [];
  }
}

/**
 * Closes Pagefind's indexer and waits until it has exited and been reaped. Pagefind's `close()` only
 * signals it, and a build that exits at once never collects it: its CPU time is then missing from
 * the build's (the benchmark undercounted the build by about a fifth). Its id is read before the
 * signal, while its command line can still be read.
 */
export async function closePagefind(close: () => Promise<unknown>, timeoutMs = 2000): Promise<void> {
  const children = pagefindChildren();
  await close();
  const deadline = Date.now() + timeoutMs;
  const running = () => children.filter((pid) => existsSync(`/proc/${pid}`));
  while (running().length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
