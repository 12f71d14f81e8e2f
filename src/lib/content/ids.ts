import { z } from 'astro/zod';

/** Ids, tags and section ids: lowercase words joined by hyphens, as github-slugger makes them. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A schema for such an id; `what` names it in the message ("tags must be lowercase words joined by hyphens"). */
export function kebabCase(what: string) {
  return z.string().regex(KEBAB_CASE, `${what} must be lowercase words joined by hyphens`);
}
