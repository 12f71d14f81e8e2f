import { z } from 'astro/zod';
import { kebabCase } from '../content/ids.ts';

/**
 * One glossary entry: an abbreviation the notes use, defined once. `note` and `section`
 * point to where the notes explain it; `source` is the official page that defines it.
 */
export const glossaryEntrySchema = z.strictObject({
  term: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9/&.-]*$/, 'term must be the abbreviation as written in the notes, e.g. ASG'),
  expansion: z.string().trim().min(2, 'expansion must spell the abbreviation out'),
  definition: z
    .string()
    .trim()
    .min(20, 'definition must be a sentence')
    .max(300, 'keep a definition under 300 characters: it shows in a tooltip'),
  note: z.string().min(1).optional(),
  section: kebabCase('section').optional(),
  source: z.url({ protocol: /^https$/ }),
});

export const glossarySchema = z.array(glossaryEntrySchema).superRefine((entries, context) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.term))
      context.addIssue({ code: 'custom', path: [index, 'term'], message: `"${entry.term}" is defined twice` });
    seen.add(entry.term);
    if (entry.section && !entry.note)
      context.addIssue({ code: 'custom', path: [index, 'section'], message: 'section needs note' });
  });
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
