import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closePagefind } from '../../../src/node/pagefind-process.ts';

/** A child process whose command line names Pagefind, as the indexer's does; it runs until killed. */
async function indexerLookalike() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'pagefind', '--service']);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child;
}

describe.skipIf(process.platform !== 'linux')('closing the Pagefind indexer', () => {
  it('returns only once the indexer has exited and been reaped, so its CPU time counts for the build', async () => {
    const child = await indexerLookalike();
    await closePagefind(async () => void child.kill());
    expect(existsSync(`/proc/${child.pid}`)).toBe(false);
  });

  it('is needed: a signal alone leaves the process behind for a moment', async () => {
    const child = await indexerLookalike();
    child.kill();
    expect(existsSync(`/proc/${child.pid}`)).toBe(true);
    await new Promise((resolve) => child.once('exit', resolve));
  });
});
