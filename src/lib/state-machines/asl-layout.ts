/**
 * Lays out an ASL state machine top-down with dagre (build time only). Each Parallel branch and each Map item
 * processor is laid out on its own, and its container enters the outer graph as one node the size of its
 * contents, so edges only ever join states of the same (sub-)machine. Edge labels are dagre label nodes: they
 * get a place of their own in the ranking, so no edge runs through another edge's label and no two overlap.
 */
import dagre from '@dagrejs/dagre';
import type { AslLayout, AslLayoutEdge, AslLayoutNode, AslPoint, AslStateType } from './asl-types.ts';
import { isRecord, shortResource, subMachines, transitions } from './asl-describe.ts';

const MARGIN = 16;
/** Inside a container: the header with its name and type, the padding, and each lane's header and gap. */
const CONTAINER_HEADER = 46;
const PADDING = 14;
const LANE_HEADER = 22;
const LANE_GAP = 16;

/** Approximate rendered width of `text` at `size` px in the diagram's sans-serif font. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.58;
}

/** The width of an edge label's background box. */
function labelBoxWidth(label: string): number {
  return textWidth(label, 11) + 12;
}

/** Lays out a state machine the validator has accepted for a top-down diagram, with Start and End. */
export function layoutAsl(definition: unknown): AslLayout {
  const layout = layoutMachine(definition as Record<string, unknown>, '', true, undefined);
  shift(layout, MARGIN, MARGIN);
  return { ...layout, width: layout.width + 2 * MARGIN, height: layout.height + 2 * MARGIN };
}

function layoutMachine(
  machine: Record<string, unknown>,
  prefix: string,
  terminals: boolean,
  parent: string | undefined,
): AslLayout {
  const states = machine.States as Record<string, Record<string, unknown>>;
  const id = (name: string) => `${prefix}States.${name}`;
  const base = { layer: 0, parent, x: 0, y: 0, container: false };
  const terminal = (name: 'Start' | 'End'): AslLayoutNode => ({
    ...base,
    id: name,
    name,
    label: name,
    type: name,
    width: 72,
    height: 32,
  });
  const nodes = new Map<string, AslLayoutNode>();
  const inner = new Map<string, AslLayout[]>();
  if (terminals) nodes.set('Start', terminal('Start'));
  for (const [name, state] of Object.entries(states)) {
    const type = state.Type as AslStateType;
    const node: AslLayoutNode = { ...base, id: id(name), name, label: shorten(name, 32), type, width: 0, height: 0 };
    node.subtitle = subtitleOf(state);
    const machines = subMachines(state);
    const lanes = machines.map((sub) => layoutMachine(sub.machine, `${node.id}.${sub.path}.`, false, node.id));
    if (lanes.length > 0) {
      inner.set(node.id, lanes);
      const lanesWidth = lanes.reduce((sum, lane) => sum + lane.width + 2 * PADDING + LANE_GAP, -LANE_GAP);
      const headerWidth = Math.max(textWidth(node.label, 13), textWidth(`${type}: ${node.subtitle ?? ''}`, 11));
      node.width = Math.max(lanesWidth, headerWidth + 24) + 2 * PADDING;
      node.height = CONTAINER_HEADER + LANE_HEADER + Math.max(...lanes.map((lane) => lane.height)) + 3 * PADDING;
      node.lanes = machines.map((sub) => ({ x: 0, y: 0, width: 0, height: 0, label: sub.label }));
      node.container = true;
    } else {
      const text = Math.max(textWidth(node.label, 13) + (type === 'Fail' ? 16 : 0), textWidth(node.subtitle ?? '', 11));
      node.width = Math.max(112, text + (type === 'Choice' ? 64 : 28));
      node.height = type === 'Choice' ? 64 : node.subtitle === undefined ? 40 : 54;
    }
    nodes.set(node.id, node);
  }

  const edges: Omit<AslLayoutEdge, 'points' | 'back'>[] = [];
  const link = (from: string, to: string, kind: AslLayoutEdge['kind'], label?: string) =>
    edges.push({ id: `${from}->${to}#${edges.length}`, from, to, kind, label });
  if (terminals) link('Start', id(String(machine.StartAt)), 'next');
  for (const [name, state] of Object.entries(states)) {
    const ways = transitions(state);
    for (const way of ways) link(id(name), id(way.target), way.kind, way.label && shorten(way.label, 48));
    const ends = state.End === true || state.Type === 'Succeed';
    if (terminals && ends && !ways.some((way) => way.kind === 'next')) link(id(name), 'End', 'next');
  }
  // End is drawn only when something reaches it.
  if (edges.some((edge) => edge.to === 'End')) nodes.set('End', terminal('End'));
  // Error paths weigh little, so the main flow stays straight.
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', align: 'UL', nodesep: 28, ranksep: 36, edgesep: 14, marginx: 0, marginy: 0 });
  for (const node of nodes.values()) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of edges) {
    const size = edge.label === undefined ? {} : { width: labelBoxWidth(edge.label), height: 18, labelpos: 'c' };
    graph.setEdge(edge.from, edge.to, { ...size, weight: edge.kind === 'catch' ? 1 : 20 }, edge.id);
  }
  dagre.layout(graph);

  const rows = [...new Set([...nodes.keys()].map((key) => round(graph.node(key).y)))].sort((a, b) => a - b);
  const laidNodes = [...nodes.values()].flatMap((node) => {
    const placed = graph.node(node.id);
    Object.assign(node, { x: round(placed.x - node.width / 2), y: round(placed.y - node.height / 2) });
    node.layer = rows.indexOf(round(placed.y));
    return [node, ...placeLanes(node, inner.get(node.id) ?? [])];
  });
  const laidEdges = edges.map((edge): AslLayoutEdge => {
    const placed = graph.edge({ v: edge.from, w: edge.to, name: edge.id });
    const points: AslPoint[] = placed.points.map((point: AslPoint) => ({ x: round(point.x), y: round(point.y) }));
    const [from, to] = [nodes.get(edge.from)!, nodes.get(edge.to)!];
    if (from.type === 'Choice') points[0] = onDiamond(from, points[1] ?? points[0]!);
    if (to.type === 'Choice') points[points.length - 1] = onDiamond(to, points.at(-2) ?? points[0]!);
    const width = edge.label === undefined ? 0 : labelBoxWidth(edge.label);
    const labelBox =
      width === 0 ? undefined : { x: round(placed.x - width / 2), y: round(placed.y - 9), width, height: 18 };
    return { ...edge, points, labelBox, back: to.y < from.y || edge.from === edge.to };
  });
  const nested = [...inner.values()].flat().flatMap((lane) => lane.edges);
  const { width = 0, height = 0 } = graph.graph();
  return { width: round(width), height: round(height), nodes: laidNodes, edges: [...laidEdges, ...nested] };
}

