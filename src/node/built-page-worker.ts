import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { builtPage, sitePathOf } from './built-page.ts';

/**
 * Pages are taken apart while the build renders the next ones, and the renderer is what the build
 * waits for: on Linux this thread yields to it (a thread's own niceness; elsewhere it stays as it is).
 */
function yieldToTheRenderer(): void {
  try {
    os.setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    // not Linux, or not allowed: parse at the usual priority
  }
}

/** A worker of the built-page pool (built-pages.ts): takes one page apart at a time and sends it back. */
yieldToTheRenderer();
const { outDir } = workerData as { outDir: string };
const port = parentPort!;
port.on('message', (job: { id: number; file: string; html?: string }) => {
  const html = job.html ?? readFileSync(path.join(outDir, job.file), 'utf8');
  port.postMessage({ id: job.id, page: builtPage(sitePathOf(job.file), html) });
});
port.postMessage({ ready: true });
