/**
 * A deterministic, layered (top-down) layout of an ASL state machine, in plain arithmetic (no DOM).
 *
 * 1. Graph: synthetic Start and End nodes plus one node per state; edges for Next, each Choice rule, Default,
 *    each catcher, End: true and Succeed (to End). Fail states are terminal and have no edge to End.
 * 2. Loops: a depth-first search from Start (then from any unreachable state, in declaration order) marks the
 *    edges that go back to a state on the current path; those are drawn separately, around the right side.
 * 3. Layers: longest path from Start over the remaining edges, so every edge points down. Edges spanning
 *    several layers get invisible "dummy" waypoints in the layers they cross, so they don't run through nodes.
 * 4. Order within a layer: DFS discovery order, then a few barycenter sweeps (down and up), keeping the
 *    order with the fewest crossings.
 * 5. x: each node is pulled towards the mean x of its neighbours in the layer above (then below) while keeping
 *    the order and a minimum gap (a weighted least-squares fit by pool-adjacent-violators). Error paths pull
 *    less and their waypoints give way, so the main flow stays straight; the waypoints of each long edge are
 *    then lined up on one x where there is room. y: one row per layer, with extra room below rows whose
 *    edges carry labels (stacked when several leave the same node).
 * 6. Parallel and Map states are containers: each branch (or the item processor) is laid out the same way,
 *    without Start/End, in a lane inside the container.
 */
import type { AslEdgeKind, AslLayout, AslLayoutEdge, AslLayoutNode, AslNodeType, AslPoint } from './asl-types.ts';
import { isAslStateType } from './asl-types.ts';
import { describeChoiceRule, isRecord, shortResource } from './asl-describe.ts';

const CHAR = 7.4; // approximate width of a 13px sans-serif character
const SMALL_CHAR = 6.3; // approximate width of an 11px character
const MAX_LABEL = 32;
const MAX_SUBTITLE = 40;
const NODE_HEIGHT = 40;
const NODE_HEIGHT_WITH_SUBTITLE = 54;
const CHOICE_HEIGHT = 64;
const TERMINAL_WIDTH = 72;
const TERMINAL_HEIGHT = 32;
const MIN_WIDTH = 112;
const H_GAP = 28;
const V_GAP = 40;
const V_GAP_LABELLED = 64;
const DUMMY_WIDTH = 12;
const CONTAINER_HEADER = 46;
const CONTAINER_PADDING = 14;
const LANE_HEADER = 20;
const LANE_GAP = 16;
const BACK_EDGE_MARGIN = 24;
const BACK_EDGE_SPACING = 14;
const MARGIN = 16;
const PORT_SPACING = 14;
const CATCH_WEIGHT = 0.2;
const DUMMY_WEIGHT = 0.5;
const CATCH_DUMMY_WEIGHT = 0.02;
const LABEL_STEP = 22;

interface Neighbour {
  id: string;
  weight: number;
}

export interface AslLayoutOptions {
  /** Draw synthetic Start and End nodes (default true). */
  terminals?: boolean;
}

/** Lays out a state machine for a top-down diagram. Tolerates invalid definitions: it draws what it can. */
export function layoutAsl(definition: unknown, options: AslLayoutOptions = {}): AslLayout {
  if (!isRecord(definition)) return { width: 2 * MARGIN, height: 2 * MARGIN, nodes: [], edges: [] };
  const local = layoutMachine(definition, '', options.terminals ?? true, 0);
  translate(local.nodes, local.edges, MARGIN, MARGIN);
  return {
    width: round(local.width + 2 * MARGIN),
    height: round(local.height + 2 * MARGIN),
    nodes: local.nodes,
    edges: local.edges,
  };
}

interface LocalLayout {
  width: number;
  height: number;
  nodes: AslLayoutNode[];
  edges: AslLayoutEdge[];
}

interface GraphNode {
  id: string;
  dummy: boolean;
  width: number;
  height: number;
  layer: number;
  /** Centre x. */
  x: number;
  /** Top y. */
  y: number;
  /** How firmly the node holds its place when neighbours compete for room (dummies give way). */
  weight: number;
  node?: AslLayoutNode;
  /** For containers: the laid-out lanes, in the container's own frame. */
  lanes?: { label: string; layout: LocalLayout; x: number; width: number }[];
}

