/**
 * Renders an ASL state machine as a self-contained, accessible SVG string (no DOM, no inline style or script).
 *
 * - The root has `role="img"`, a `<title>` and a `<desc>` with a text summary of the flow.
 * - Each state is a `<g class="asl-state asl-<type>" data-state="<name>">`; Start and End are
 *   `<g class="asl-terminal asl-start|asl-end" data-terminal="start|end">`.
 * - Shapes tell the types apart without colour: Task rectangle, Pass dashed rectangle, Wait dotted rectangle,
 *   Choice diamond, Succeed doubled rounded border, Fail doubled rounded border with a ✕ before the name,
 *   Start pill, End doubled pill, Parallel/Map dashed containers with their branches inside.
 *   Catch edges are dashed; every conditional edge carries its condition (or error names) as text.
 * - Colours come only from CSS custom properties with light fallbacks (e.g. `var(--asl-task-bg, #e8f0fe)`),
 *   so a dark theme only has to set the variables.
 */
import type { AslLayoutEdge, AslLayoutNode } from './asl-types.ts';
import { describeChoiceRule, isRecord, shortResource } from './asl-describe.ts';
import { labelBoxWidth, layoutAsl } from './asl-layout.ts';

export interface AslSvgOptions {
  /** The accessible name of the diagram. */
  title: string;
  /** Prefix for ids inside the SVG (marker, title, desc); must be unique on the page. */
  idPrefix?: string;
  /** Replaces the generated text summary in `<desc>`. */
  description?: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const TYPE_COLOURS: Readonly<Record<string, { bg: string; border: string }>> = {
  task: { bg: '#e8f0fe', border: '#1a73e8' },
  pass: { bg: '#f1f3f4', border: '#5f6368' },
  wait: { bg: '#fef7e0', border: '#b06000' },
  choice: { bg: '#f3e8fd', border: '#8430ce' },
  succeed: { bg: '#e6f4ea', border: '#137333' },
  fail: { bg: '#fce8e6', border: '#c5221f' },
  parallel: { bg: '#f8f9fa', border: '#5f6368' },
  map: { bg: '#f8f9fa', border: '#5f6368' },
  start: { bg: '#ffffff', border: '#3c4043' },
  end: { bg: '#ffffff', border: '#3c4043' },
};

/** Escapes text for use in XML text and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderAslSvg(definition: unknown, options: AslSvgOptions = { title: 'State machine diagram' }): string {
  const layout = layoutAsl(definition);
  const prefix = sanitiseId(options.idPrefix ?? `asl-${hash(`${options.title}\n${safeStringify(definition)}`)}`);
  const arrowId = `${prefix}-arrow`;
  const description = options.description ?? describeAslFlow(definition);

  // Bounds: nodes, edges and label boxes (labels of back edges can stick out on the right).
  let minX = 0;
  let minY = 0;
  let maxX = layout.width;
  let maxY = layout.height;
  for (const edge of layout.edges) {
    if (edge.label === undefined || !edge.labelPosition) continue;
    const half = labelBoxWidth(edge.label) / 2;
    minX = Math.min(minX, edge.labelPosition.x - half - 4);
    maxX = Math.max(maxX, edge.labelPosition.x + half + 4);
    minY = Math.min(minY, edge.labelPosition.y - 12);
    maxY = Math.max(maxY, edge.labelPosition.y + 12);
  }
  const width = round(maxX - minX);
  const height = round(maxY - minY);

  const parts: string[] = [
    open('svg', {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'asl-diagram',
      role: 'img',
      'aria-labelledby': `${prefix}-title ${prefix}-desc`,
      width,
      height,
      viewBox: `${round(minX)} ${round(minY)} ${width} ${height}`,
      'font-family': FONT,
    }),
    element('title', { id: `${prefix}-title` }, options.title),
    element('desc', { id: `${prefix}-desc` }, description),
    '<defs>',
    open('marker', {
      id: arrowId,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 8,
      markerHeight: 8,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto-start-reverse',
    }),
    element('path', { d: 'M0,0 L10,5 L0,10 z', fill: 'var(--asl-edge, #5f6368)' }),
    '</marker>',
    '</defs>',
  ];
  const containers = layout.nodes.filter((node) => node.container).sort((a, b) => a.depth - b.depth);
  for (const node of containers) parts.push(renderContainer(node));
  parts.push(open('g', { class: 'asl-edges' }));
  for (const edge of layout.edges) parts.push(renderEdge(edge, arrowId));
  parts.push('</g>');
  for (const node of layout.nodes) if (!node.container) parts.push(renderNode(node));
  parts.push('</svg>');
  return parts.join('\n');
}

type Attributes = Record<string, string | number | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function open(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}>`;
}

/** An element with escaped attributes and, if given, escaped text content. */
function element(name: string, attrs: Attributes, text?: string): string {
  return text === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

function centredText(x: number, y: number, size: number, fill: string, text: string, extra: Attributes = {}): string {
  return element(
    'text',
    {
      ...extra,
      x: round(x),
      y: round(y),
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      'font-size': size,
      fill,
    },
    text,
  );
}

const TEXT = 'var(--asl-text, #202124)';
const MUTED = 'var(--asl-muted, #5f6368)';

function renderEdge(edge: AslLayoutEdge, arrowId: string): string {
  if (edge.points.length < 2) return '';
  const d = edge.points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');
  const lines = [
    open('g', {
      class: `asl-edge asl-edge-${edge.kind}${edge.back ? ' asl-edge-back' : ''}`,
      'data-from': edge.from,
      'data-to': edge.to,
    }),
    element('path', {
      d,
      fill: 'none',
      stroke: 'var(--asl-edge, #5f6368)',
      'stroke-width': 1.5,
      'stroke-dasharray': edge.kind === 'catch' ? '6 4' : undefined,
      'marker-end': `url(#${arrowId})`,
    }),
  ];
  if (edge.label !== undefined && edge.labelPosition) {
    const { x, y } = edge.labelPosition;
    const w = labelBoxWidth(edge.label);
    lines.push(
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
      centredText(x, y, 11, 'var(--asl-label-text, #3c4043)', edge.label, { class: 'asl-edge-label' }),
    );
  }
  lines.push('</g>');
  return lines.join('\n');
}

function colours(kind: string): { fill: string; stroke: string } {
  const fallback = TYPE_COLOURS[kind] ?? { bg: '#ffffff', border: '#3c4043' };
  return { fill: `var(--asl-${kind}-bg, ${fallback.bg})`, stroke: `var(--asl-${kind}-border, ${fallback.border})` };
}

function renderContainer(node: AslLayoutNode): string {
  const kind = node.type.toLowerCase();
  const { fill, stroke } = colours(kind);
  const cx = node.x + node.width / 2;
  const lines = [
    open('g', { class: `asl-state asl-${kind} asl-container`, 'data-state': node.name }),
    element('title', {}, `${node.name} (${node.type})`),
    element('rect', {
      x: node.x,
      y: node.y,
      width: node.width,
      height: node.height,
      rx: 10,
      fill,
      stroke,
      'stroke-width': 1.5,
      'stroke-dasharray': '8 4',
    }),
    centredText(cx, node.y + 18, 13, TEXT, node.label, { 'font-weight': 600 }),
    centredText(cx, node.y + 34, 11, MUTED, `${node.type}${node.subtitle ? `: ${node.subtitle}` : ''}`),
  ];
  for (const lane of node.lanes ?? []) {
    lines.push(
      element('rect', {
        class: 'asl-lane',
        x: lane.x,
        y: lane.y,
        width: lane.width,
        height: lane.height,
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
    );
  }
  lines.push('</g>');
  return lines.join('\n');
}

function renderNode(node: AslLayoutNode): string {
  const kind = node.type.toLowerCase();
  const { fill, stroke } = colours(kind);
  const { x, y, width: w, height: h } = node;
  const cx = round(x + w / 2);
  const cy = round(y + h / 2);
  const paint = { fill, stroke, 'stroke-width': 1.5 };
  const box = { x, y, width: w, height: h };
  const shape: string[] = [];
  switch (node.type) {
    case 'Choice':
      shape.push(
        element('polygon', { points: `${cx},${y} ${round(x + w)},${cy} ${cx},${round(y + h)} ${x},${cy}`, ...paint }),
      );
      break;
    case 'Succeed':
    case 'Fail':
    case 'End':
      // A doubled, fully rounded border marks where an execution (or branch) stops.
      shape.push(
        element('rect', { ...box, rx: round(h / 2), ...paint }),
        element('rect', {
          x: round(x + 3),
          y: round(y + 3),
          width: round(w - 6),
          height: round(h - 6),
          rx: round(h / 2 - 3),
          fill: 'none',
          stroke,
          'stroke-width': 1,
        }),
      );
      break;
    case 'Start':
      shape.push(element('rect', { ...box, rx: round(h / 2), ...paint }));
      break;
    case 'Pass':
      shape.push(element('rect', { ...box, rx: 6, ...paint, 'stroke-dasharray': '6 3' }));
      break;
    case 'Wait':
      shape.push(element('rect', { ...box, rx: 6, ...paint, 'stroke-dasharray': '2 3' }));
      break;
    default:
      shape.push(element('rect', { ...box, rx: 6, ...paint }));
      break;
  }
  const label = node.type === 'Fail' ? `✕ ${node.label}` : node.label;
  const text =
    node.subtitle === undefined
      ? [centredText(cx, cy, 13, TEXT, label)]
      : [
          centredText(cx, cy - 8, 13, TEXT, label),
          centredText(cx, cy + 10, 11, MUTED, node.subtitle, { class: 'asl-subtitle' }),
        ];
  if (node.type === 'Start' || node.type === 'End') {
    return [open('g', { class: `asl-terminal asl-${kind}`, 'data-terminal': kind }), ...shape, ...text, '</g>'].join(
      '\n',
    );
  }
  const tooltip = element('title', {}, `${node.name} (${node.type}${node.subtitle ? `: ${node.subtitle}` : ''})`);
  return [
    open('g', { class: `asl-state asl-${kind}`, 'data-state': node.name }),
    tooltip,
    ...shape,
    ...text,
    '</g>',
  ].join('\n');
}

/* ----------------------------------------------------------------------------------------------------------
 * Text summary
 * -------------------------------------------------------------------------------------------------------- */

/**
 * A plain-text summary of the flow, state by state in the order they are reached, e.g.
 * "Starts at TrainModel. TrainModel (Task, sagemaker:createTrainingJob.sync) then goes to EvaluateModel; on
 * error States.ALL it goes to PipelineFailed. ..."
 */
export function describeAslFlow(definition: unknown): string {
  if (!isRecord(definition)) return 'Not a state machine definition.';
  return describeMachine(definition, 'the execution').join(' ');
}

function describeMachine(machine: Record<string, unknown>, scope: string): string[] {
  const states = isRecord(machine.States) ? machine.States : {};
  const names = Object.keys(states);
  if (names.length === 0) return ['It has no states.'];
  const startAt = typeof machine.StartAt === 'string' ? machine.StartAt : undefined;
  // Main path first (depth first along rules, Default and Next), error handlers after it.
  const ordered: string[] = [];
  const deferred: string[] = [];
  const visit = (name: string): void => {
    if (ordered.includes(name) || !names.includes(name)) return;
    ordered.push(name);
    const state = states[name];
    deferred.push(...catchTargets(state));
    for (const target of flowTargets(state)) visit(target);
  };
  if (startAt !== undefined) visit(startAt);
  while (deferred.length > 0) visit(deferred.shift() as string);
  const unreachable = names.filter((name) => !ordered.includes(name));
  const sentences = [startAt !== undefined ? `Starts at ${startAt}.` : 'Has no StartAt.'];
  for (const name of [...ordered, ...unreachable])
    sentences.push(...describeState(name, states[name], scope, unreachable.includes(name)));
  return sentences;
}

function flowTargets(state: unknown): string[] {
  if (!isRecord(state)) return [];
  const targets: string[] = [];
  if (Array.isArray(state.Choices)) {
    for (const rule of state.Choices) if (isRecord(rule) && typeof rule.Next === 'string') targets.push(rule.Next);
  }
  if (typeof state.Default === 'string') targets.push(state.Default);
  if (typeof state.Next === 'string') targets.push(state.Next);
  return targets;
}

function catchTargets(state: unknown): string[] {
  if (!isRecord(state) || !Array.isArray(state.Catch)) return [];
  return state.Catch.filter(isRecord)
    .map((catcher) => catcher.Next)
    .filter((next): next is string => typeof next === 'string');
}

function describeState(name: string, state: unknown, scope: string, unreachable: boolean): string[] {
  if (!isRecord(state)) return [`${name} is not a valid state.`];
  const type = typeof state.Type === 'string' ? state.Type : 'unknown type';
  const detail = type === 'Task' && typeof state.Resource === 'string' ? `, ${shortResource(state.Resource)}` : '';
  const head = `${name} (${type}${detail})${unreachable ? ', which nothing leads to,' : ''}`;
  const sentences: string[] = [];
  let main: string;
  switch (state.Type) {
    case 'Choice': {
      const rules = Array.isArray(state.Choices) ? state.Choices : [];
      const clauses = rules.map(
        (rule) => `if ${describeChoiceRule(rule)} it goes to ${isRecord(rule) ? String(rule.Next) : '?'}`,
      );
      clauses.push(
        typeof state.Default === 'string'
          ? `otherwise it goes to ${state.Default}`
          : 'otherwise the execution fails (no Default)',
      );
      main = `${head}: ${clauses.join('; ')}.`;
      break;
    }
    case 'Succeed':
      main = `${head} ends ${scope} successfully.`;
      break;
    case 'Fail': {
      const error = typeof state.Error === 'string' ? state.Error : 'unspecified';
      const cause = typeof state.Cause === 'string' ? ` Cause: ${state.Cause}` : '';
      main = sentence(`${head} ends ${scope} with error ${error}.${cause}`);
      break;
    }
    default: {
      const then =
        state.End === true
          ? `ends ${scope}`
          : typeof state.Next === 'string'
            ? `then goes to ${state.Next}`
            : 'has no next state';
      let doing = '';
      if (state.Type === 'Wait') {
        if (typeof state.Seconds === 'number') doing = ` waits ${state.Seconds} seconds and`;
        else if (typeof state.Timestamp === 'string') doing = ` waits until ${state.Timestamp} and`;
        else doing = ' waits and';
      }
      if (state.Type === 'Parallel' && Array.isArray(state.Branches))
        doing = ` runs ${state.Branches.length} branches in parallel and`;
      if (state.Type === 'Map')
        doing = ` runs its item processor for each item of ${typeof state.ItemsPath === 'string' ? state.ItemsPath : 'its input'} and`;
      main = `${head}${doing} ${then}.`;
    }
  }
  sentences.push(main);
  if (Array.isArray(state.Retry) && state.Retry.length > 0) {
    const retried = state.Retry.filter(isRecord).map((retrier) => {
      const errors = Array.isArray(retrier.ErrorEquals) ? retrier.ErrorEquals.join(', ') : '?';
      return `${errors} up to ${typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3} times`;
    });
    sentences.push(`It retries ${retried.join('; ')}.`);
  }
  if (Array.isArray(state.Catch)) {
    for (const catcher of state.Catch.filter(isRecord)) {
      const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.join(', ') : '?';
      sentences.push(`On error ${errors} it goes to ${String(catcher.Next)}.`);
    }
  }
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    state.Branches.forEach((branch, index) => {
      if (isRecord(branch)) sentences.push(`Branch ${index + 1} of ${name}:`, ...describeMachine(branch, 'the branch'));
    });
  }
  if (state.Type === 'Map') {
    const processor = isRecord(state.ItemProcessor)
      ? state.ItemProcessor
      : isRecord(state.Iterator)
        ? state.Iterator
        : undefined;
    if (processor) sentences.push(`For each item, ${name}:`, ...describeMachine(processor, 'the iteration'));
  }
  return sentences;
}

/* ----------------------------------------------------------------------------------------------------------
 * Helpers
 * -------------------------------------------------------------------------------------------------------- */

/** Ends the text with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function sanitiseId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(clean) ? clean : `asl-${clean}`;
}

/** A short, stable hash (FNV-1a), for default ids. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
