/** One problem a schema found, as Zod reports it. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The 1-based line of the frontmatter field a schema path points at (`['sources', 1, 'url']`
 * finds the `url:` of the second item under `sources:`). Falls back to the closest enclosing
 * field that exists, and to line 1 (the opening `---`) for a field that is missing altogether.
 */
export function frontmatterLine(source: string, path: readonly PropertyKey[]): number {
  const lines = source.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  const frontmatterEnd = end === -1 ? lines.length : end;
  let line = 0;
  let indent = -1;
  let insideListItem = false;
  for (const key of path) {
    // A list item's first key sits on the item's own `- ` line.
    const from = insideListItem ? line : line + 1;
    const found =
      typeof key === 'number'
        ? findListItem(lines, from, frontmatterEnd, indent, key)
        : findKey(lines, from, frontmatterEnd, indent, String(key));
    if (!found) break;
    [line, indent] = found;
    insideListItem = typeof key === 'number';
  }
  return line + 1;
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** Finds `key:` deeper than `parentIndent`, stopping when the parent block ends. */
function findKey(
  lines: string[],
  from: number,
  to: number,
  parentIndent: number,
  key: string,
): [number, number] | undefined {
  for (let index = from; index < to; index++) {
    const text = lines[index]!;
    if (text.trim() === '') continue;
    const indent = indentOf(text);
    if (index > from && indent <= parentIndent && !text.trimStart().startsWith('- ')) return undefined;
    const body = text.trimStart().replace(/^- /, '');
    if (body.startsWith(`${key}:`)) return [index, indent + (text.trimStart().startsWith('- ') ? 2 : 0)];
  }
  return undefined;
}

/** Finds the `n`th `- ` item of the list that starts below `from`. */
function findListItem(
  lines: string[],
  from: number,
  to: number,
  parentIndent: number,
  n: number,
): [number, number] | undefined {
  let seen = -1;
  for (let index = from; index < to; index++) {
    const text = lines[index]!;
    if (text.trim() === '') continue;
    const indent = indentOf(text);
    if (indent <= parentIndent && !text.trimStart().startsWith('- ')) return undefined;
    if (text.trimStart().startsWith('- ') && indent <= parentIndent + 2) {
      seen++;
      if (seen === n) return [index, indent];
    }
  }
  return undefined;
}

/** A field path as an author reads it: `sources[1].url`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** Zod says "expected boolean, received undefined" for a field that is simply not there. */
function readableMessage(message: string): string {
  const missing = message.match(/expected (\w+), received undefined$/);
  return missing ? `required field is missing (expected ${missing[1]})` : message;
}

/** One line per problem, `file:line: field: message`, the format editors and CI logs link up. */
export function formatFrontmatterErrors(file: string, source: string, issues: readonly SchemaIssue[]): string {
  const problems = issues.map((issue) => {
    const field = fieldName(issue.path) || '(frontmatter)';
    return `${file}:${frontmatterLine(source, issue.path)}: ${field}: ${readableMessage(issue.message)}`;
  });
  return `Invalid frontmatter in ${file}:\n${problems.map((line) => `  ${line}`).join('\n')}`;
}
