import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuiltPage } from './built-page.ts';

export type { BuiltPage } from './built-page.ts';

/** Every built HTML page below `outDir`, as paths with `/`, in a stable order. */
export function builtHtmlFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The file a page at this site path (without the base path) is written to, with `build.format: 'directory'`. */
export function builtFileOf(sitePath: string): string {
  const relative = sitePath.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/')
    ? `${relative}index.html`
    : `${relative.replace(/\.html$/, '')}.html`;
}

type FromWorker = { ready: true } | { id: number; page: BuiltPage };

/**
 * Worker threads, one per core, that take built pages apart (built-page-worker.ts), so that work
 * runs beside the rest of the build instead of after it on one core.
 */
class PagePool {
  private readonly queue: { id: number; file: string; html?: string }[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (page: BuiltPage) => void; reject: (error: Error) => void }>();
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(outDir: string, size = Math.max(1, Math.min(os.availableParallelism(), 4))) {
    const workerFile = new URL('./built-page-worker.ts', import.meta.url);
    for (let count = 0; count < size; count++) {
      const worker = new Worker(workerFile, {
        workerData: { outDir },
        // Parsing makes many short-lived objects; a roomier young generation collects them less often.
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      worker.unref();
      worker.on('message', (message: FromWorker) => {
        if ('page' in message) {
          this.waiting.get(message.id)?.resolve(message.page);
          this.waiting.delete(message.id);
        }
        this.idle.push(worker);
        this.dispatch();
      });
      worker.once('error', (error) => this.fail(error));
      this.workers.push(worker);
    }
  }

  /** Takes a page apart: from its HTML when given, else from its file. */
  parse(file: string, html?: string): Promise<BuiltPage> {
    const id = this.nextId++;
    const parsed = new Promise<BuiltPage>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.queue.push({ id, file, ...(html === undefined ? {} : { html }) });
    this.dispatch();
    return parsed;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift());
  }

  private fail(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

type Listener = (page: BuiltPage) => unknown;

/**
 * One build's reading of its pages: pages are handed over as they are rendered, taken apart on the
 * workers, and passed to every listener in the order they were handed over, each as soon as it and
 * every page before it are ready. At the end, `finish()` adds the built pages nobody handed over.
 */
class BuiltSiteReading {
  private readonly pool: PagePool;
  private readonly parsed: Promise<BuiltPage>[] = [];
  /** Bytes of each page as handed over, by the file it is written to. */
  private readonly handedOver = new Map<string, number>();
  private readonly listeners: Listener[] = [];
  private readonly releasedPages: BuiltPage[] = [];
  private released: Promise<unknown> = Promise.resolve();
  private result?: Promise<BuiltPage[]>;

  private readonly outDir: string;

  constructor(outDir: string) {
    this.outDir = outDir;
    this.pool = new PagePool(outDir);
  }

  get renderedCount(): number {
    return this.handedOver.size;
  }

  listen(listener: Listener): void {
    this.releasedPages.forEach(listener);
    this.listeners.push(listener);
  }

  add(file: string, html?: string): void {
    const page = this.pool.parse(file, html);
    if (html !== undefined) this.handedOver.set(file, Buffer.byteLength(html));
    this.parsed.push(page);
    // Chained, so listeners see pages in the order they were handed over whatever order they finish in.
    this.released = this.released.then(async () => {
      const ready = await page;
      this.releasedPages.push(ready);
      for (const listener of this.listeners) listener(ready);
    });
  }

  /** Every built page: the ones handed over, then the others, each read from its file. */
  finish(): Promise<BuiltPage[]> {
    this.result ??= (async () => {
      for (const file of builtHtmlFiles(this.outDir)) {
        const bytes = this.handedOver.get(file);
        if (bytes === undefined) this.add(file);
        else if (statSync(path.join(this.outDir, file)).size !== bytes)
          // The search records were taken from the page as rendered; a page changed afterwards would leave them stale.
          throw new Error(
            `${file} was written differently from how it was rendered; its search records would be stale.`,
          );
      }
      const pages = await Promise.all(this.parsed);
      await this.released;
      await this.pool.close();
      return pages;
    })();
    return this.result;
  }
}

const readings = new Map<string, BuiltSiteReading>();

function readingOf(outDir: string): BuiltSiteReading {
  const key = path.resolve(outDir);
  let reading = readings.get(key);
  if (!reading) {
    reading = new BuiltSiteReading(key);
    readings.set(key, reading);
  }
  return reading;
}

/**
 * Starts taking apart the pages of a build as they are rendered: `accept(sitePath, html)` hands
 * one over (site path without the base path), and the workers parse it on the cores the renderer
 * leaves idle.
 */
export function acceptRenderedPages(outDir: string): (sitePath: string, html: string) => void {
  const reading = readingOf(outDir);
  return (sitePath, html) => reading.add(builtFileOf(sitePath), html);
}

/** How many pages of this build were handed over as they were rendered (the rest were read from their files). */
export function renderedPageCount(outDir: string): number {
  return readingOf(outDir).renderedCount;
}

/** Calls `listener` with every page of this build as soon as it is taken apart (once each). */
export function onBuiltPage(outDir: string, listener: Listener): void {
  readingOf(outDir).listen(listener);
}

/**
 * Every built page of a site, taken apart once however many build steps ask for it: the pages
 * handed over while rendering, then any others, read from their files.
 */
export function readBuiltPages(outDir: string): Promise<BuiltPage[]> {
  return readingOf(outDir).finish();
}
