/**
 * Deterministic synthetic corpus for the benchmark: N study notes with headings, prose, lists,
 * a table, a code block, inline code and links between notes, written twice with the same body:
 * once with this site's frontmatter and once with Starlight's.
 *
 *   node bench/corpus.ts --count 100 --out /tmp/corpus [--seed 42]
 *
 * writes /tmp/corpus/ours/notes/*.mdx and /tmp/corpus/starlight/src/content/docs/{index.mdx,notes/*.mdx}.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Random } from './lib/random.ts';
import {
  ADJECTIVES,
  ADVERBS,
  CONDITIONS,
  NOUNS,
  OUTCOMES,
  TITLE_LEADS,
  TITLE_TAILS,
  TOPIC_WORDS,
  VERBS,
  type TopicId,
  type TopicWords,
} from './lib/vocabulary.ts';

export const DEFAULT_SEED = 20261124;

export interface SyntheticNote {
  slug: string;
  title: string;
  description: string;
  topic: TopicId;
  tags: string[];
  order: number;
  lectures: { label: string; url: string }[];
  sources: { label: string; url: string }[];
  updated: string;
  body: string;
}

export interface WrittenCorpus {
  notes: SyntheticNote[];
  /** Folder of MDX notes for this site (NOTES_DIR). */
  oursNotesDir: string;
  /** Starlight's `src/content/docs` folder: index.mdx and notes/. */
  starlightDocsDir: string;
  /** The note in the middle of the corpus, measured as the representative page. */
  representative: SyntheticNote;
}

/** Builds the notes in memory; the same (count, seed) always gives the same notes. */
export function generateNotes(count: number, seed = DEFAULT_SEED): SyntheticNote[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
  const random = new Random(seed);
  const slugs = new Set<string>();
  const perTopic = new Map<TopicId, number>();
  const skeletons: Omit<SyntheticNote, 'body'>[] = [];

  for (let index = 0; index < count; index++) {
    const words = TOPIC_WORDS[index % TOPIC_WORDS.length]!;
    const concept = random.pick(words.concepts);
    const lead = random.pick(TITLE_LEADS);
    const tail = random.pick(TITLE_TAILS);
    let title = [lead, concept, tail].filter(Boolean).join(' ');
    let slug = slugify(title);
    for (let part = 2; slugs.has(slug); part++) {
      title = `${[lead, concept, tail].filter(Boolean).join(' ')}, part ${part}`;
      slug = slugify(title);
    }
    slugs.add(slug);
    const order = perTopic.get(words.id) ?? 0;
    perTopic.set(words.id, order + 1);
    const service = random.pick(words.services);
    skeletons.push({
      slug,
      title,
      description: `${capitalise(concept)} with ${service}: how it works, what it costs, and the settings that matter in practice.`,
      topic: words.id,
      tags: random.sample(words.tags, random.int(2, 5)),
      order,
      lectures: random.chance(0.5)
        ? [
            {
              label: capitalise(concept),
              url: `https://www.udemy.com/course/aws-certified-machine-learning-engineer-associate-mla-c01/learn/lecture/${45000000 + index}`,
            },
          ]
        : [],
      sources: Array.from({ length: random.int(1, 4) }, (_, n) => ({
        label: `${service} developer guide, ${n === 0 ? capitalise(concept) : random.pick(words.concepts)}`,
        url: `https://docs.aws.amazon.com/${words.docsPath}/${slugify(random.pick(words.concepts))}.html`,
      })),
      updated: isoDate(Date.UTC(2026, 0, 1) + random.int(0, 320) * 86_400_000),
    });
  }

  return skeletons.map((note, index) => ({ ...note, body: noteBody(random, note, index, skeletons) }));
}

function noteBody(
  random: Random,
  note: Omit<SyntheticNote, 'body'>,
  index: number,
  all: Omit<SyntheticNote, 'body'>[],
): string {
  const words = TOPIC_WORDS.find((topic) => topic.id === note.topic)!;
  const others = all.length > 1 ? all.filter((_, other) => other !== index) : [];
  const links = random.sample(others, Math.min(others.length, random.int(2, 4)));
  const sectionCount = random.int(2, 6);
  const tableAt = random.int(0, sectionCount - 1);
  const codeAt = random.int(0, sectionCount - 1);
  const usedHeadings = new Set<string>();
  const blocks: string[] = [paragraph(random, words, 3)];

  for (let section = 0; section < sectionCount; section++) {
    blocks.push(`## ${uniqueHeading(random, words, usedHeadings)}`);
    blocks.push(paragraph(random, words));
    if (links.length > 0 && (random.chance(0.5) || section === sectionCount - 1)) {
      const target = links.shift()!;
      blocks.push(`This ties in with [${target.title}](/notes/${target.slug}/). ${sentence(random, words)}`);
    }
    if (section === tableAt) blocks.push(table(random, words));
    const subsections = random.int(0, 3);
    for (let sub = 0; sub < subsections; sub++) {
      blocks.push(`### ${uniqueHeading(random, words, usedHeadings)}`);
      blocks.push(paragraph(random, words));
      if (random.chance(0.4)) blocks.push(bullets(random, words));
      if (random.chance(0.3)) blocks.push(paragraph(random, words, 2));
    }
    if (section === codeAt) blocks.push(codeBlock(random, words));
    if (random.chance(0.3)) blocks.push(bullets(random, words));
  }
  for (const target of links) {
    blocks.push(
      `See also [${target.title}](/notes/${target.slug}/), which covers the ${random.pick(NOUNS)} side of the same problem.`,
    );
  }
  return `${blocks.join('\n\n')}\n`;
}

