/**
 * Renders a state machine as a self-contained, accessible SVG string: `role="img"` with a `<title>` and a
 * `<desc>` summarising the flow; a `<g class="asl-state asl-<type>" data-state="<name>">` per state (Start and
 * End are `asl-terminal`). Shapes tell the types apart without colour (Choice diamond, Pass dashed, Wait dotted,
 * Succeed and Fail doubled, Fail marked ✕, Parallel and Map dashed containers; catch edges dashed). Colours are
 * CSS custom properties with light fallbacks, so a dark theme only sets the variables; no inline style.
 */
import type { AslLayoutEdge, AslLayoutNode } from './asl-types.ts';
import { describeChoiceRule, isRecord, shortResource } from './asl-describe.ts';
import { labelBoxWidth, layoutAsl, subMachines } from './asl-layout.ts';

export interface AslSvgOptions {
  /** The accessible name of the diagram. */
  title: string;
  /** Prefix of the ids inside the SVG; must be unique on the page. Derived from the title and definition if absent. */
  idPrefix?: string;
  /** Replaces the generated text summary in `<desc>`. */
  description?: string;
}

const COLOURS: Record<string, [background: string, border: string]> = {
  task: ['#e8f0fe', '#1a73e8'],
  pass: ['#f1f3f4', '#5f6368'],
  wait: ['#fef7e0', '#b06000'],
  choice: ['#f3e8fd', '#8430ce'],
  succeed: ['#e6f4ea', '#137333'],
  fail: ['#fce8e6', '#c5221f'],
  parallel: ['#f8f9fa', '#5f6368'],
  map: ['#f8f9fa', '#5f6368'],
};
const TEXT = 'var(--asl-text, #202124)';
const MUTED = 'var(--asl-muted, #5f6368)';
const EDGE = 'var(--asl-edge, #5f6368)';

/** Escapes text for XML text and attribute values. */
export function escapeXml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

type Attributes = Record<string, string | number | undefined>;

/** An element with escaped attributes; with `content`, a string of escaped text or a list of child markup. */
function element(name: string, attributes: Attributes, content?: string | string[]): string {
  const written = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  if (content === undefined) return `<${name}${written}/>`;
  const inner = typeof content === 'string' ? escapeXml(content) : `\n${content.join('\n')}\n`;
  return `<${name}${written}>${inner}</${name}>`;
}

function text(x: number, y: number, size: number, fill: string, content: string, extra: Attributes = {}): string {
  const at = { x: round(x), y: round(y), 'text-anchor': 'middle', 'dominant-baseline': 'central' };
  return element('text', { ...extra, ...at, 'font-size': size, fill }, content);
}

export function renderAslSvg(definition: unknown, options: AslSvgOptions = { title: 'State machine diagram' }): string {
  const layout = layoutAsl(definition);
  const seed = `${options.title}\n${JSON.stringify(definition) ?? ''}`;
  const prefix = sanitiseId(options.idPrefix ?? `asl-${hash(seed)}`);
  // Labels of edges that loop back can stick out of the layout.
  const labels = layout.edges.flatMap(({ label, labelPosition: at }) =>
    label === undefined || !at ? [] : [{ x: at.x, y: at.y, half: labelBoxWidth(label) / 2 + 4 }],
  );
  const minX = Math.min(0, ...labels.map((label) => label.x - label.half));
  const minY = Math.min(0, ...labels.map((label) => label.y - 12));
  const width = round(Math.max(layout.width, ...labels.map((label) => label.x + label.half)) - minX);
  const height = round(Math.max(layout.height, ...labels.map((label) => label.y + 12)) - minY);
  const marker = element(
    'marker',
    {
      id: `${prefix}-arrow`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 8,
      markerHeight: 8,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto-start-reverse',
    },
    [element('path', { d: 'M0,0 L10,5 L0,10 z', fill: EDGE })],
  );
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'asl-diagram',
      role: 'img',
      'aria-labelledby': `${prefix}-title ${prefix}-desc`,
      width,
      height,
      viewBox: `${round(minX)} ${round(minY)} ${width} ${height}`,
      'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    },
    [
      element('title', { id: `${prefix}-title` }, options.title),
      element('desc', { id: `${prefix}-desc` }, options.description ?? describeAslFlow(definition)),
      element('defs', {}, [marker]),
      ...layout.nodes.filter((node) => node.container).map(renderContainer),
      element(
        'g',
        { class: 'asl-edges' },
        layout.edges.map((edge) => renderEdge(edge, `${prefix}-arrow`)),
      ),
      ...layout.nodes.filter((node) => !node.container).map(renderNode),
    ],
  );
}