interface GraphEdge {
  from: string;
  to: string;
  kind: AslEdgeKind;
  label?: string;
  back: boolean;
  /** from, dummy waypoints..., to */
  chain: string[];
}

function layoutMachine(
  machine: Record<string, unknown>,
  prefix: string,
  terminals: boolean,
  depth: number,
): LocalLayout {
  const states = isRecord(machine.States) ? machine.States : {};
  const names = Object.keys(states);
  const idOf = (name: string): string => `${prefix}States.${name}`;
  const nodes = new Map<string, GraphNode>();
  const order: string[] = [];
  const edges: GraphEdge[] = [];

  const addNode = (node: GraphNode): void => {
    nodes.set(node.id, node);
    order.push(node.id);
  };
  const startId = prefix === '' ? 'Start' : `${prefix}Start`;
  const endId = prefix === '' ? 'End' : `${prefix}End`;
  if (terminals) addNode(terminalNode(startId, 'Start', depth));
  for (const name of names) addNode(stateNode(name, idOf(name), states[name], depth));

  const addEdge = (from: string, to: string, kind: AslEdgeKind, label?: string): void => {
    const edge: GraphEdge = { from, to, kind, back: false, chain: [from, to] };
    if (label !== undefined) edge.label = label;
    edges.push(edge);
  };
  const startAt = typeof machine.StartAt === 'string' && names.includes(machine.StartAt) ? machine.StartAt : undefined;
  if (terminals && startAt !== undefined) addEdge(startId, idOf(startAt), 'next');
  let endUsed = false;
  for (const name of names) {
    const state = states[name];
    if (!isRecord(state)) continue;
    const from = idOf(name);
    const target = (value: unknown): string | undefined =>
      typeof value === 'string' && names.includes(value) ? idOf(value) : undefined;
    if (state.Type === 'Choice') {
      if (Array.isArray(state.Choices)) {
        for (const rule of state.Choices) {
          const to = isRecord(rule) ? target(rule.Next) : undefined;
          if (to) addEdge(from, to, 'choice', describeChoiceRule(rule));
        }
      }
      const fallback = target(state.Default);
      if (fallback) addEdge(from, fallback, 'default', 'Default');
    } else {
      const next = target(state.Next);
      if (next) addEdge(from, next, 'next');
      if (terminals && (state.End === true || state.Type === 'Succeed')) {
        addEdge(from, endId, 'next');
        endUsed = true;
      }
    }
    if (Array.isArray(state.Catch)) {
      for (const catcher of state.Catch) {
        if (!isRecord(catcher)) continue;
        const to = target(catcher.Next);
        const errors = Array.isArray(catcher.ErrorEquals)
          ? catcher.ErrorEquals.filter((e) => typeof e === 'string')
          : [];
        if (to) addEdge(from, to, 'catch', errors.length > 0 ? errors.join(', ') : 'error');
      }
    }
  }
  if (endUsed) addNode(terminalNode(endId, 'End', depth));

  // Containers: lay out their contents first, to know their size.
  for (const name of names) {
    const state = states[name];
    const graphNode = nodes.get(idOf(name));
    if (!isRecord(state) || !graphNode) continue;
    layoutContainer(state, idOf(name), graphNode, depth);
  }

  const outgoing = new Map<string, GraphEdge[]>();
  for (const id of order) outgoing.set(id, []);
  for (const edge of edges) outgoing.get(edge.from)?.push(edge);

  // 2. Depth-first search: back edges and discovery order.
  const visit = new Map<string, 'open' | 'done'>();
  const discovery: string[] = [];
  const postorder: string[] = [];
  const dfs = (id: string): void => {
    visit.set(id, 'open');
    discovery.push(id);
    for (const edge of outgoing.get(id) ?? []) {
      const seen = visit.get(edge.to);
      if (edge.to === id || seen === 'open') edge.back = true;
      else if (seen === undefined) dfs(edge.to);
    }
    visit.set(id, 'done');
    postorder.push(id);
  };
  const roots = [terminals ? startId : startAt !== undefined ? idOf(startAt) : undefined, ...order].filter(
    (id): id is string => id !== undefined,
  );
  for (const root of roots) if (!visit.has(root)) dfs(root);

  // 3. Longest-path layering over forward edges, in topological (reverse post-) order.
  const forwardIn = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    if (edge.back) continue;
    const list = forwardIn.get(edge.to) ?? [];
    list.push(edge);
    forwardIn.set(edge.to, list);
  }
  const rootLayer = (id: string): number => (terminals && id !== startId ? 1 : 0);
  for (const id of [...postorder].reverse()) {
    const node = nodes.get(id) as GraphNode;
    const incoming = forwardIn.get(id) ?? [];
    node.layer =
      incoming.length === 0
        ? rootLayer(id)
        : Math.max(...incoming.map((edge) => (nodes.get(edge.from) as GraphNode).layer + 1));
  }

  // Dummy waypoints for forward edges spanning more than one layer.
  let dummyCount = 0;
  for (const edge of edges) {
    if (edge.back) continue;
    const from = nodes.get(edge.from) as GraphNode;
    const to = nodes.get(edge.to) as GraphNode;
    const chain = [edge.from];
    for (let layer = from.layer + 1; layer < to.layer; layer += 1) {
      const id = `${prefix}~dummy${dummyCount}`;
      dummyCount += 1;
      const weight = edge.kind === 'catch' ? CATCH_DUMMY_WEIGHT : DUMMY_WEIGHT;
      nodes.set(id, { id, dummy: true, width: DUMMY_WIDTH, height: 0, layer, x: 0, y: 0, weight });
      chain.push(id);
    }
    chain.push(edge.to);
    edge.chain = chain;
  }

  // 4. Ordering within layers.
  const layerCount = Math.max(0, ...[...nodes.values()].map((node) => node.layer)) + 1;
  const rank = new Map<string, number>();
  discovery.forEach((id, index) => rank.set(id, index));
  edges.forEach((edge, edgeIndex) => {
    const base = rank.get(edge.from) ?? 0;
    edge.chain.slice(1, -1).forEach((id) => rank.set(id, base + 0.5 + edgeIndex / (edges.length + 1) / 2));
  });
  let layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const node of nodes.values()) layers[node.layer]?.push(node.id);
  for (const layer of layers) layer.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));

  const segments: [string, string][] = [];
  const up = new Map<string, Neighbour[]>();
  const down = new Map<string, Neighbour[]>();
  for (const edge of edges) {
    if (edge.back) continue;
    // Error paths pull less than the main flow, so the happy path stays straight.
    const weight = edge.kind === 'catch' ? CATCH_WEIGHT : 1;
    for (let i = 0; i + 1 < edge.chain.length; i += 1) {
      const a = edge.chain[i] as string;
      const b = edge.chain[i + 1] as string;
      segments.push([a, b]);
      down.set(a, [...(down.get(a) ?? []), { id: b, weight }]);
      up.set(b, [...(up.get(b) ?? []), { id: a, weight }]);
    }
  }
  layers = reduceCrossings(layers, up, down, segments, nodes);

  // 5. Coordinates.
  placeHorizontally(layers, nodes, up, down);
  straightenLongEdges(edges, layers, nodes);
  const layerTops = placeVertically(layers, nodes, edges);

  let minLeft = Number.POSITIVE_INFINITY;
  for (const node of nodes.values()) minLeft = Math.min(minLeft, node.x - node.width / 2);
  if (!Number.isFinite(minLeft)) minLeft = 0;
  for (const node of nodes.values()) node.x -= minLeft;
  let width = 0;
  let height = 0;
  for (const node of nodes.values()) {
    width = Math.max(width, node.x + node.width / 2);
    if (!node.dummy) height = Math.max(height, node.y + node.height);
  }

  // Edges.
  const layoutEdges = routeEdges(edges, nodes, layerTops, prefix);
  const backEdges = layoutEdges.filter((edge) => edge.back);
  backEdges.forEach((edge, index) => {
    const laneX = width + BACK_EDGE_MARGIN + index * BACK_EDGE_SPACING;
    const from = nodes.get(edge.from) as GraphNode;
    const to = nodes.get(edge.to) as GraphNode;
    const fromY = from.y + from.height / 2 + (edge.from === edge.to ? 6 : 0);
    const toY = to.y + to.height / 2 - (edge.from === edge.to ? 6 : 0);
    edge.points = [
      { x: rightEdgeAt(from, fromY), y: fromY },
      { x: laneX, y: fromY },
      { x: laneX, y: toY },
      { x: rightEdgeAt(to, toY), y: toY },
    ].map(roundPoint);
    if (edge.label !== undefined) edge.labelPosition = roundPoint({ x: laneX, y: (fromY + toY) / 2 });
  });
  if (backEdges.length > 0) width += BACK_EDGE_MARGIN + (backEdges.length - 1) * BACK_EDGE_SPACING + 8;

  // Output nodes (containers before their contents), with container contents moved into place.
  const outNodes: AslLayoutNode[] = [];
  const outEdges: AslLayoutEdge[] = [...layoutEdges];
  for (const id of order) {
    const graphNode = nodes.get(id) as GraphNode;
    const node = graphNode.node as AslLayoutNode;
    node.x = round(graphNode.x - graphNode.width / 2);
    node.y = round(graphNode.y);
    node.width = round(graphNode.width);
    node.height = round(graphNode.height);
    node.layer = graphNode.layer;
    outNodes.push(node);
    if (graphNode.lanes) {
      node.lanes = [];
      for (const lane of graphNode.lanes) {
        const laneTop = node.y + CONTAINER_HEADER;
        const laneHeight = node.height - CONTAINER_HEADER - CONTAINER_PADDING;
        node.lanes.push({
          x: round(node.x + lane.x),
          y: round(laneTop),
          width: round(lane.width),
          height: round(laneHeight),
          label: lane.label,
        });
        const offsetX = node.x + lane.x + (lane.width - lane.layout.width) / 2;
        const offsetY = laneTop + LANE_HEADER;
        translate(lane.layout.nodes, lane.layout.edges, offsetX, offsetY);
        for (const child of lane.layout.nodes) if (child.parent === undefined) child.parent = node.id;
        outNodes.push(...lane.layout.nodes);
        outEdges.push(...lane.layout.edges);
      }
    }
  }
  return { width: round(width), height: round(height), nodes: outNodes, edges: outEdges };
}