function uniqueHeading(random: Random, words: TopicWords, used: Set<string>): string {
  const shapes = [
    () => `How ${random.pick(words.concepts)} ${random.pick(VERBS)} each ${random.pick(NOUNS)}`,
    () => `${capitalise(random.pick(ADJECTIVES))} ${random.pick(NOUNS)}s`,
    () => `When ${random.pick(CONDITIONS)}`,
    () => `${capitalise(random.pick(words.concepts))} and ${random.pick(NOUNS)} limits`,
    () => `Choosing a ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`,
  ];
  let heading = random.pick(shapes)();
  while (used.has(heading.toLowerCase())) heading = `${random.pick(shapes)()} ${used.size}`;
  used.add(heading.toLowerCase());
  return heading;
}

function sentence(random: Random, words: TopicWords): string {
  const noun = () => random.pick(NOUNS);
  const shapes = [
    () =>
      `The ${random.pick(ADJECTIVES)} ${noun()} ${random.pick(VERBS)} every ${noun()} when ${random.pick(CONDITIONS)}.`,
    () =>
      `${random.pick(words.services)} ${random.pick(VERBS)} the ${noun()} ${random.pick(ADVERBS)}, so ${random.pick(OUTCOMES)}.`,
    () => `Set \`${random.pick(words.identifiers)}\` on the ${noun()} and ${random.pick(OUTCOMES)}.`,
    () =>
      `A ${random.pick(ADJECTIVES)} deployment of ${random.pick(words.concepts)} ${random.pick(VERBS)} one ${noun()} at a time.`,
    () =>
      `If ${random.pick(CONDITIONS)}, ${random.pick(words.services)} ${random.pick(VERBS)} the ${random.pick(ADJECTIVES)} ${noun()}.`,
    () => `In the exam, ${random.pick(words.concepts)} is the answer when ${random.pick(CONDITIONS)}.`,
    () =>
      `Each ${noun()} keeps its own ${noun()}, which ${random.pick(VERBS)} the ${noun()} without touching the ${noun()}.`,
    () =>
      `Without ${random.pick(words.concepts)}, the ${noun()} ${random.pick(VERBS)} nothing and ${random.pick(CONDITIONS)} goes unnoticed.`,
  ];
  return random.pick(shapes)();
}

function paragraph(random: Random, words: TopicWords, minimum = 3): string {
  return Array.from({ length: random.int(minimum, minimum + 3) }, () => sentence(random, words)).join(' ');
}

function bullets(random: Random, words: TopicWords): string {
  return Array.from({ length: random.int(3, 6) }, () => {
    const item = random.chance(0.4)
      ? `\`${random.pick(words.identifiers)}\`: ${random.pick(VERBS)} the ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}.`
      : `**${capitalise(random.pick(NOUNS))}**: ${sentence(random, words)}`;
    return `- ${item}`;
  }).join('\n');
}