function renderEdge(edge: AslLayoutEdge, arrow: string): string {
  const d = edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');
  const dash = edge.kind === 'catch' ? '6 4' : undefined;
  const parts = [
    element('path', {
      d,
      fill: 'none',
      stroke: EDGE,
      'stroke-width': 1.5,
      'stroke-dasharray': dash,
      'marker-end': `url(#${arrow})`,
    }),
  ];
  if (edge.label !== undefined && edge.labelPosition) {
    const { x, y } = edge.labelPosition;
    const w = labelBoxWidth(edge.label);
    parts.push(
      element('rect', {
        class: 'asl-edge-label-bg',
        x: round(x - w / 2),
        y: round(y - 9),
        width: round(w),
        height: 18,
        rx: 3,
        fill: 'var(--asl-label-bg, #ffffff)',
        'fill-opacity': 0.92,
      }),
      text(x, y, 11, 'var(--asl-label-text, #3c4043)', edge.label, { class: 'asl-edge-label' }),
    );
  }
  const kind = `asl-edge asl-edge-${edge.kind}${edge.back ? ' asl-edge-back' : ''}`;
  return element('g', { class: kind, 'data-from': edge.from, 'data-to': edge.to }, parts);
}

/** Fill and stroke of a node type, as custom properties with light-theme fallbacks. */
function paint(kind: string): { fill: string; stroke: string } {
  const [background, border] = COLOURS[kind] ?? ['#ffffff', '#3c4043'];
  return { fill: `var(--asl-${kind}-bg, ${background})`, stroke: `var(--asl-${kind}-border, ${border})` };
}

function renderContainer(node: AslLayoutNode): string {
  const kind = node.type.toLowerCase();
  const { stroke } = paint(kind);
  const { x, y, width, height } = node;
  const centre = x + width / 2;
  const lanes = (node.lanes ?? []).flatMap((lane) => [
    element('rect', {
      class: 'asl-lane',
      ...box(lane),
      rx: 6,
      fill: 'none',
      stroke,
      'stroke-width': 1,
      'stroke-dasharray': '3 3',
    }),
    element(
      'text',
      {
        class: 'asl-lane-label',
        x: round(lane.x + 8),
        y: round(lane.y + 11),
        'dominant-baseline': 'central',
        'font-size': 11,
        fill: MUTED,
      },
      lane.label,
    ),
  ]);
  return element('g', { class: `asl-state asl-${kind} asl-container`, 'data-state': node.name }, [
    element('title', {}, `${node.name} (${node.type})`),
    element('rect', { x, y, width, height, rx: 10, ...paint(kind), 'stroke-width': 1.5, 'stroke-dasharray': '8 4' }),
    text(centre, y + 18, 13, TEXT, node.label, { 'font-weight': 600 }),
    text(centre, y + 34, 11, MUTED, `${node.type}${node.subtitle ? `: ${node.subtitle}` : ''}`),
    ...lanes,
  ]);
}

function box({ x, y, width, height }: { x: number; y: number; width: number; height: number }): Attributes {
  return { x: round(x), y: round(y), width: round(width), height: round(height) };
}

function renderNode(node: AslLayoutNode): string {
  const kind = node.type.toLowerCase();
  const { x, y, width: w, height: h } = node;
  const [cx, cy] = [round(x + w / 2), round(y + h / 2)];
  const style = { ...paint(kind), 'stroke-width': 1.5 };
  const shape: string[] = [];
  if (node.type === 'Choice') {
    shape.push(
      element('polygon', { points: `${cx},${y} ${round(x + w)},${cy} ${cx},${round(y + h)} ${x},${cy}`, ...style }),
    );
  } else if (node.type === 'Start' || node.type === 'Succeed' || node.type === 'Fail' || node.type === 'End') {
    shape.push(element('rect', { ...box(node), rx: round(h / 2), ...style }));
    // A doubled border marks where an execution (or a branch) stops.
    if (node.type !== 'Start') {
      const inner = { x: x + 3, y: y + 3, width: w - 6, height: h - 6 };
      shape.push(
        element('rect', { ...box(inner), rx: round(h / 2 - 3), fill: 'none', stroke: style.stroke, 'stroke-width': 1 }),
      );
    }
  } else {
    const dash = { Pass: '6 3', Wait: '2 3' }[node.type as string];
    shape.push(element('rect', { ...box(node), rx: 6, ...style, 'stroke-dasharray': dash }));
  }
  const name = node.type === 'Fail' ? `✕ ${node.label}` : node.label;
  const lines =
    node.subtitle === undefined
      ? [text(cx, cy, 13, TEXT, name)]
      : [text(cx, cy - 8, 13, TEXT, name), text(cx, cy + 10, 11, MUTED, node.subtitle, { class: 'asl-subtitle' })];
  if (node.type === 'Start' || node.type === 'End') {
    return element('g', { class: `asl-terminal asl-${kind}`, 'data-terminal': kind }, [...shape, ...lines]);
  }
  const tooltip = `${node.name} (${node.type}${node.subtitle ? `: ${node.subtitle}` : ''})`;
  return element('g', { class: `asl-state asl-${kind}`, 'data-state': node.name }, [
    element('title', {}, tooltip),
    ...shape,
    ...lines,
  ]);
}

