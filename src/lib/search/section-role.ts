import { CLOSING_SECTIONS } from '../content/note-template.ts';

/**
 * What a section does for a reader: explain something, work an example through ("Worked example: …"
 * headings), or recap the note (the closing sections every note has). Search prefers the section that
 * explains a term over one that repeats it. Worked out from the heading where results are shown, so it is not
 * part of the indexed text.
 */
export type SectionRole = 'explains' | 'example' | 'recap';

export function sectionRole(title: string): SectionRole {
  if ((CLOSING_SECTIONS as readonly string[]).includes(title)) return 'recap';
  return /^worked example\b/i.test(title) ? 'example' : 'explains';
}
