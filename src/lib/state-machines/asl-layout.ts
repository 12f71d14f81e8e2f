/**
 * Lays out an ASL state machine top-down with dagre (build time only). Each Parallel branch and each Map item
 * processor is laid out on its own, and its container enters the outer graph as one node the size of its
 * contents, so edges only ever join states of the same (sub-)machine. Edge labels are dagre label nodes: they
 * get a place of their own in the ranking, so no edge runs through another edge's label and no two overlap.
 */
import dagre from '@dagrejs/dagre';
import type { AslLayout, AslLayoutEdge, AslLayoutNode, AslPoint } from './asl-types.ts';
import { isAslStateType } from './asl-types.ts';
import { describeChoiceRule, isRecord, shortResource } from './asl-describe.ts';

const MAX_LABEL = 32;
const MAX_SUBTITLE = 40;
const MARGIN = 16;
const CONTAINER_HEADER = 46;
const PADDING = 14;
const LANE_HEADER = 22;
const LANE_GAP = 16;
const LABEL_HEIGHT = 18;

/** Approximate rendered width of `text` at `size` px in the diagram's sans-serif font. */
function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.58;
}

/** The width of an edge label's background box. */
export function labelBoxWidth(label: string): number {
  return textWidth(label, 11) + 12;
}

export interface AslLayoutOptions {
  /** Draw synthetic Start and End nodes (default true). */
  terminals?: boolean;
}

interface Local {
  width: number;
  height: number;
  nodes: AslLayoutNode[];
  edges: AslLayoutEdge[];
}

/** Lays out a state machine for a top-down diagram. Tolerates invalid definitions: it draws what it can. */
export function layoutAsl(definition: unknown, options: AslLayoutOptions = {}): AslLayout {
  if (!isRecord(definition)) return { width: 2 * MARGIN, height: 2 * MARGIN, nodes: [], edges: [] };
  const local = layoutMachine(definition, '', options.terminals ?? true, 0, undefined);
  shift(local, MARGIN, MARGIN);
  return { width: local.width + 2 * MARGIN, height: local.height + 2 * MARGIN, nodes: local.nodes, edges: local.edges };
}

