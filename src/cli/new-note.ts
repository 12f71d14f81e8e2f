// Scaffolds a note: npm run new -- "Title" --topic <topic>
// Writes content/notes/<slug>.mdx (or into NOTES_DIR) with valid frontmatter, and opens nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { TOPIC_IDS, type TopicId } from '../lib/content/topics.ts';
import { noteSlug, noteTemplate } from '../lib/content/note-template.ts';

function fail(message: string): never {
  console.error(`${message}\nUsage: npm run new -- "Title of the note" --topic <${TOPIC_IDS.join('|')}>`);
  process.exit(1);
}

const { values, positionals } = parseArgs({ options: { topic: { type: 'string' } }, allowPositionals: true });
const title = positionals.join(' ').trim();
if (!title) fail('Give the note a title.');
const topic = values.topic as TopicId | undefined;
if (!topic || !TOPIC_IDS.includes(topic)) fail(`--topic must be one of: ${TOPIC_IDS.join(', ')}.`);

const notesDir = process.env.NOTES_DIR ?? path.join(import.meta.dirname, '../../content/notes');
const file = path.join(notesDir, `${noteSlug(title)}.mdx`);
if (existsSync(file)) fail(`${path.relative(process.cwd(), file)} already exists.`);

// The new note goes last in its topic.
const orders = readdirSync(notesDir)
  .filter((name) => /\.mdx?$/.test(name))
  .map(
    (name) =>
      parseYaml(readFileSync(path.join(notesDir, name), 'utf8').split(/^---$/m)[1] ?? '') as {
        topic?: string;
        order?: number;
      },
  )
  .filter((frontmatter) => frontmatter.topic === topic)
  .map((frontmatter) => frontmatter.order ?? 0);
const order = Math.max(0, ...orders) + 1;

writeFileSync(file, noteTemplate({ title, topic, order, date: new Date().toISOString().slice(0, 10) }));
console.log(`Created ${path.relative(process.cwd(), file)}: /notes/${noteSlug(title)}/`);
