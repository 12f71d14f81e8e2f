import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { headingRank } from 'hast-util-heading-rank';
import { toText } from 'hast-util-to-text';
import { contentWords } from './query-words.ts';
import { PHRASE_SEPARATOR } from './search-merge.ts';

/** One searchable unit of a note: its introduction or one of its sections, as Pagefind indexes it. */
export interface SectionRecord {
  /** The note's URL, with `#id` for a section (without the site's base path). */
  url: string;
  /** Indexed plain text: table cells and blocks keep a visible boundary between them. */
  content: string;
  /**
   * Searchable with the text, each with its weight: the heading, the note's title and its tags. `key` holds the
   * phrases the author set off (bold, table headers), for the order on screen (search-merge.ts `emphasis`); it
   * weighs nothing in Pagefind's scores, its words being in the text already.
   */
  meta: { title: string; note: string; tags: string; key: string };
  filters: { topic: string[]; tag: string[]; kind: ['note' | 'section'] };
}

/** Elements whose text is not part of what a reader searches for. */
const SKIPPED = new Set(['button', 'script', 'style', 'svg', 'template', 'nav', 'noscript']);

function isElement(node: RootContent | Root | ElementContent): node is Element {
  return node.type === 'element';
}

function find(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function findAll(node: Root | Element, test: (element: Element) => boolean, into: Element[] = []): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) into.push(child);
    else findAll(child, test, into);
  }
  return into;
}

/** A copy of the tree without what Pagefind is told to ignore, hidden parts, controls and drawings. */
function indexable<T extends Root | Element>(node: T): T {
  const children = node.children
    .filter(
      (child) =>
        !isElement(child) ||
        !(
          SKIPPED.has(child.tagName) ||
          child.properties.dataPagefindIgnore !== undefined ||
          child.properties.hidden !== undefined
        ),
    )
    .map((child) => (isElement(child) ? indexable(child) : child));
  return { ...node, children } as T;
}

/**
 * Plain text of some nodes as a reader sees it (innerText rules), with the boundaries of table
 * cells and blocks kept as " · " where no punctuation already ends them, so an excerpt never reads
 * "AspectSelf-managed nodes".
 */
export function readableText(nodes: readonly ElementContent[]): string {
  const text = toText({ type: 'element', tagName: 'div', properties: {}, children: [...nodes] });
  return text
    .split(/\s*[\t\n]\s*/)
    .filter((part) => part.length > 0)
    .reduce((joined, part) => (joined === '' ? part : `${joined}${/[.:;!?,·]$/.test(joined) ? ' ' : ' · '}${part}`), '')
    .replace(/[ \u00a0]+/g, ' ')
    .trim();
}

/** Elements whose words the author sets off as the ones that matter: bold text and table headers. */
const EMPHASIS = new Set(['strong', 'b', 'th']);

/** The distinct emphasised phrases among some nodes, as their content words, in order of first use. */
export function emphasisedPhrases(nodes: readonly ElementContent[]): string {
  const root: Element = { type: 'element', tagName: 'div', properties: {}, children: [...nodes] };
  const phrases = findAll(root, (element) => EMPHASIS.has(element.tagName)).map((element) =>
    contentWords(toText(element)).join(' '),
  );
  return [...new Set(phrases)].filter(Boolean).join(PHRASE_SEPARATOR);
}

/** The heading that opens a top-level block of the note body, if it has one with an id. */
function openingHeading(node: ElementContent): Element | undefined {
  if (!isElement(node)) return undefined;
  if (headingRank(node) && node.properties.id) return node;
  return find(node, (element) => Boolean(headingRank(element) && element.properties.id));
}

/**
 * Splits a built note page into search records: its introduction (title, description and text
 * before the first heading) and one record per section, so Pagefind ranks sections, not pages,
 * and a short section that answers a question is not drowned by its long note.
 * Returns [] for a page without a `data-pagefind-body` region.
 */
export function sectionRecords(html: string, url: string): SectionRecord[] {
  const page = fromHtml(html);
  const body = find(page, (element) => element.properties.dataPagefindBody !== undefined);
  if (!body) return [];
  const region = indexable(body);
  const texts = (test: (element: Element) => boolean) => findAll(region, test).map((element) => toText(element).trim());
  const filter = (name: string) => texts((element) => element.properties.dataPagefindFilter === name);
  const noteTitle = texts((element) => element.tagName === 'h1')[0] ?? url;
  const description = texts(
    (element) => (element.properties.className as string[] | undefined)?.includes('note-description') ?? false,
  );
  const topic = filter('topic');
  const tag = filter('tag');
  const common = { topic, tag };
  const noteBody = find(region, (element) =>
    ((element.properties.className as string[] | undefined) ?? []).includes('note-body'),
  );

  const groups: { heading?: Element; nodes: ElementContent[] }[] = [{ nodes: [] }];
  for (const child of noteBody?.children ?? []) {
    const heading = openingHeading(child);
    if (heading) groups.push({ heading, nodes: [] });
    else groups.at(-1)!.nodes.push(child);
  }

  const meta = (title: string, nodes: ElementContent[]) => ({
    title,
    note: noteTitle,
    tags: tag.join(' '),
    key: emphasisedPhrases(nodes),
  });
  const [intro, ...sections] = groups;
  const records: SectionRecord[] = [
    {
      url,
      content: [...description, readableText(intro!.nodes)].filter(Boolean).join(' '),
      meta: meta(noteTitle, intro!.nodes),
      filters: { ...common, kind: ['note'] },
    },
  ];
  sections.forEach((section, index) => {
    const id = String(section.heading!.properties.id);
    const rank = headingRank(section.heading!)!;
    // A heading whose text all sits in its subsections is found by what it contains: their headings.
    const subsections = sections.slice(index + 1);
    const end = subsections.findIndex((next) => headingRank(next.heading!)! <= rank);
    const outline = (end === -1 ? subsections : subsections.slice(0, end)).map((next) => toText(next.heading!).trim());
    records.push({
      url: `${url}#${id}`,
      content: readableText(section.nodes) || outline.join(' · '),
      meta: meta(toText(section.heading!).trim(), section.nodes),
      filters: { ...common, kind: ['section'] },
    });
  });
  return records;
}
