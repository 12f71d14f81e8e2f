import type { MarkdownProcessor } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { Root } from 'hast';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PipelineStores } from './markdown-pipeline.ts';
import type { NoteFacts } from './note-facts-cache.ts';

type CreateMdxRenderer = NonNullable<MarkdownProcessor['createMdxRenderer']>;
export type MdxRenderer = Awaited<ReturnType<CreateMdxRenderer>>;
type MdxRenderResult = Awaited<ReturnType<MdxRenderer['process']>>;
type SharedOptions = Parameters<CreateMdxRenderer>[0];
type MdxOptions = Parameters<CreateMdxRenderer>[1];

/** What a worker is started with: the renderer's options, with `srcDir` as text (a URL cannot be posted). */
export interface MdxWorkerData {
  shared: SharedOptions;
  mdx: Omit<MdxOptions, 'srcDir'> & { srcDir?: string };
}

export interface MdxJob {
  id: number;
  content: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
}

/** A worker's answer to a job, with what the pipeline recorded meanwhile for the main thread's stores. */
export type MdxReply = { id: number; facts: [string, NoteFacts][]; highlighted: Record<string, Root> } & (
  | { result: MdxRenderResult }
  | { error: { name: string; message: string; stack?: string; details: Record<string, unknown> } }
);

/**
 * Compiles MDX on worker threads, one per core, each with its own copy of the pipeline
 * (markdown-pipeline.ts): compiling the notes is most of a build's work and otherwise runs on one
 * core. What the pipeline records (highlighted code, each note's sections) comes back to `stores`.
 */
class MdxWorkerPool implements MdxRenderer {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: MdxJob[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (result: MdxRenderResult) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;
  private readonly stores: PipelineStores;

  constructor(data: MdxWorkerData, stores: PipelineStores, size = Math.max(1, Math.min(os.availableParallelism(), 4))) {
    this.stores = stores;
    const workerFile = new URL('./mdx-worker.ts', import.meta.url);
    for (let count = 0; count < size; count++) {
      // Compiling makes many short-lived objects; a roomier young generation collects them less often.
      const worker = new Worker(workerFile, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      worker.unref();
      worker.on('message', (reply: MdxReply) => this.settle(worker, reply));
      worker.once('error', (error) =>
        this.failAll(new Error(`An MDX worker stopped: ${error.message}`, { cause: error })),
      );
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<MdxRenderResult> {
    const id = this.nextId++;
    const result = new Promise<MdxRenderResult>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.queue.push({ id, content, filePath, frontmatter });
    this.dispatch();
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(worker: Worker, reply: MdxReply): void {
    this.stores.highlightCache.keepUsed(reply.highlighted);
    for (const [notePath, facts] of reply.facts) this.stores.recordFacts(notePath, facts);
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('result' in reply) waiting?.resolve(reply.result);
    else {
      // The same error the pipeline threw, with the file, line and column the MDX step reports.
      const { name, message, stack, details } = reply.error;
      waiting?.reject(Object.assign(new Error(message), details, { name, stack }));
    }
    this.idle.push(worker);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift());
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

let compileOnWorkers = false;
const pools = new Set<MdxWorkerPool>();

/** `processor`, whose MDX is compiled on worker threads during a build (see mdxWorkers()). */
export function withMdxWorkers(processor: MarkdownProcessor, stores: PipelineStores): MarkdownProcessor {
  return {
    ...processor,
    async createMdxRenderer(shared, mdx) {
      if (!compileOnWorkers) return processor.createMdxRenderer!(shared, mdx);
      const { srcDir, ...rest } = mdx;
      const pool = new MdxWorkerPool({ shared, mdx: { ...rest, ...(srcDir ? { srcDir: srcDir.href } : {}) } }, stores);
      pools.add(pool);
      return pool;
    },
  };
}

/**
 * Turns the MDX workers on for `astro build` only: the dev server compiles one note at a time, as
 * it is asked for, and gains nothing from them. The workers stop once the pages are generated.
 */
export function mdxWorkers(): AstroIntegration {
  return {
    name: 'mdx-workers',
    hooks: {
      'astro:config:setup': ({ command }) => {
        compileOnWorkers = command === 'build';
      },
      'astro:build:generated': async () => {
        await Promise.all([...pools].map((pool) => pool.close()));
        pools.clear();
      },
    },
  };
}
