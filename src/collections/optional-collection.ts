import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync } from 'node:fs';
import { contentPaths } from '../node/content-paths.ts';
import { listQuestionFiles } from '../node/question-file.ts';

type OptionalCollection = 'glossary' | 'questions';

/** Whether a site has any source for a collection: fixture sites and benchmark corpora may have none. */
function hasSource(name: OptionalCollection): boolean {
  const paths = contentPaths();
  return name === 'glossary' ? existsSync(paths.glossary) : listQuestionFiles(paths.questions).length > 0;
}

/**
 * The entries of a collection a site may not have. Astro warns about a collection with no entries,
 * and a build must print no warnings, so an absent source gives an empty list without asking.
 */
export async function optionalCollection<Name extends OptionalCollection>(
  name: Name,
): Promise<CollectionEntry<Name>[]> {
  return hasSource(name) ? ((await getCollection(name)) as CollectionEntry<Name>[]) : [];
}
