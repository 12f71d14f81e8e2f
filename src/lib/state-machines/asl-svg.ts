/**
 * Renders a state machine as a self-contained, accessible SVG string: `role="img"` with a `<title>` and a
 * `<desc>` summarising the flow; a `<g class="asl-state asl-<type>" data-state="<name>">` per state (Start and
 * End are `asl-terminal`). Shapes tell the types apart without colour (Choice diamond, Pass dashed, Wait dotted,
 * Succeed and Fail doubled, Fail marked ✕, Parallel and Map dashed containers; catch edges dashed). Colours are
 * CSS custom properties with light fallbacks, so a dark theme only sets the variables; no inline style.
 */
import type { AslBox, AslLayoutEdge, AslLayoutNode } from './asl-types.ts';
import { describeChoiceRule, errorNames, indexed, shortResource, subMachines, transitions } from './asl-describe.ts';
import { escapeXml } from '../escape-xml.ts';
import { layoutAsl, round, textWidth } from './asl-layout.ts';

export interface AslSvgOptions {
  /** The accessible name of the diagram. */
  title: string;
  /** Prefix of the ids inside the SVG, used as it is: a valid id, unique on the page (`asl-diagram-1`). */
  idPrefix: string;
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
// Theme colours: custom properties with light fallbacks.
const TEXT = 'var(--asl-text, #202124)';
const MUTED = 'var(--asl-muted, #5f6368)';
const EDGE = 'var(--asl-edge, #5f6368)';

/** `name="value"` pairs with escaped values; undefined values are left out. */
function attributes(values: Record<string, string | number | undefined>): string {
  const written = Object.entries(values).filter(([, value]) => value !== undefined);
  return written.map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`).join('');
}

/** A `<g>` of the given parts; the parts are markup already. */
function group(values: Record<string, string>, parts: string[]): string {
  return [`<g${attributes(values)}>`, ...parts, '</g>'].join('\n');
}

/** Centred text; `extra` holds more attributes, already written. */
function text(x: number, y: number, size: number, fill: string, content: string, extra = ''): string {
  const at = `x="${round(x)}" y="${round(y)}" text-anchor="middle" dominant-baseline="central"`;
  return `<text${extra} ${at} font-size="${size}" fill="${fill}">${escapeXml(content)}</text>`;
}

/** Position and size attributes of a box, rounded. */
function box({ x, y, width, height }: { x: number; y: number; width: number; height: number }): string {
  return `x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}"`;
}

export function renderAslSvg(definition: unknown, { title, idPrefix: prefix }: AslSvgOptions): string {
  const layout = layoutAsl(definition);
  // Labels of edges that loop back can stick out of the layout; the drawing keeps 4 px around them.
  const labels = layout.edges.flatMap((edge) => edge.labelBox ?? []);
  const minX = round(Math.min(0, ...labels.map((label) => label.x - 4)));
  const minY = round(Math.min(0, ...labels.map((label) => label.y - 3)));
  const width = round(Math.max(layout.width, ...labels.map((label) => label.x + label.width + 4)) - minX);
  const height = round(Math.max(layout.height, ...labels.map((label) => label.y + label.height + 3)) - minY);
  const states = layout.nodes.filter((node) => !node.container);
  const obstacles: AslBox[] = [...states, ...labels];
  const font = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  const size = `width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}"`;
  const marker = `<marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="asl-diagram" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" ${size} font-family="${escapeXml(font)}">`,
    `<title id="${prefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(describeAslFlow(definition))}</desc>`,
    `<defs>\n${marker}\n<path d="M0,0 L10,5 L0,10 z" fill="${EDGE}"/>\n</marker>\n</defs>`,
    ...layout.nodes.filter((node) => node.container).map(renderContainer),
    group(
      { class: 'asl-edges' },
      layout.edges.map((edge) => renderEdge(edge, `${prefix}-arrow`)),
    ),
    ...states.map((node) => renderNode(node, currentLabel(node, obstacles, minX, minX + width))),
    '</svg>',
  ].join('\n');
}

