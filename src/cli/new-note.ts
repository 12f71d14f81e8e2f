// Scaffolds a note: npm run new -- "Title" --topic <topic> [--folder <subfolder>]
// Writes content/notes/[<subfolder>/]<slug>.mdx (or below NOTES_DIR) with valid frontmatter.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { TOPIC_IDS, type TopicId } from '../lib/content/topics.ts';
import { noteSlug, noteTemplate } from '../lib/content/note-template.ts';
import { KEBAB_CASE } from '../lib/content/ids.ts';
import { contentPaths, displayPath, listNoteFiles } from '../node/content-paths.ts';

function fail(message: string): never {
  console.error(
    `${message}\nUsage: npm run new -- "Title of the note" --topic <${TOPIC_IDS.join('|')}> [--folder <subfolder>]`,
  );
  process.exit(1);
}

const { values, positionals } = parseArgs({
  options: { topic: { type: 'string' }, folder: { type: 'string' } },
  allowPositionals: true,
});
const title = positionals.join(' ').trim();
if (!title) fail('Give the note a title.');
const topic = values.topic as TopicId | undefined;
if (!topic || !TOPIC_IDS.includes(topic)) fail(`--topic must be one of: ${TOPIC_IDS.join(', ')}.`);
// A subfolder becomes part of the note's id and URL (`aws/eks` at /notes/aws/eks/), so it follows the id rules.
const folder = values.folder?.replace(/^\/+|\/+$/g, '') ?? '';
if (folder && !folder.split('/').every((part) => KEBAB_CASE.test(part)))
  fail('--folder must be lowercase words joined by hyphens, e.g. aws or aws/containers.');

const notesDir = contentPaths().notes;
const id = folder ? `${folder}/${noteSlug(title)}` : noteSlug(title);
const file = path.join(notesDir, `${id}.mdx`);
if (existsSync(file)) fail(`${displayPath(file)} already exists.`);

// The new note goes last in its topic.
const orders = listNoteFiles(notesDir)
  .map(
    (note) =>
      parseYaml(readFileSync(note.file, 'utf8').split(/^---$/m)[1] ?? '') as {
        topic?: string;
        order?: number;
      },
  )
  .filter((frontmatter) => frontmatter.topic === topic)
  .map((frontmatter) => frontmatter.order ?? 0);
const order = Math.max(0, ...orders) + 1;

mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, noteTemplate({ title, topic, order, date: new Date().toISOString().slice(0, 10) }));
console.log(`Created ${displayPath(file)}: /notes/${id}/`);
