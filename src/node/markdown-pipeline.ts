import { unified, type MarkdownProcessor } from '@astrojs/markdown-remark';
import type { VFile } from 'vfile';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { joinBase } from '../lib/navigation/urls.ts';
import { remarkTypography } from '../plugins/remark-typography.ts';
import { remarkExplicitIds } from '../plugins/remark-explicit-ids.ts';
import { remarkAslDiagrams } from '../plugins/remark-asl-diagrams.ts';
import { rehypeNoteSections } from '../plugins/rehype-note-sections.ts';
import { rehypeHeadingAnchors } from '../plugins/rehype-heading-anchors.ts';
import { rehypeGlossary } from '../plugins/rehype-glossary.ts';
import { rehypeBaseLinks } from '../plugins/rehype-base-links.ts';
import { rehypeTaskListLabels } from '../plugins/rehype-task-list-labels.ts';
import { rehypeTableScroll } from '../plugins/rehype-table-scroll.ts';
import { syntaxHighlighting } from '../plugins/syntax-highlighting.ts';
import { githubAlerts } from '../plugins/github-alerts.ts';
import { contentPaths, noteIdOfFile } from './content-paths.ts';
import { loadGlossary } from './glossary-file.ts';
import { readSectionRegister } from './section-register-file.ts';
import type { HighlightCache } from './highlight-cache.ts';
import type { NoteFacts } from './note-facts-cache.ts';

/** Where what the pipeline learns of each note is kept between runs. */
export interface PipelineStores {
  highlightCache: HighlightCache;
  recordFacts: (notePath: string, facts: NoteFacts) => void;
}

/**
 * The one Markdown pipeline every note compiles with, configured from the environment (BASE, NOTES_DIR)
 * like the rest of the build; `stores` keep what it learns of each note between runs.
 */
export function notesMarkdownProcessor(
  stores: PipelineStores,
  env: Record<string, string | undefined> = process.env,
): MarkdownProcessor {
  const base = env.BASE ?? '/';
  const paths = contentPaths(env);
  // GFM comes from our own remark-gfm, so the built-in copy is switched off; so is the built-in
  // smartypants, which remark-typography replaces with the same output at a fraction of the cost.
  return unified({
    gfm: false,
    smartypants: false,
    remarkPlugins: [remarkGfm, remarkTypography, remarkExplicitIds, remarkAslDiagrams],
    rehypePlugins: [
      syntaxHighlighting(stores.highlightCache),
      rehypeTaskListLabels,
      rehypeTableScroll,
      [...githubAlerts],
      rehypeSlug,
      [rehypeNoteSections, { record: stores.recordFacts }],
      [rehypeGlossary, { entries: loadGlossary(paths.glossary), glossaryUrl: joinBase(base, 'glossary/') }],
      [rehypeBaseLinks, { base }],
      [
        rehypeHeadingAnchors,
        {
          noteIdOf: (file: VFile) => (file.path ? noteIdOfFile(paths.notes, file.path) : undefined),
          register: readSectionRegister(paths.sectionRegister),
        },
      ],
    ],
  });
}