function renderEdge(edge: AslLayoutEdge, arrow: string): string {
  const d = edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');
  const dash = edge.kind === 'catch' ? ' stroke-dasharray="6 4"' : '';
  const parts = [`<path d="${d}" fill="none" stroke="${EDGE}" stroke-width="1.5"${dash} marker-end="url(#${arrow})"/>`];
  if (edge.label !== undefined && edge.labelBox) {
    const { x, y, width, height } = edge.labelBox;
    parts.push(
      `<rect class="asl-edge-label-bg" ${box(edge.labelBox)} rx="3" fill="var(--asl-label-bg, #ffffff)" fill-opacity="0.92"/>`,
      text(x + width / 2, y + height / 2, 11, 'var(--asl-label-text, #3c4043)', edge.label, ' class="asl-edge-label"'),
    );
  }
  const kind = `asl-edge asl-edge-${edge.kind}${edge.back ? ' asl-edge-back' : ''}`;
  return group({ class: kind, 'data-from': edge.from, 'data-to': edge.to }, parts);
}

/** Fill and stroke attributes of a node type: custom properties with light-theme fallbacks. */
function paint(kind: string, fill = true): string {
  const [background, border] = COLOURS[kind] ?? ['#ffffff', '#3c4043'];
  const stroke = `stroke="var(--asl-${kind}-border, ${border})"`;
  return `fill="${fill ? `var(--asl-${kind}-bg, ${background})` : 'none'}" ${stroke}`;
}

function renderContainer(node: AslLayoutNode): string {
  const kind = node.type.toLowerCase();
  const centre = node.x + node.width / 2;
  const lanes = (node.lanes ?? []).flatMap((lane) => [
    `<rect class="asl-lane" ${box(lane)} rx="6" ${paint(kind, false)} stroke-width="1" stroke-dasharray="3 3"/>`,
    `<text class="asl-lane-label" x="${round(lane.x + 8)}" y="${round(lane.y + 11)}" dominant-baseline="central" font-size="11" fill="${MUTED}">${escapeXml(lane.label)}</text>`,
  ]);
  return group({ class: `asl-state asl-${kind} asl-container`, 'data-state': node.name }, [
    `<title>${escapeXml(`${node.name} (${node.type})`)}</title>`,
    `<rect ${box(node)} rx="10" ${paint(kind)} stroke-width="1.5" stroke-dasharray="8 4"/>`,
    text(centre, node.y + 18, 13, TEXT, node.label, ' font-weight="600"'),
    text(centre, node.y + 34, 11, MUTED, `${node.type}${node.subtitle ? `: ${node.subtitle}` : ''}`),
    ...lanes,
  ]);
}

/**
 * The player's "current" label of a state, hidden until the player marks the state: on its right, else on its
 * left, wherever it covers no other state or edge label and stays inside the drawing; above the state otherwise.
 */
function currentLabel(node: AslLayoutNode, obstacles: AslBox[], left: number, right: number): string {
  const width = textWidth('◀ current', 12);
  const y = node.y + node.height / 2;
  const free = (x: number) =>
    x >= left &&
    x + width <= right &&
    obstacles.every(
      (other) =>
        other === node ||
        x + width < other.x ||
        x > other.x + other.width ||
        y + 9 < other.y ||
        y - 9 > other.y + other.height,
    );
  const [label, x, at] = free(node.x + node.width + 6)
    ? ['◀ current', node.x + node.width + 6, y]
    : free(node.x - 6 - width)
      ? ['current ▶', node.x - 6 - width, y]
      : ['current ▼', node.x + node.width - width, node.y - 10];
  return `<text class="asl-current-label" display="none" x="${round(x)}" y="${round(at)}" dominant-baseline="central">${label}</text>`;
}