/**
 * A plain-text summary of the flow, state by state in the order they are reached (the main path first, error
 * handlers after it), e.g. "Starts at Train. Train (Task, sagemaker:createTrainingJob.sync) then goes to ...".
 */
export function describeAslFlow(definition: unknown): string {
  return isRecord(definition)
    ? describeMachine(definition, 'the execution').join(' ')
    : 'Not a state machine definition.';
}

function describeMachine(machine: Record<string, unknown>, scope: string): string[] {
  const states = isRecord(machine.States) ? machine.States : {};
  if (Object.keys(states).length === 0) return ['It has no states.'];
  const ordered = new Set<string>();
  const handlers: string[] = [];
  const visit = (name: unknown): void => {
    if (typeof name !== 'string' || ordered.has(name) || !(name in states)) return;
    ordered.add(name);
    const state = isRecord(states[name]) ? states[name] : {};
    handlers.push(...records(state.Catch).map((catcher) => String(catcher.Next)));
    [...records(state.Choices).map((rule) => rule.Next), state.Default, state.Next].forEach(visit);
  };
  visit(machine.StartAt);
  while (handlers.length > 0) visit(handlers.shift());
  const unreachable = Object.keys(states).filter((name) => !ordered.has(name));
  const start = typeof machine.StartAt === 'string' ? `Starts at ${machine.StartAt}.` : 'Has no StartAt.';
  return [
    start,
    ...[...ordered, ...unreachable].flatMap((name) =>
      describeState(name, states[name], scope, unreachable.includes(name)),
    ),
  ];
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function describeState(name: string, state: unknown, scope: string, unreachable: boolean): string[] {
  if (!isRecord(state)) return [`${name} is not a valid state.`];
  const resource =
    state.Type === 'Task' && typeof state.Resource === 'string' ? `, ${shortResource(state.Resource)}` : '';
  const head = `${name} (${String(state.Type)}${resource})${unreachable ? ', which nothing leads to,' : ''}`;
  const then =
    state.End === true ? `ends ${scope}` : state.Next ? `then goes to ${String(state.Next)}` : 'has no next state';
  const inside = subMachines(state);
  const parallel = state.Type === 'Parallel';
  let main: string;
  if (state.Type === 'Choice') {
    const rules = records(state.Choices).map(
      (rule) => `if ${describeChoiceRule(rule)} it goes to ${String(rule.Next)}`,
    );
    const otherwise = state.Default
      ? `otherwise it goes to ${String(state.Default)}`
      : 'otherwise the execution fails (no Default)';
    main = `${head}: ${[...rules, otherwise].join('; ')}.`;
  } else if (state.Type === 'Succeed') {
    main = `${head} ends ${scope} successfully.`;
  } else if (state.Type === 'Fail') {
    const cause = typeof state.Cause === 'string' ? ` Cause: ${state.Cause}` : '';
    main = `${head} ends ${scope} with error ${String(state.Error ?? 'unspecified')}.${cause}`;
  } else {
    const wait =
      typeof state.Seconds === 'number'
        ? ` ${state.Seconds} seconds`
        : state.Timestamp
          ? ` until ${String(state.Timestamp)}`
          : '';
    const items = String(state.ItemsPath ?? 'its input');
    const doing = {
      Wait: ` waits${wait} and`,
      Parallel: ` runs ${inside.length} branches in parallel and`,
      Map: ` runs its item processor for each item of ${items} and`,
    }[String(state.Type)];
    main = `${head}${doing ?? ''} ${then}.`;
  }
  const retried = records(state.Retry).map(
    (retrier) => `${errorNames(retrier)} up to ${Number(retrier.MaxAttempts ?? 3)} times`,
  );
  return [
    /[.!?]$/.test(main) ? main : `${main}.`,
    ...(retried.length > 0 ? [`It retries ${retried.join('; ')}.`] : []),
    ...records(state.Catch).map((catcher) => `On error ${errorNames(catcher)} it goes to ${String(catcher.Next)}.`),
    ...inside.flatMap((sub, index) => [
      parallel ? `Branch ${index + 1} of ${name}:` : `For each item, ${name}:`,
      ...describeMachine(sub.machine, parallel ? 'the branch' : 'the iteration'),
    ]),
  ];
}

function errorNames(handler: Record<string, unknown>): string {
  return Array.isArray(handler.ErrorEquals) ? handler.ErrorEquals.join(', ') : '?';
}

function sanitiseId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(clean) ? clean : `asl-${clean}`;
}

/** A short, stable hash (FNV-1a), for default ids. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value.toString(36);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