/** Places each lane's contents inside its container, side by side, and returns the nested nodes. */
function placeLanes(container: AslLayoutNode, lanes: AslLayout[]): AslLayoutNode[] {
  const height = Math.max(...lanes.map((lane) => lane.height)) + LANE_HEADER + 2 * PADDING;
  const total = lanes.reduce((sum, lane) => sum + lane.width + 2 * PADDING + LANE_GAP, -LANE_GAP);
  let x = container.x + (container.width - total) / 2;
  const y = container.y + CONTAINER_HEADER;
  return lanes.flatMap((lane, index) => {
    const width = lane.width + 2 * PADDING;
    Object.assign(container.lanes![index]!, { x: round(x), y: round(y), width: round(width), height: round(height) });
    shift(lane, x + PADDING, y + LANE_HEADER + PADDING + (height - LANE_HEADER - 2 * PADDING - lane.height) / 2);
    x += width + LANE_GAP;
    return lane.nodes;
  });
}

/** Moves a laid-out (sub-)machine by (dx, dy): its nodes, their lanes, and its edges with their labels. */
function shift(layout: AslLayout, dx: number, dy: number): void {
  const move = (point: AslPoint) => Object.assign(point, { x: round(point.x + dx), y: round(point.y + dy) });
  for (const node of layout.nodes) [node, ...(node.lanes ?? [])].forEach(move);
  for (const edge of layout.edges) [...edge.points, ...(edge.labelBox ? [edge.labelBox] : [])].forEach(move);
}

/** Where the line from a Choice diamond's centre towards `toward` crosses the diamond's border. */
function onDiamond(node: AslLayoutNode, toward: AslPoint): AslPoint {
  const [cx, cy] = [node.x + node.width / 2, node.y + node.height / 2];
  const [dx, dy] = [toward.x - cx, toward.y - cy];
  const scale = 1 / (Math.abs(dx) / (node.width / 2) + Math.abs(dy) / (node.height / 2) || 1);
  return { x: round(cx + dx * scale), y: round(cy + dy * scale) };
}

/** The node's second line: what a Task calls, how long a Wait waits, the error of a Fail, a Map's items. */
function subtitleOf(state: Record<string, unknown>): string | undefined {
  const wait = state.Seconds ?? state.Timestamp ?? state.SecondsPath ?? state.TimestampPath;
  const config = isRecord(state.ItemProcessor) ? state.ItemProcessor.ProcessorConfig : undefined;
  const mode = isRecord(config) && typeof config.Mode === 'string' ? config.Mode.toLowerCase() : 'inline';
  const items =
    typeof state.ItemsPath === 'string'
      ? ` over ${state.ItemsPath}`
      : isRecord(state.ItemReader)
        ? ' over a reader'
        : '';
  const text = {
    Task: typeof state.Resource === 'string' ? shortResource(state.Resource) : undefined,
    Wait: typeof state.Seconds === 'number' ? `${state.Seconds} s` : wait === undefined ? undefined : String(wait),
    Fail: typeof state.Error === 'string' ? state.Error : undefined,
    Map: `${mode}${items}`,
    Parallel: Array.isArray(state.Branches) ? `${state.Branches.length} branches` : undefined,
  }[String(state.Type)];
  return text === undefined ? undefined : shorten(text, 40);
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Coordinates to a tenth of a pixel, so the SVG stays short. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
