import {
  sectionLengths,
  sectionScore,
  type NoteHit,
  type PagefindFragment,
  type SectionHit,
} from './search-results.ts';

/** Words that carry no meaning in a question such as "what was the baking period again?". */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i in is it me my of on or should that the this to was what when where which who why will with again vs versus'.split(
    ' ',
  ),
);

/** A result URL without its query string: the same section whichever word found it. */
function pageKey(url: string): string {
  return url.replace(/\?[^#]*/, '');
}

/** A result URL that asks the page it opens to highlight these words. */
export function withHighlight(url: string, words: readonly string[], param = 'highlight'): string {
  const [path, hash] = pageKey(url).split('#') as [string, string | undefined];
  const query = words.map((word) => `${param}=${encodeURIComponent(word)}`).join('&');
  return `${path}${query ? `?${query}` : ''}${hash === undefined ? '' : `#${hash}`}`;
}

/** The words of a query worth searching for on their own: no stop words, no repeats. */
export function contentWords(query: string): string[] {
  const words = query.toLowerCase().match(/[a-z0-9][a-z0-9./-]*/g) ?? [];
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return [...new Set(meaningful.length > 0 ? meaningful : words)];
}

interface SectionTally {
  section: SectionHit;
  noteUrl: string;
  noteTitle: string;
  noteExcerpt: string;
  scores: Map<string, number>;
}

/**
 * Combines one Pagefind search per word into one ranking of sections. Pagefind alone requires
 * every word, so a question phrased in plain language finds little; here sections are ranked by
 * how many of the query's words they contain, then by how strongly they match them (headings
 * count most, through Pagefind's weights).
 * Notes are ordered by their best section; each note keeps its `maxSections` best.
 */
export function mergeWordSearches(
  perWord: ReadonlyMap<string, readonly PagefindFragment[]>,
  maxSections = 3,
): NoteHit[] {
  const words = [...perWord.keys()];
  const tallies = new Map<string, SectionTally>();
  const notes = new Map<string, { title: string; excerpt: string }>();
  for (const [word, fragments] of perWord) {
    for (const fragment of fragments) {
      const title = fragment.meta.title ?? fragment.url;
      const noteUrl = pageKey(fragment.url);
      if (!notes.has(noteUrl)) notes.set(noteUrl, { title, excerpt: fragment.excerpt });
      const lengths = sectionLengths(fragment);
      const averageLength =
        lengths.size > 0 ? [...lengths.values()].reduce((sum, length) => sum + length, 0) / lengths.size : undefined;
      for (const sub of fragment.sub_results ?? []) {
        if (!sub.url.includes('#')) continue;
        const score = sectionScore(sub, lengths.get(decodeURIComponent(sub.url.split('#')[1]!)), averageLength);
        const key = pageKey(sub.url);
        const tally = tallies.get(key) ?? {
          section: { title: sub.title, url: withHighlight(key, words), excerpt: sub.excerpt, score: 0 },
          noteUrl,
          noteTitle: title,
          noteExcerpt: fragment.excerpt,
          scores: new Map<string, number>(),
        };
        if (score > (tally.scores.get(word) ?? -1)) tally.scores.set(word, score);
        // Keep the excerpt of the word that matched this section best.
        if (score >= Math.max(...tally.scores.values())) tally.section.excerpt = sub.excerpt;
        tallies.set(key, tally);
      }
    }
  }

  const bySection = [...tallies.values()].map((tally) => ({
    ...tally,
    section: { ...tally.section, score: [...tally.scores.values()].reduce((sum, score) => sum + score, 0) },
  }));
  // Sections with more of the query's words come first; among equals, the stronger match.
  bySection.sort((a, b) => b.scores.size - a.scores.size || b.section.score - a.section.score);

  const hits = new Map<string, NoteHit>();
  for (const tally of bySection) {
    const hit = hits.get(tally.noteUrl) ?? {
      title: tally.noteTitle,
      url: withHighlight(tally.noteUrl, words),
      excerpt: tally.noteExcerpt,
      sections: [],
    };
    if (hit.sections.length < maxSections) hit.sections.push(tally.section);
    hits.set(tally.noteUrl, hit);
  }
  // Notes that matched only before their first heading still count, after the others.
  for (const [url, note] of notes)
    if (!hits.has(url))
      hits.set(url, { title: note.title, url: withHighlight(url, words), excerpt: note.excerpt, sections: [] });
  return [...hits.values()];
}
