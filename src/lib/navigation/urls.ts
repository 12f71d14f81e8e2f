/** Joins the site's base path and a site-relative path into one root-relative URL. */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const trimmedPath = path.replace(/^\/+/, '');
  return `${trimmedBase}/${trimmedPath}`;
}

/** A URL inside this site, carrying the configured base path. */
export function siteUrl(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The page URL of a note, from its collection id. */
export function noteUrl(noteId: string): string {
  return siteUrl(`notes/${noteId}/`);
}