function terminalNode(id: string, type: 'Start' | 'End', depth: number): GraphNode {
  return {
    id,
    dummy: false,
    width: TERMINAL_WIDTH,
    height: TERMINAL_HEIGHT,
    layer: 0,
    x: 0,
    y: 0,
    weight: 1,
    node: {
      id,
      name: type,
      label: type,
      type,
      x: 0,
      y: 0,
      width: TERMINAL_WIDTH,
      height: TERMINAL_HEIGHT,
      depth,
      layer: 0,
      container: false,
    },
  };
}

function stateNode(name: string, id: string, state: unknown, depth: number): GraphNode {
  const record = isRecord(state) ? state : {};
  const type: AslNodeType = isAslStateType(record.Type) ? record.Type : 'Pass';
  const label = truncate(name, MAX_LABEL);
  const subtitleText = isAslStateType(record.Type) ? subtitleFor(record) : 'unknown Type';
  const subtitle = subtitleText === undefined ? undefined : truncate(subtitleText, MAX_SUBTITLE);
  const textWidth = Math.max(label.length * CHAR, (subtitle?.length ?? 0) * SMALL_CHAR);
  let width = Math.max(MIN_WIDTH, Math.ceil(textWidth + 32));
  let height = subtitle === undefined ? NODE_HEIGHT : NODE_HEIGHT_WITH_SUBTITLE;
  if (type === 'Choice') {
    width = Math.max(MIN_WIDTH + 24, Math.ceil(textWidth * 1.3 + 56));
    height = CHOICE_HEIGHT;
  }
  const node: AslLayoutNode = {
    id,
    name,
    label,
    type,
    x: 0,
    y: 0,
    width,
    height,
    depth,
    layer: 0,
    container: type === 'Parallel' || type === 'Map',
  };
  if (subtitle !== undefined) node.subtitle = subtitle;
  return { id, dummy: false, width, height, layer: 0, x: 0, y: 0, weight: 1, node };
}