function layoutMachine(
  machine: Record<string, unknown>,
  prefix: string,
  terminals: boolean,
  depth: number,
  parent: string | undefined,
): Local {
  const states = isRecord(machine.States) ? machine.States : {};
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', align: 'UL', nodesep: 28, ranksep: 36, edgesep: 14, marginx: 0, marginy: 0 });
  const nodes = new Map<string, AslLayoutNode>();
  const inner = new Map<string, Local[]>();
  const add = (node: AslLayoutNode) => {
    nodes.set(node.id, node);
    graph.setNode(node.id, { width: node.width, height: node.height });
  };
  const edges: Omit<AslLayoutEdge, 'points' | 'back'>[] = [];
  const link = (from: string, to: string, kind: AslLayoutEdge['kind'], label?: string) => {
    if (to !== 'End' && !nodes.has(to)) return;
    edges.push({ id: `${from}->${to}#${edges.length}`, from, to, kind, label });
  };
  const base = { depth, layer: 0, parent, x: 0, y: 0, container: false };
  if (terminals) {
    add({ ...base, id: 'Start', name: 'Start', label: 'Start', type: 'Start', width: 72, height: 32 });
  }
  const id = (name: string) => `${prefix}States.${name}`;
  for (const [name, state] of Object.entries(states)) {
    const type: AslLayoutNode['type'] = isRecord(state) && isAslStateType(state.Type) ? state.Type : 'Pass';
    const node: AslLayoutNode = {
      ...base,
      id: id(name),
      name,
      label: shorten(name, MAX_LABEL),
      type,
      width: 0,
      height: 0,
    };
    const record = isRecord(state) ? state : {};
    node.subtitle = subtitleOf(record);
    const machines = subMachines(record);
    if (machines.length > 0) {
      node.container = true;
      const laid = machines.map((sub) =>
        layoutMachine(sub.machine, `${node.id}.${sub.path}.`, false, depth + 1, node.id),
      );
      inner.set(node.id, laid);
      const lanesWidth = laid.reduce((sum, lane) => sum + lane.width + 2 * PADDING, 0) + LANE_GAP * (laid.length - 1);
      const headerWidth = Math.max(textWidth(node.label, 13), textWidth(`${type}: ${node.subtitle ?? ''}`, 11));
      node.width = Math.max(lanesWidth, headerWidth + 24) + 2 * PADDING;
      node.height = CONTAINER_HEADER + LANE_HEADER + Math.max(...laid.map((lane) => lane.height)) + 3 * PADDING;
      node.lanes = machines.map((sub) => ({ x: 0, y: 0, width: 0, height: 0, label: sub.label }));
    } else {
      const text = Math.max(textWidth(node.label, 13) + (type === 'Fail' ? 16 : 0), textWidth(node.subtitle ?? '', 11));
      node.width = Math.max(112, text + (type === 'Choice' ? 64 : 28));
      node.height = type === 'Choice' ? 64 : node.subtitle === undefined ? 40 : 54;
    }
    add(node);
  }
  if (terminals && typeof machine.StartAt === 'string' && machine.StartAt in states)
    link('Start', id(machine.StartAt), 'next');
  for (const [name, state] of Object.entries(states)) {
    if (!isRecord(state)) continue;
    const from = id(name);
    const to = (target: unknown) => (typeof target === 'string' && target in states ? id(target) : undefined);
    for (const rule of Array.isArray(state.Choices) ? state.Choices : []) {
      const target = to(isRecord(rule) ? rule.Next : undefined);
      if (target) link(from, target, 'choice', shorten(describeChoiceRule(rule), 48));
    }
    const fallback = to(state.Default);
    if (fallback) link(from, fallback, 'default', 'Default');
    const next = to(state.Next);
    if (next) link(from, next, 'next');
    else if (terminals && (state.End === true || state.Type === 'Succeed')) link(from, 'End', 'next');
    for (const catcher of Array.isArray(state.Catch) ? state.Catch.filter(isRecord) : []) {
      const target = to(catcher.Next);
      const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.join(', ') : '?';
      if (target) link(from, target, 'catch', shorten(errors, 48));
    }
  }
  // End is drawn only when something reaches it.
  if (edges.some((edge) => edge.to === 'End')) {
    add({ ...base, id: 'End', name: 'End', label: 'End', type: 'End', width: 72, height: 32 });
  }
  for (const edge of edges) {
    const size =
      edge.label === undefined ? {} : { width: labelBoxWidth(edge.label), height: LABEL_HEIGHT, labelpos: 'c' };
    // Error paths weigh little, so the main flow stays straight.
    graph.setEdge(edge.from, edge.to, { ...size, weight: edge.kind === 'catch' ? 1 : 20 }, edge.id);
  }
  dagre.layout(graph);

  const laidNodes: AslLayoutNode[] = [];
  const rows = [...new Set([...nodes.keys()].map((key) => round(graph.node(key).y)))].sort((a, b) => a - b);
  for (const node of nodes.values()) {
    const placed = graph.node(node.id);
    node.x = round(placed.x - node.width / 2);
    node.y = round(placed.y - node.height / 2);
    node.layer = rows.indexOf(round(placed.y));
    laidNodes.push(node);
    const lanes = inner.get(node.id);
    if (lanes) laidNodes.push(...placeLanes(node, lanes));
  }
  const laidEdges: AslLayoutEdge[] = [];
  for (const edge of edges) {
    const placed = graph.edge({ v: edge.from, w: edge.to, name: edge.id });
    const points: AslPoint[] = placed.points.map((point: AslPoint) => ({ x: round(point.x), y: round(point.y) }));
    const from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    if (from.type === 'Choice') points[0] = onDiamond(from, points[1] ?? points[0]!);
    if (to.type === 'Choice') points[points.length - 1] = onDiamond(to, points.at(-2) ?? points[0]!);
    const labelPosition = edge.label === undefined ? undefined : { x: round(placed.x), y: round(placed.y) };
    laidEdges.push({ ...edge, points, labelPosition, back: to.y < from.y || edge.from === edge.to });
  }
  for (const lanes of inner.values()) for (const lane of lanes) laidEdges.push(...lane.edges);
  const size = graph.graph();
  return { width: round(size.width ?? 0), height: round(size.height ?? 0), nodes: laidNodes, edges: laidEdges };
}

