import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { builtPage, sitePathOf } from './built-page.ts';

/** A worker of the built-page pool (built-pages.ts): takes one page apart at a time and sends it back. */
const { outDir } = workerData as { outDir: string };
const port = parentPort!;
port.on('message', (job: { id: number; file: string; html?: string }) => {
  const html = job.html ?? readFileSync(path.join(outDir, job.file), 'utf8');
  port.postMessage({ id: job.id, page: builtPage(sitePathOf(job.file), html) });
});
port.postMessage({ ready: true });