function subtitleFor(state: Record<string, unknown>): string | undefined {
  switch (state.Type) {
    case 'Task':
      return typeof state.Resource === 'string' ? shortResource(state.Resource) : undefined;
    case 'Wait':
      if (typeof state.Seconds === 'number') return `wait ${state.Seconds} s`;
      if (typeof state.SecondsPath === 'string') return `wait ${state.SecondsPath} s`;
      if (typeof state.Timestamp === 'string') return `until ${state.Timestamp}`;
      if (typeof state.TimestampPath === 'string') return `until ${state.TimestampPath}`;
      return undefined;
    case 'Fail':
      return typeof state.Error === 'string'
        ? state.Error
        : typeof state.ErrorPath === 'string'
          ? state.ErrorPath
          : undefined;
    case 'Pass':
      return state.Result !== undefined ? 'fixed Result' : undefined;
    case 'Parallel': {
      const count = Array.isArray(state.Branches) ? state.Branches.length : 0;
      return `${count} branch${count === 1 ? '' : 'es'}`;
    }
    case 'Map':
      return `for each item in ${typeof state.ItemsPath === 'string' ? state.ItemsPath : '$'}`;
    default:
      return undefined;
  }
}

function layoutContainer(state: Record<string, unknown>, id: string, graphNode: GraphNode, depth: number): void {
  const lanes: { label: string; machine: Record<string, unknown>; prefix: string }[] = [];
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    state.Branches.forEach((branch, index) => {
      if (isRecord(branch))
        lanes.push({ label: `Branch ${index + 1}`, machine: branch, prefix: `${id}.Branches[${index}].` });
    });
  } else if (state.Type === 'Map') {
    const field = isRecord(state.ItemProcessor) ? 'ItemProcessor' : isRecord(state.Iterator) ? 'Iterator' : undefined;
    const processor = field ? state[field] : undefined;
    if (field && isRecord(processor))
      lanes.push({ label: 'For each item', machine: processor, prefix: `${id}.${field}.` });
  }
  if (graphNode.node?.container !== true) return;
  let x = CONTAINER_PADDING;
  let innerHeight = 0;
  const placed: NonNullable<GraphNode['lanes']> = [];
  for (const lane of lanes) {
    const layout = layoutMachine(lane.machine, lane.prefix, false, depth + 1);
    const width = Math.max(layout.width + 2 * CONTAINER_PADDING, lane.label.length * SMALL_CHAR + 16);
    placed.push({ label: lane.label, layout, x, width });
    x += width + LANE_GAP;
    innerHeight = Math.max(innerHeight, layout.height + LANE_HEADER + CONTAINER_PADDING);
  }
  const innerWidth = placed.length > 0 ? x - LANE_GAP + CONTAINER_PADDING : 2 * CONTAINER_PADDING;
  const headerWidth =
    Math.max(graphNode.node.label.length * CHAR, (graphNode.node.subtitle?.length ?? 0) * SMALL_CHAR) +
    2 * CONTAINER_PADDING;
  graphNode.width = Math.max(MIN_WIDTH, innerWidth, headerWidth);
  // Centre the lanes if the header is wider than they are.
  const slack = graphNode.width - innerWidth;
  if (slack > 0) for (const lane of placed) lane.x += slack / 2;
  graphNode.height = CONTAINER_HEADER + Math.max(innerHeight, LANE_HEADER) + CONTAINER_PADDING;
  graphNode.lanes = placed;
}

