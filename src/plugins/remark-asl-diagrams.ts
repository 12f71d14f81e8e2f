import type { Element, ElementContent, Nodes as HastNodes } from 'hast';
import type { Code, Data, Root } from 'mdast';
// Type-only: adds `data.hName`, `hProperties` and `hChildren` to the mdast types.
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { fromHtml } from 'hast-util-from-html';
import { getLocation, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { renderAslSvg, unsupportedFeatures, validateAsl } from '../lib/state-machines/index.ts';
import { isRecord } from '../lib/state-machines/asl-describe.ts';
import { readExample, type AslExample } from '../lib/state-machines/asl-examples.ts';

/** The node this plugin inserts; remark-rehype turns it into the `<figure>` held in its `data`. */
export interface AslDiagramNode {
  type: 'aslDiagram';
  data: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    aslDiagram: AslDiagramNode;
  }
}

/** What a code block's meta string asks for: undefined unless it contains the word `asl`. */
export function parseAslMeta(meta: string | null | undefined): { title?: string } | undefined {
  if (!meta) return undefined;
  const words = [...meta.matchAll(/(\w[\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g)];
  if (!words.some(([whole]) => whole === 'asl')) return undefined;
  const title = words.find((word) => word[1] === 'title');
  const value = title?.[2] ?? title?.[3] ?? title?.[4];
  return value ? { title: value } : {};
}

/**
 * Draws every ```json asl code block as a state-machine diagram, right after the block. When a ```json asl-example
 * block follows (the execution's input and each Task's results), the figure also holds the step-through player
 * (`<asl-player>`), filled with that example. A block that is not JSON or not valid, or a machine with an example
 * that the player cannot run, fails the build with the note, the line and the state or field.
 */
export function remarkAslDiagrams() {
  return (tree: Root, file: VFile) => {
    let count = 0;
    visit(tree, 'code', (code: Code, index, parent) => {
      const meta = parseAslMeta(code.meta);
      if (!meta || !parent || index === undefined) return;
      const definition = parseJsonBlock(code, file);
      // The block right after may give the player's example; it becomes part of the figure.
      const next = parent.children[index + 1];
      const exampleBlock = next?.type === 'code' && next.meta?.split(/\s+/).includes('asl-example') ? next : undefined;
      // A machine with a player also has to be one it can run: the reader would find out only by pressing Step.
      const invalid = validateAsl(definition);
      const issues = invalid.length > 0 || !exampleBlock ? invalid : unsupportedFeatures(definition);
      if (issues.length > 0) {
        const details = issues.map(({ state, message, path }) => {
          const where = `${file.path}:${issueLine(code, state)}: ${state === undefined ? '' : `state "${state}": `}`;
          return `  ${where}${message} (at ${path})`;
        });
        const problem = invalid.length > 0 ? 'is not valid' : 'needs what the step-through player does not run';
        const heading = `The state machine in the code block at ${file.path}:${blockLine(code)} ${problem}`;
        file.fail(`${heading}:\n${details.join('\n')}`, code);
      }
      const example = exampleBlock && parseExample(exampleBlock, definition, file);
      count += 1;
      const comment = isRecord(definition) ? String(definition.Comment ?? '').trim() : '';
      const title = meta.title ?? (comment || 'State machine');
      const figure = diagramFigure(definition, example, title, `asl-diagram-${count}`);
      const diagram = { type: 'aslDiagram' as const, data: { hName: 'figure', ...figure } };
      parent.children.splice(index + 1, exampleBlock ? 1 : 0, diagram);
      return [SKIP, index + 2];
    });
    // The page links the diagrams' stylesheet only when the note has one.
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, aslDiagrams: count };
  };
}

function blockLine(code: Code): number {
  return code.position?.start.line ?? 1;
}

/** The example block's execution; a wrong one fails the build with the note, the line and the field. */
function parseExample(code: Code, definition: unknown, file: VFile): AslExample {
  const found = readExample(parseJsonBlock(code, file, 'The example execution'), definition);
  if ('example' in found) return found.example;
  const details = found.problems.map((problem) => `  ${file.path}:${blockLine(code)}: ${problem}`);
  file.fail(
    `The example execution in the code block at ${file.path}:${blockLine(code)} is not valid:\n${details.join('\n')}`,
    code,
  );
}

/** Parses the block's JSON (strictly, as JSON.parse would); a syntax error fails the build at its line in the note. */
function parseJsonBlock(code: Code, file: VFile, what = 'The state machine'): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(code.value, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (!error) return value;
  const before = code.value.slice(0, error.offset).split('\n');
  // The JSON starts on the line after the opening fence.
  const line = blockLine(code) + before.length;
  const column = before.at(-1)!.length + (code.position?.start.column ?? 1);
  const state = stateAt(code.value, error.offset);
  // `PropertyNameExpected` → `property name expected`.
  const reason = printParseErrorCode(error.error).replace(/\B[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  file.fail(
    `${what} in the code block at ${file.path}:${blockLine(code)} is not valid JSON, at ${file.path}:${line}:${column}${state === undefined ? '' : ` in state "${state}"`}: ${reason.toLowerCase()}`,
    { line, column },
  );
}

/** The state whose definition encloses `offset` (the innermost key directly inside a "States" object); works on broken JSON. */
export function stateAt(text: string, offset: number): string | undefined {
  const path = getLocation(text, offset).path;
  const index = path.findLastIndex((key, at) => path[at - 1] === 'States' && typeof key === 'string' && key !== '');
  return index === -1 ? undefined : String(path[index]);
}

/** The note line where a state is defined (its `"Name": {` key), or the block's line. */
function issueLine(code: Code, state: string | undefined): number {
  const key = new RegExp(`^\\s*${JSON.stringify(state ?? null).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
  const index = state === undefined ? -1 : code.value.split('\n').findIndex((line) => key.test(line));
  return index === -1 ? blockLine(code) : blockLine(code) + 1 + index;
}

/** The figure: the scrollable diagram, its caption, and the player's server-rendered markup. */
function diagramFigure(
  definition: unknown,
  example: AslExample | undefined,
  title: string,
  id: string,
): { hProperties: Element['properties']; hChildren: ElementContent[] } {
  const svg = fromHtml(renderAslSvg(definition, { title, idPrefix: id }), { fragment: true, space: 'svg' });
  // Positions would point into the generated SVG text, not into the note.
  visit(svg, (node: HastNodes) => void delete node.position);
  const drawing = svg.children.filter((node): node is ElementContent => node.type === 'element');
  return {
    hProperties: { id, className: ['asl-diagram'], dataPagefindIgnore: 'all' },
    // The caption comes first: HTML allows it only as the figure's first or last child, and the player is last.
    hChildren: [
      h('figcaption', title),
      // A scrolling region must be focusable so keyboard users can scroll it.
      h('section.asl-diagram-scroll', { tabIndex: 0, ariaLabel: `Diagram: ${title}` }, drawing),
      // Shown by the player when the diagram is wider than the screen; the scroll shadows hint at it before.
      h('p.asl-scroll-hint', { hidden: true }, 'More to the right: scroll sideways →'),
      ...(example ? [playerMarkup(definition, example, id)] : []),
    ],
  };
}

/**
 * The player as the page ships it: a note for readers without JavaScript, and the controls, hidden until
 * `<asl-player>` upgrades them, with the example filled in. Texts avoid glossary terms, which would turn into links
 * inside labels.
 */
function playerMarkup(definition: unknown, example: AslExample, id: string): Element {
  const pretty = (value: unknown) => JSON.stringify(value, null, 2);
  const field = (name: string, label: string, hint: string, value: unknown) =>
    h('div.asl-player-field', [
      h('label', { for: `${id}-${name}` }, label),
      h(`p.asl-player-hint#${id}-${name}-hint`, hint),
      h(
        `textarea#${id}-${name}`,
        {
          name,
          rows: 10,
          spellCheck: 'false',
          autoCapitalize: 'off',
          ariaDescribedBy: `${id}-${name}-hint ${id}-${name}-error`,
        },
        pretty(value),
      ),
      h(`p.asl-player-error#${id}-${name}-error`),
    ]);
  const mocksHint =
    'Each Task state’s name with the result it returns, or with { "error": "…", "cause": "…" } to make it fail.';
  const [first] = example.scenarios;
  return h('asl-player', { dataDefinition: JSON.stringify(definition), dataDiagram: id }, [
    h('p.asl-player-nojs', 'Stepping through this state machine needs JavaScript.'),
    // No heading here: it would join the note's table of contents.
    h('div.asl-player-ui', { role: 'group', ariaLabel: 'Step through an execution', hidden: true }, [
      h('div.asl-player-inputs', [
        field('input', 'Execution input', 'The event the execution starts with.', example.input),
        field('mocks', 'Task results', mocksHint, first?.mocks ?? {}),
      ]),
      h('div.asl-player-scenarios', { role: 'group', ariaLabelledBy: `${id}-scenarios` }, [
        h(`span#${id}-scenarios`, 'Example results:'),
        // Each button carries its results, which the player writes into the textarea.
        ...example.scenarios.map((scenario) =>
          h(
            'button',
            { type: 'button', dataMocks: pretty(scenario.mocks), ariaPressed: String(scenario === first) },
            scenario.label,
          ),
        ),
      ]),
      h('div.asl-player-controls', { role: 'group', ariaLabel: 'Execution' }, [
        h('button', { type: 'button', dataAction: 'step' }, 'Step'),
        h('button', { type: 'button', dataAction: 'run' }, 'Run to end'),
        h('button', { type: 'button', dataAction: 'reset' }, 'Reset'),
      ]),
      h('p.asl-player-status', { role: 'status' }),
      h('div.asl-player-panel'),
    ]),
  ]);
}