function renderNode(node: AslLayoutNode, current: string): string {
  const kind = node.type.toLowerCase();
  const { x, y, width: w, height: h } = node;
  const [cx, cy] = [round(x + w / 2), round(y + h / 2)];
  const style = `${paint(kind)} stroke-width="1.5"`;
  const pill = `rx="${round(h / 2)}" ${style}`;
  // A doubled border marks where an execution (or a branch) stops.
  const doubled = `<rect ${box({ x: x + 3, y: y + 3, width: w - 6, height: h - 6 })} rx="${round(h / 2 - 3)}" ${paint(kind, false)} stroke-width="1"/>`;
  const dash = { Pass: ' stroke-dasharray="6 3"', Wait: ' stroke-dasharray="2 3"' }[node.type as string] ?? '';
  const shape = {
    Choice: [`<polygon points="${cx},${y} ${round(x + w)},${cy} ${cx},${round(y + h)} ${x},${cy}" ${style}/>`],
    Start: [`<rect ${box(node)} ${pill}/>`],
    Succeed: [`<rect ${box(node)} ${pill}/>`, doubled],
    Fail: [`<rect ${box(node)} ${pill}/>`, doubled],
    End: [`<rect ${box(node)} ${pill}/>`, doubled],
  }[node.type as string] ?? [`<rect ${box(node)} rx="6" ${style}${dash}/>`];
  const name = node.type === 'Fail' ? `✕ ${node.label}` : node.label;
  const lines =
    node.subtitle === undefined
      ? [text(cx, cy, 13, TEXT, name)]
      : [text(cx, cy - 8, 13, TEXT, name), text(cx, cy + 10, 11, MUTED, node.subtitle, ' class="asl-subtitle"')];
  if (node.type === 'Start' || node.type === 'End') {
    return group({ class: `asl-terminal asl-${kind}`, 'data-terminal': kind }, [...shape, ...lines]);
  }
  const tooltip = `${node.name} (${node.type}${node.subtitle ? `: ${node.subtitle}` : ''})`;
  return group({ class: `asl-state asl-${kind}`, 'data-state': node.name }, [
    `<title>${escapeXml(tooltip)}</title>`,
    ...shape,
    ...lines,
    current,
  ]);
}

/**
 * A plain-text summary of the flow, state by state in the order they are reached (the main path first, error
 * handlers after it), e.g. "Starts at Train. Train (Task, sagemaker:createTrainingJob.sync) then goes to ...".
 */
export function describeAslFlow(definition: unknown): string {
  return describeMachine(definition as Record<string, unknown>, 'the execution').join(' ');
}

/** For a (sub-)machine the validator accepted: StartAt and every transition name one of its states, all reached. */
function describeMachine(machine: Record<string, unknown>, scope: string): string[] {
  const states = machine.States as Record<string, Record<string, unknown>>;
  const ordered = new Set<string>();
  const handlers: string[] = [];
  const visit = (name: string): void => {
    if (ordered.has(name)) return;
    ordered.add(name);
    const ways = transitions(states[name]!);
    handlers.push(...ways.filter((way) => way.kind === 'catch').map((way) => way.target));
    ways.filter((way) => way.kind !== 'catch').forEach((way) => visit(way.target));
  };
  visit(String(machine.StartAt));
  while (handlers.length > 0) visit(handlers.shift()!);
  return [
    `Starts at ${String(machine.StartAt)}.`,
    ...[...ordered].flatMap((name) => describeState(name, states[name]!, scope)),
  ];
}

function describeState(name: string, state: Record<string, unknown>, scope: string): string[] {
  const resource =
    state.Type === 'Task' && typeof state.Resource === 'string' ? `, ${shortResource(state.Resource)}` : '';
  const head = `${name} (${String(state.Type)}${resource})`;
  const then =
    state.End === true ? `ends ${scope}` : state.Next ? `then goes to ${String(state.Next)}` : 'has no next state';
  const inside = subMachines(state);
  const parallel = state.Type === 'Parallel';
  let main: string;
  if (state.Type === 'Choice') {
    const rules = indexed(state.Choices).map(
      ([, rule]) => `if ${describeChoiceRule(rule)} it goes to ${String(rule.Next)}`,
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
  const retried = indexed(state.Retry).map(
    ([, retrier]) => `${errorNames(retrier)} up to ${Number(retrier.MaxAttempts ?? 3)} times`,
  );
  return [
    /[.!?]$/.test(main) ? main : `${main}.`,
    ...(retried.length > 0 ? [`It retries ${retried.join('; ')}.`] : []),
    ...indexed(state.Catch).map(([, catcher]) => `On error ${errorNames(catcher)} it goes to ${String(catcher.Next)}.`),
    ...inside.flatMap((sub, index) => [
      parallel ? `Branch ${index + 1} of ${name}:` : `For each item, ${name}:`,
      ...describeMachine(sub.machine, parallel ? 'the branch' : 'the iteration'),
    ]),
  ];
}