/* ----------------------------------------------------------------------------------------------------------
 * Ordering
 * -------------------------------------------------------------------------------------------------------- */

function reduceCrossings(
  initial: string[][],
  up: Map<string, Neighbour[]>,
  down: Map<string, Neighbour[]>,
  segments: [string, string][],
  nodes: Map<string, GraphNode>,
): string[][] {
  let layers = initial.map((layer) => [...layer]);
  let best = layers.map((layer) => [...layer]);
  let bestCrossings = countCrossings(layers, segments, nodes);
  const sweep = (index: number, neighbours: Map<string, Neighbour[]>, reference: string[]): void => {
    const position = new Map(reference.map((id, i) => [id, i]));
    const layer = layers[index] as string[];
    const keyed = layer.map((id, current) => {
      const linked = (neighbours.get(id) ?? [])
        .map((other) => position.get(other.id))
        .filter((p): p is number => p !== undefined);
      const key = linked.length > 0 ? linked.reduce((sum, p) => sum + p, 0) / linked.length : current;
      return { id, key, current };
    });
    keyed.sort((a, b) => a.key - b.key || a.current - b.current);
    layers[index] = keyed.map((entry) => entry.id);
  };
  for (let iteration = 0; iteration < 6 && bestCrossings > 0; iteration += 1) {
    for (let i = 1; i < layers.length; i += 1) sweep(i, up, layers[i - 1] as string[]);
    for (let i = layers.length - 2; i >= 0; i -= 1) sweep(i, down, layers[i + 1] as string[]);
    const crossings = countCrossings(layers, segments, nodes);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((layer) => [...layer]);
    }
  }
  layers = best;
  return layers;
}