function table(random: Random, words: TopicWords): string {
  const rows = Array.from({ length: random.int(3, 6) }, () => {
    const setting = `\`${random.pick(words.identifiers)}\``;
    const value = random.chance(0.5) ? String(random.int(1, 600)) : random.pick(ADJECTIVES);
    const effect = `${capitalise(random.pick(VERBS))} the ${random.pick(NOUNS)}`;
    return `| ${setting} | ${value} | ${effect} | ${random.pick(['Yes', 'No', 'Optional'])} |`;
  });
  return ['| Setting | Typical value | Effect | Required |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function codeBlock(random: Random, words: TopicWords): string {
  const name = slugify(`${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`);
  const number = random.int(2, 20);
  const identifier = random.pick(words.identifiers).replace(/[^A-Za-z0-9]/g, '');
  const samples: [string, string][] = [
    [
      'python',
      [
        'import boto3',
        '',
        'client = boto3.client("sagemaker")',
        '',
        `def update_${name.replace(/-/g, '_')}(endpoint_name: str, weight: float = 0.${number}) -> dict:`,
        `    """Shift ${number} percent of traffic and wait for the alarms to settle."""`,
        '    response = client.update_endpoint_weights_and_capacities(',
        '        EndpointName=endpoint_name,',
        `        DesiredWeightsAndCapacities=[{"VariantName": "${identifier || 'candidate'}", "DesiredWeight": weight}],`,
        '    )',
        `    return {"arn": response["EndpointArn"], "steps": ${number}}`,
      ].join('\n'),
    ],
    [
      'bash',
      [
        'set -euo pipefail',
        `aws sagemaker describe-endpoint --endpoint-name ${name} --query 'EndpointStatus'`,
        `kubectl scale deployment/${name} --replicas=${number}`,
        `for attempt in $(seq 1 ${number}); do`,
        `  kubectl rollout status deployment/${name} --timeout=60s && break`,
        '  sleep 5',
        'done',
      ].join('\n'),
    ],
    [
      'yaml',
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        `  replicas: ${number}`,
        '  template:',
        '    spec:',
        '      containers:',
        `        - name: ${name}`,
        `          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/${name}:latest`,
        '          resources:',
        '            limits:',
        `              memory: ${number * 256}Mi`,
      ].join('\n'),
    ],
    [
      'json',
      [
        '{',
        `  "Comment": "${capitalise(random.pick(words.concepts))}",`,
        '  "StartAt": "Train",',
        '  "States": {',
        '    "Train": {',
        '      "Type": "Task",',
        '      "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",',
        `      "Retry": [{ "ErrorEquals": ["States.ALL"], "MaxAttempts": ${number}, "BackoffRate": 2 }],`,
        '      "End": true',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    ],
  ];
  const [language, code] = random.pick(samples);
  return `\`\`\`${language}\n${code}\n\`\`\``;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isoDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/** YAML double-quoted scalars are JSON strings. */
const yamlString = (text: string): string => JSON.stringify(text);

/** The note as this site reads it: every field of its frontmatter schema. */
export function ourNoteFile(note: SyntheticNote): string {
  const links = (items: { label: string; url: string }[]) =>
    items.length === 0
      ? ' []'
      : `\n${items.map((item) => `  - label: ${yamlString(item.label)}\n    url: ${item.url}`).join('\n')}`;
  return [
    '---',
    `title: ${yamlString(note.title)}`,
    `description: ${yamlString(note.description)}`,
    `topic: ${note.topic}`,
    `tags: [${note.tags.join(', ')}]`,
    `order: ${note.order}`,
    `lectures:${links(note.lectures)}`,
    `sources:${links(note.sources)}`,
    `updated: ${note.updated}`,
    'draft: false',
    '---',
    '',
    note.body,
  ].join('\n');
}

/** The same note for Starlight, whose docs schema needs a title and takes a description. */
export function starlightNoteFile(note: SyntheticNote): string {
  return [
    '---',
    `title: ${yamlString(note.title)}`,
    `description: ${yamlString(note.description)}`,
    '---',
    '',
    note.body,
  ].join('\n');
}

function starlightHome(notes: SyntheticNote[]): string {
  return [
    '---',
    'title: Study notes',
    'description: Synthetic study notes on machine learning operations, generated for the benchmark.',
    '---',
    '',
    `${notes.length} notes on model deployment, containers, infrastructure, orchestration and deep learning frameworks.`,
    `Start with [${notes[0]!.title}](/notes/${notes[0]!.slug}/).`,
    '',
  ].join('\n');
}

/** Writes both variants under `outDir` (emptied first) and returns where they are. */
export async function writeCorpus(outDir: string, count: number, seed = DEFAULT_SEED): Promise<WrittenCorpus> {
  const notes = generateNotes(count, seed);
  await rm(outDir, { recursive: true, force: true });
  const oursNotesDir = path.join(outDir, 'ours', 'notes');
  const starlightDocsDir = path.join(outDir, 'starlight', 'src', 'content', 'docs');
  await mkdir(oursNotesDir, { recursive: true });
  await mkdir(path.join(starlightDocsDir, 'notes'), { recursive: true });
  await writeFile(path.join(starlightDocsDir, 'index.mdx'), starlightHome(notes));
  for (const note of notes) {
    await writeFile(path.join(oursNotesDir, `${note.slug}.mdx`), ourNoteFile(note));
    await writeFile(path.join(starlightDocsDir, 'notes', `${note.slug}.mdx`), starlightNoteFile(note));
  }
  return { notes, oursNotesDir, starlightDocsDir, representative: notes[Math.floor(notes.length / 2)]! };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100' },
      out: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
    },
  });
  if (!values.out) {
    console.error('Usage: node bench/corpus.ts --count 100 --out /tmp/corpus [--seed 20261124]');
    process.exit(2);
  }
  const corpus = await writeCorpus(path.resolve(values.out), Number(values.count), Number(values.seed));
  console.log(
    `Wrote ${corpus.notes.length} notes to ${corpus.oursNotesDir} and ${corpus.starlightDocsDir}; representative: /notes/${corpus.representative.slug}/`,
  );
}