/** Places each lane's contents inside its container, side by side, and returns the nested nodes. */
function placeLanes(container: AslLayoutNode, lanes: Local[]): AslLayoutNode[] {
  const height = Math.max(...lanes.map((lane) => lane.height)) + LANE_HEADER + 2 * PADDING;
  const total = lanes.reduce((sum, lane) => sum + lane.width + 2 * PADDING, 0) + LANE_GAP * (lanes.length - 1);
  let x = container.x + (container.width - total) / 2;
  const y = container.y + CONTAINER_HEADER;
  const nested: AslLayoutNode[] = [];
  lanes.forEach((lane, index) => {
    const width = lane.width + 2 * PADDING;
    const box = container.lanes![index]!;
    Object.assign(box, { x: round(x), y: round(y), width: round(width), height: round(height) });
    shift(lane, x + PADDING, y + LANE_HEADER + PADDING + (height - LANE_HEADER - 2 * PADDING - lane.height) / 2);
    nested.push(...lane.nodes);
    x += width + LANE_GAP;
  });
  return nested;
}

function shift(local: Local, dx: number, dy: number): void {
  for (const node of local.nodes) {
    node.x = round(node.x + dx);
    node.y = round(node.y + dy);
    for (const lane of node.lanes ?? []) Object.assign(lane, { x: round(lane.x + dx), y: round(lane.y + dy) });
  }
  const move = (point: AslPoint) => Object.assign(point, { x: round(point.x + dx), y: round(point.y + dy) });
  for (const edge of local.edges) {
    edge.points.forEach(move);
    if (edge.labelPosition) move(edge.labelPosition);
  }
}

/** Where the line from a Choice diamond's centre towards `toward` crosses the diamond's border. */
function onDiamond(node: AslLayoutNode, toward: AslPoint): AslPoint {
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  const scale = 1 / (Math.abs(dx) / (node.width / 2) + Math.abs(dy) / (node.height / 2) || 1);
  return { x: round(cx + dx * scale), y: round(cy + dy * scale) };
}

/** The branches of a Parallel or the item processor of a Map, with the label of their lane. */
export function subMachines(
  state: Record<string, unknown>,
): { machine: Record<string, unknown>; path: string; label: string }[] {
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    return state.Branches.filter(isRecord).map((machine, index) => ({
      machine,
      path: `Branches[${index}]`,
      label: `Branch ${index + 1}`,
    }));
  }
  if (state.Type !== 'Map') return [];
  const field = isRecord(state.ItemProcessor) ? 'ItemProcessor' : isRecord(state.Iterator) ? 'Iterator' : undefined;
  if (!field) return [];
  const machine = state[field] as Record<string, unknown>;
  return [{ machine, path: field, label: 'For each item' }];
}

/** The node's second line: what a Task calls, how long a Wait waits, the error of a Fail, a Map's items. */
function subtitleOf(state: Record<string, unknown>): string | undefined {
  let text: string | undefined;
  if (state.Type === 'Task' && typeof state.Resource === 'string') text = shortResource(state.Resource);
  if (state.Type === 'Wait') {
    const wait = state.Seconds ?? state.Timestamp ?? state.SecondsPath ?? state.TimestampPath;
    if (wait !== undefined) text = typeof state.Seconds === 'number' ? `${state.Seconds} s` : String(wait);
  }
  if (state.Type === 'Fail' && typeof state.Error === 'string') text = state.Error;
  if (state.Type === 'Map') {
    const config = isRecord(state.ItemProcessor) ? state.ItemProcessor.ProcessorConfig : undefined;
    const mode = isRecord(config) && typeof config.Mode === 'string' ? config.Mode.toLowerCase() : 'inline';
    const items =
      typeof state.ItemsPath === 'string'
        ? ` over ${state.ItemsPath}`
        : isRecord(state.ItemReader)
          ? ' over a reader'
          : '';
    text = `${mode}${items}`;
  }
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) text = `${state.Branches.length} branches`;
  return text === undefined ? undefined : shorten(text, MAX_SUBTITLE);
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
