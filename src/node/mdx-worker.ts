import { parentPort, workerData } from 'node:worker_threads';
import { openCodeHighlightCache } from '../plugins/syntax-highlighting.ts';
import { notesMarkdownProcessor } from './markdown-pipeline.ts';
import type { MdxJob, MdxReply, MdxWorkerData } from './mdx-workers.ts';
import { cacheDirectory, type NoteFacts } from './note-facts-cache.ts';

/**
 * A worker of the MDX pool (mdx-workers.ts): compiles one note at a time with the same pipeline as
 * the main thread, and sends back the result with what the pipeline recorded while compiling it.
 */
const { shared, mdx } = workerData as MdxWorkerData;
const highlightCache = openCodeHighlightCache(cacheDirectory());
let facts: [string, NoteFacts][] = [];
const processor = notesMarkdownProcessor({
  highlightCache,
  recordFacts: (notePath, noteFacts) => facts.push([notePath, noteFacts]),
});
const { srcDir, ...mdxOptions } = mdx;
const renderer = await processor.createMdxRenderer!(shared, {
  ...mdxOptions,
  ...(srcDir === undefined ? {} : { srcDir: new URL(srcDir) }),
});

const port = parentPort!;
port.on('message', async ({ id, content, filePath, frontmatter }: MdxJob) => {
  let outcome: Pick<MdxReply & { result: unknown }, 'result'> | Pick<MdxReply & { error: unknown }, 'error'>;
  try {
    outcome = { result: await renderer.process(content, filePath, frontmatter) };
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    // Own fields such as a VFileMessage's line, column and reason, as plain data that can be posted.
    const details = JSON.parse(JSON.stringify({ ...error })) as Record<string, unknown>;
    outcome = { error: { name: error.name, message: error.message, stack: error.stack, details } };
  }
  const reply = { id, facts, highlighted: highlightCache.takeUsed(), ...outcome } as MdxReply;
  facts = [];
  port.postMessage(reply);
});
