import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * The one way content errors are found and worded: YAML is parsed with a LineCounter, a schema
 * problem's path is followed through the parsed document to its line, and every problem is
 * printed as `file:line: field: message`, the form editors and CI logs link up. Notes' frontmatter,
 * the glossary and the question files all go through here.
 */

/** One problem a schema found, as Zod reports it. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  /** Unknown keys, for Zod's "unrecognized keys" problems. */
  keys?: readonly string[];
}

/** A YAML text parsed so that any path in it can be turned into a line. */
export interface LocatedYaml {
  parsed: Document.Parsed;
  /** The parsed value, or undefined when the YAML has syntax errors. */
  data: unknown;
  /** `line: message` for each syntax error, 1-based lines in the whole file. */
  syntaxErrors: { line: number; message: string }[];
  /** The 1-based line in the whole file of the node a path points at. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parses YAML that starts at `firstLine` of its file (2 for frontmatter after the opening `---`).
 * A path leads to the key's line for a map field and to the item's line for a list index; a path
 * that goes nowhere stops at the closest enclosing node, and a missing top-level field at the
 * line before the YAML (the frontmatter's opening `---`, or line 1).
 */
export function locateYaml(source: string, firstLine = 1): LocatedYaml {
  const lines = new LineCounter();
  const parsed = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  const fallback = Math.max(1, firstLine - 1);
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? fallback : lines.linePos(offset).line + firstLine - 1;
  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = parsed.contents;
    let offset: number | undefined;
    for (const key of path) {
      if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        offset = (node as Node).range?.[0] ?? offset;
      } else if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else {
        break;
      }
    }
    return lineAt(offset);
  };
  const syntaxErrors = parsed.errors.map((error) => ({
    line: (error.linePos?.[0].line ?? 1) + firstLine - 1,
    message: error.message.split('\n')[0]!,
  }));
  return { parsed, data: syntaxErrors.length > 0 ? undefined : parsed.toJS(), syntaxErrors, lineOf };
}

/** A field path as an author reads it: `sources[1].url`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** Zod says "expected boolean, received undefined" for a field that is simply not there. */
export function readableMessage(message: string): string {
  const missing = message.match(/expected (\w+), received undefined$/);
  return missing ? `required field is missing (expected ${missing[1]})` : message;
}

/** One problem in the one format: `file:line: field: message`. */
export function formatProblem(file: string, line: number, field: string, message: string): string {
  return `${file}:${line}: ${field}: ${message}`;
}

/**
 * Every schema problem of a located YAML text, one line each. An unknown key is reported at the
 * key itself; `describe` can add context to a problem, e.g. which question it is in.
 */
export function schemaProblems(
  file: string,
  located: LocatedYaml,
  issues: readonly SchemaIssue[],
  options: { whole?: string; describe?: (path: readonly PropertyKey[]) => string } = {},
): string[] {
  return issues.map((issue) => {
    const where = issue.keys && issue.keys.length > 0 ? [...issue.path, issue.keys[0]!] : issue.path;
    const context = options.describe?.(issue.path) ?? '';
    return formatProblem(
      file,
      located.lineOf(where),
      fieldName(where) || options.whole || '(file)',
      `${readableMessage(issue.message)}${context}`,
    );
  });
}

/** Zod's issues in our shape, keeping the names of unknown keys. */
export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): SchemaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path,
    message: issue.message,
    ...('keys' in issue && Array.isArray(issue.keys) ? { keys: issue.keys as string[] } : {}),
  }));
}

/**
 * For a YAML list of named items (questions, glossary terms): a problem's context naming its item,
 * e.g. ` (question "fargate")`, from the item's `key` field.
 */
export function itemContext(data: unknown, key: string, label: string): (path: readonly PropertyKey[]) => string {
  return (path) => {
    const index = path[0];
    const item = typeof index === 'number' && Array.isArray(data) ? (data[index] as Record<string, unknown> | null) : null;
    const name = item?.[key];
    return typeof name === 'string' ? ` (${label} "${name}")` : '';
  };
}

/** The syntax errors of a located YAML text, one line each. */
export function syntaxProblems(file: string, located: LocatedYaml): string[] {
  return located.syntaxErrors.map((error) => formatProblem(file, error.line, '(yaml)', error.message));
}

/** What validateYaml needs of a Zod schema. */
interface YamlSchema<T> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Parses and validates a YAML content file, or throws one error listing every problem under
 * `heading`. A list of named items (`item`: the key naming each, and what to call it) gets each
 * problem's item named, e.g. `(question "fargate")`.
 */
export function validateYaml<T>(
  file: string,
  source: string,
  schema: YamlSchema<T>,
  options: { heading: string; item?: { key: string; label: string } },
): { data: T; located: LocatedYaml } {
  const located = locateYaml(source);
  if (located.syntaxErrors.length > 0) throw new Error(problemReport(options.heading, syntaxProblems(file, located)));
  const result = schema.safeParse(located.data);
  if (!result.success) {
    const describe = options.item ? itemContext(located.data, options.item.key, options.item.label) : undefined;
    throw new Error(
      problemReport(options.heading, schemaProblems(file, located, issuesOf(result.error), describe ? { describe } : {})),
    );
  }
  return { data: result.data, located };
}

/** A block of problems under one heading, as the build prints them. */
export function problemReport(heading: string, problems: readonly string[]): string {
  return `${heading}\n${problems.map((line) => `  ${line}`).join('\n')}`;
}

/** The YAML between a note's opening and closing `---`, which starts on line 2 of the file. */
export function frontmatterOf(source: string): string {
  const lines = source.split(/\r?\n/);
  if (lines[0] !== '---') return '';
  const end = lines.indexOf('---', 1);
  return lines.slice(1, end === -1 ? lines.length : end).join('\n');
}

/** The 1-based line of the frontmatter field a schema path points at (line 1 when it is missing). */
export function frontmatterLine(source: string, path: readonly PropertyKey[]): number {
  return locateYaml(frontmatterOf(source), 2).lineOf(path);
}

/** One line per frontmatter problem, under a heading naming the file. */
export function formatFrontmatterErrors(file: string, source: string, issues: readonly SchemaIssue[]): string {
  const located = locateYaml(frontmatterOf(source), 2);
  return problemReport(
    `Invalid frontmatter in ${file}:`,
    schemaProblems(file, located, issues, { whole: '(frontmatter)' }),
  );
}