function countCrossings(layers: string[][], segments: [string, string][], nodes: Map<string, GraphNode>): number {
  const position = new Map<string, number>();
  for (const layer of layers) layer.forEach((id, i) => position.set(id, i));
  const byLayer = new Map<number, [number, number][]>();
  for (const [a, b] of segments) {
    const layer = (nodes.get(a) as GraphNode).layer;
    const list = byLayer.get(layer) ?? [];
    list.push([position.get(a) ?? 0, position.get(b) ?? 0]);
    byLayer.set(layer, list);
  }
  let crossings = 0;
  for (const list of byLayer.values()) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const [a1, b1] = list[i] as [number, number];
        const [a2, b2] = list[j] as [number, number];
        if ((a1 - a2) * (b1 - b2) < 0) crossings += 1;
      }
    }
  }
  return crossings;
}

/* ----------------------------------------------------------------------------------------------------------
 * Coordinates
 * -------------------------------------------------------------------------------------------------------- */

function placeHorizontally(
  layers: string[][],
  nodes: Map<string, GraphNode>,
  up: Map<string, Neighbour[]>,
  down: Map<string, Neighbour[]>,
): void {
  const get = (id: string): GraphNode => nodes.get(id) as GraphNode;
  // Start: each layer packed and centred on 0.
  for (const layer of layers) {
    const total = layer.reduce((sum, id) => sum + get(id).width, 0) + H_GAP * Math.max(0, layer.length - 1);
    let left = -total / 2;
    for (const id of layer) {
      const node = get(id);
      node.x = left + node.width / 2;
      left += node.width + H_GAP;
    }
  }
  const align = (layer: string[], neighbours: Map<string, Neighbour[]>): void => {
    const desired = layer.map((id) => {
      const linked = neighbours.get(id) ?? [];
      const total = linked.reduce((sum, other) => sum + other.weight, 0);
      return total > 0 ? linked.reduce((sum, other) => sum + get(other.id).x * other.weight, 0) / total : get(id).x;
    });
    const placed = fitInOrder(
      desired,
      layer.map((id) => get(id).width),
      layer.map((id) => get(id).weight),
    );
    layer.forEach((id, i) => {
      get(id).x = placed[i] ?? 0;
    });
  };
  for (let iteration = 0; iteration < 4; iteration += 1) {
    for (let i = 1; i < layers.length; i += 1) align(layers[i] as string[], up);
    for (let i = layers.length - 2; i >= 0; i -= 1) align(layers[i] as string[], down);
  }
  // Finish with a downward pass, so that chains hang straight below their first node.
  for (let i = 1; i < layers.length; i += 1) align(layers[i] as string[], up);
}

/** Lines up the waypoints of each long edge on one x where that fits between their neighbours. */
function straightenLongEdges(edges: GraphEdge[], layers: string[][], nodes: Map<string, GraphNode>): void {
  const get = (id: string): GraphNode => nodes.get(id) as GraphNode;
  const position = new Map<string, number>();
  for (const layer of layers) layer.forEach((id, i) => position.set(id, i));
  const fits = (id: string, x: number): boolean => {
    const node = get(id);
    const layer = layers[node.layer] as string[];
    const index = position.get(id) ?? 0;
    const left = layer[index - 1];
    const right = layer[index + 1];
    const half = node.width / 2;
    if (left !== undefined && x - half < get(left).x + get(left).width / 2 + H_GAP) return false;
    return right === undefined || x + half <= get(right).x - get(right).width / 2 - H_GAP;
  };
  for (const edge of edges) {
    const dummies = edge.chain.slice(1, -1);
    if (dummies.length < 2) continue;
    const mean = dummies.reduce((sum, id) => sum + get(id).x, 0) / dummies.length;
    const candidates = dummies.map((id) => get(id).x).sort((a, b) => Math.abs(a - mean) - Math.abs(b - mean) || a - b);
    const chosen = candidates.find((x) => dummies.every((id) => fits(id, x)));
    if (chosen !== undefined) for (const id of dummies) get(id).x = chosen;
  }
}

