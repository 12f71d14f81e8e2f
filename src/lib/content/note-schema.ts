import { z } from 'astro/zod';
import { TOPIC_IDS } from './topics.ts';
import { kebabCase } from './ids.ts';

/** A labelled link; `hosts` limits which sites the URL may point to. */
function labelledLink(kind: string, hosts?: readonly string[]) {
  return z.strictObject({
    label: z.string().trim().min(1, `${kind} label must not be empty`),
    url: z
      .url({ protocol: /^https$/, error: `${kind} url must be an absolute https:// URL` })
      .refine(
        (url) =>
          !hosts || hosts.some((host) => new URL(url).hostname === host || new URL(url).hostname.endsWith(`.${host}`)),
        { message: `${kind} url must be on ${hosts?.join(' or ')}` },
      ),
  });
}

/** Hosts of the online course whose lectures the notes follow. */
export const COURSE_HOSTS = ['udemy.com'] as const;

/**
 * Sites whose pages count as official sources: AWS documentation, and the projects' own
 * documentation, repositories and papers. Every note rests on at least one of them.
 */
export const OFFICIAL_SOURCE_HOSTS = [
  'docs.aws.amazon.com',
  'aws.amazon.com',
  'boto3.amazonaws.com',
  'sagemaker.readthedocs.io',
  'kubernetes.io',
  'kubernetes-sigs.github.io',
  'horovod.readthedocs.io',
  'ludwig.ai',
  'github.com',
  'arxiv.org',
] as const;

function isOfficial(url: string): boolean {
  const host = new URL(url).hostname;
  return OFFICIAL_SOURCE_HOSTS.some((official) => host === official || host.endsWith(`.${official}`));
}

/** Frontmatter every note must carry; unknown keys are errors so typos in field names surface. */
export const noteSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty'),
  description: z.string().trim().min(20, 'description must be a sentence of at least 20 characters'),
  topic: z.enum(TOPIC_IDS, { error: `topic must be one of: ${TOPIC_IDS.join(', ')}` }),
  tags: z
    .array(kebabCase('tags'))
    .min(1, 'tags must list at least one tag'),
  order: z.number().int().nonnegative(),
  lectures: z.array(labelledLink('lecture', COURSE_HOSTS)),
  sources: z
    .array(labelledLink('source'))
    .min(1, 'sources must list at least one official page')
    .refine(
      (sources) => sources.length === 0 || sources.some((source) => URL.canParse(source.url) && isOfficial(source.url)),
      {
        message: `sources must include an official page (${OFFICIAL_SOURCE_HOSTS.join(', ')})`,
      },
    ),
  updated: z.coerce.date({ error: 'updated must be a date such as 2026-11-24' }),
  draft: z.boolean(),
});

export type NoteFrontmatter = z.infer<typeof noteSchema>;