/**
 * Centres as close as possible (least squares) to `desired`, keeping the order and at least H_GAP between
 * neighbours: isotonic regression by pool-adjacent-violators on the centres minus their minimum offsets.
 */
function fitInOrder(desired: number[], widths: number[], weights: number[] = []): number[] {
  const offsets: number[] = [];
  let offset = 0;
  widths.forEach((width, i) => {
    if (i > 0) offset += ((widths[i - 1] ?? 0) + width) / 2 + H_GAP;
    offsets.push(offset);
  });
  interface Block {
    sum: number;
    weight: number;
    count: number;
  }
  const blocks: Block[] = [];
  desired.forEach((value, i) => {
    const weight = weights[i] ?? 1;
    blocks.push({ sum: (value - (offsets[i] ?? 0)) * weight, weight, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as Block;
      const before = blocks[blocks.length - 2] as Block;
      if (before.sum / before.weight <= last.sum / last.weight) break;
      blocks.pop();
      before.sum += last.sum;
      before.weight += last.weight;
      before.count += last.count;
    }
  });
  const result: number[] = [];
  for (const block of blocks) {
    const mean = block.sum / block.weight;
    for (let k = 0; k < block.count; k += 1) result.push(mean + (offsets[result.length] ?? 0));
  }
  return result;
}

function placeVertically(layers: string[][], nodes: Map<string, GraphNode>, edges: GraphEdge[]): number[] {
  // Room below a layer for the stacked labels of its most-labelled node.
  const labelsPerNode = new Map<string, number>();
  for (const edge of edges) {
    if (!edge.back && edge.label !== undefined) labelsPerNode.set(edge.from, (labelsPerNode.get(edge.from) ?? 0) + 1);
  }
  const labelGap = new Map<number, number>();
  for (const [id, count] of labelsPerNode) {
    const layer = (nodes.get(id) as GraphNode).layer;
    labelGap.set(layer, Math.max(labelGap.get(layer) ?? 0, V_GAP_LABELLED, 24 + LABEL_STEP * count));
  }
  const tops: number[] = [];
  let y = 0;
  layers.forEach((layer, index) => {
    const height = Math.max(0, ...layer.map((id) => (nodes.get(id) as GraphNode).height));
    tops.push(y);
    for (const id of layer) {
      const node = nodes.get(id) as GraphNode;
      node.y = node.dummy ? y : y + (height - node.height) / 2;
      if (node.dummy) node.height = height;
    }
    y += height + (labelGap.get(index) ?? V_GAP);
  });
  tops.push(y);
  return tops;
}

/* ----------------------------------------------------------------------------------------------------------
 * Edges
 * -------------------------------------------------------------------------------------------------------- */

function routeEdges(
  edges: GraphEdge[],
  nodes: Map<string, GraphNode>,
  layerTops: number[],
  prefix: string,
): AslLayoutEdge[] {
  const get = (id: string): GraphNode => nodes.get(id) as GraphNode;
  // Ports: spread the edges leaving the bottom / entering the top of a node, ordered by where they go / come from.
  const outPorts = new Map<GraphEdge, number>();
  const inPorts = new Map<GraphEdge, number>();
  const byNode = (pick: (edge: GraphEdge) => string): Map<string, GraphEdge[]> => {
    const map = new Map<string, GraphEdge[]>();
    for (const edge of edges) {
      if (edge.back) continue;
      const key = pick(edge);
      map.set(key, [...(map.get(key) ?? []), edge]);
    }
    return map;
  };
  const assign = (
    groups: Map<string, GraphEdge[]>,
    ports: Map<GraphEdge, number>,
    towards: (edge: GraphEdge) => string,
  ): void => {
    for (const [id, group] of groups) {
      const node = get(id);
      const sorted = [...group].sort((a, b) => get(towards(a)).x - get(towards(b)).x);
      const spacing = Math.min(PORT_SPACING, (node.width * 0.7) / Math.max(1, sorted.length));
      sorted.forEach((edge, i) => ports.set(edge, node.x + (i - (sorted.length - 1) / 2) * spacing));
    }
  };
  assign(
    byNode((edge) => edge.from),
    outPorts,
    (edge) => edge.chain[1] as string,
  );
  assign(
    byNode((edge) => edge.to),
    inPorts,
    (edge) => edge.chain[edge.chain.length - 2] as string,
  );

  const routed = edges.map((edge, index) => {
    const from = get(edge.from);
    const to = get(edge.to);
    const layoutEdge: AslLayoutEdge = {
      id: `${prefix}edge${index}`,
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      points: [],
      back: edge.back,
    };
    if (edge.label !== undefined) layoutEdge.label = edge.label;
    if (edge.back) return layoutEdge;
    const startX = outPorts.get(edge) ?? from.x;
    const endX = inPorts.get(edge) ?? to.x;
    const points: AslPoint[] = [{ x: startX, y: bottomAt(from, startX) }];
    for (const id of edge.chain.slice(1, -1)) {
      const dummy = get(id);
      points.push({ x: dummy.x, y: layerTops[dummy.layer] ?? dummy.y }, { x: dummy.x, y: dummy.y + dummy.height });
    }
    points.push({ x: endX, y: topAt(to, endX) });
    layoutEdge.points = points.map(roundPoint);
    return layoutEdge;
  });

  // Labels: on the first segment, stacked one row apart for the edges leaving the same node.
  for (const [id, group] of byNode((edge) => edge.from)) {
    const node = get(id);
    const labelled = group
      .filter((edge) => edge.label !== undefined)
      .sort((a, b) => (outPorts.get(a) ?? 0) - (outPorts.get(b) ?? 0));
    labelled.forEach((edge, row) => {
      const layoutEdge = routed[edges.indexOf(edge)] as AslLayoutEdge;
      const [a, b] = layoutEdge.points as [AslPoint, AslPoint];
      const y = Math.min(node.y + node.height + 12 + row * LABEL_STEP, b.y - 6);
      const t = b.y === a.y ? 0.5 : Math.max(0, Math.min(1, (y - a.y) / (b.y - a.y)));
      layoutEdge.labelPosition = roundPoint({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
    });
  }
  return routed;
}

/** The y of the bottom outline of a node at x (the lower sides of a Choice diamond, else the bottom). */
function bottomAt(node: GraphNode, x: number): number {
  if (node.node?.type !== 'Choice') return node.y + node.height;
  const dx = Math.min(Math.abs(x - node.x), node.width / 2);
  return node.y + node.height / 2 + (node.height / 2) * (1 - dx / (node.width / 2));
}

function topAt(node: GraphNode, x: number): number {
  if (node.node?.type !== 'Choice') return node.y;
  const dx = Math.min(Math.abs(x - node.x), node.width / 2);
  return node.y + node.height / 2 - (node.height / 2) * (1 - dx / (node.width / 2));
}

function rightEdgeAt(node: GraphNode, y: number): number {
  if (node.node?.type !== 'Choice') return node.x + node.width / 2;
  const dy = Math.min(Math.abs(y - (node.y + node.height / 2)), node.height / 2);
  return node.x + (node.width / 2) * (1 - dy / (node.height / 2));
}

/* ----------------------------------------------------------------------------------------------------------
 * Helpers
 * -------------------------------------------------------------------------------------------------------- */

function translate(nodes: AslLayoutNode[], edges: AslLayoutEdge[], dx: number, dy: number): void {
  for (const node of nodes) {
    node.x = round(node.x + dx);
    node.y = round(node.y + dy);
    if (node.lanes)
      for (const lane of node.lanes) Object.assign(lane, { x: round(lane.x + dx), y: round(lane.y + dy) });
  }
  for (const edge of edges) {
    edge.points = edge.points.map((point) => roundPoint({ x: point.x + dx, y: point.y + dy }));
    if (edge.labelPosition)
      edge.labelPosition = roundPoint({ x: edge.labelPosition.x + dx, y: edge.labelPosition.y + dy });
  }
}

function truncate(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function roundPoint(point: AslPoint): AslPoint {
  return { x: round(point.x), y: round(point.y) };
}
