import { describe, expect, it } from 'vitest';
import { layoutAsl, type AslLayout, type AslLayoutNode, type JsonObject } from '../../../src/lib/state-machines';
import { diagramSamples } from './diagram-samples.ts';

/** The first sample (a polling loop with a Choice, a catcher, a Parallel holding a Map) plus an unreachable state. */
const sample = diagramSamples[0]!.definition;
const machine: JsonObject = {
  ...sample,
  States: { ...(sample.States as JsonObject), Orphan: { Type: 'Pass', End: true } },
};

function node(layout: AslLayout, name: string): AslLayoutNode {
  const found = layout.nodes.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
}

function overlaps(a: AslLayoutNode, b: AslLayoutNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function edgeList(layout: AslLayout): string[] {
  const names = new Map(layout.nodes.map((n) => [n.id, n.name]));
  return layout.edges.map(
    (edge) => `${names.get(edge.from)} -${edge.kind}-> ${names.get(edge.to)}${edge.label ? ` [${edge.label}]` : ''}`,
  );
}

describe('layoutAsl', () => {
  const layout = layoutAsl(machine);

  it('gives every state, nested ones included, exactly one node, plus Start and End', () => {
    const names = layout.nodes.map((n) => n.name).sort();
    expect(names).toEqual(
      [
        'Start',
        'End',
        'Init',
        'Fan',
        'A1',
        'A2',
        'B1',
        'Item',
        'Poll',
        'IsDone',
        'WaitABit',
        'Done',
        'Oops',
        'Orphan',
      ].sort(),
    );
    expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(layout.nodes.length);
    expect(node(layout, 'A2').id).toBe('States.Fan.Branches[0].States.A2');
    expect(node(layout, 'Item').id).toBe('States.Fan.Branches[1].States.B1.ItemProcessor.States.Item');
    expect(node(layout, 'IsDone').type).toBe('Choice');
    expect(node(layout, 'Poll').subtitle).toBe('lambda:invoke');
  });

  it('draws an edge for every transition, with Choice conditions, Default and catcher errors as labels', () => {
    expect(edgeList(layout).sort()).toEqual(
      [
        'Start -next-> Init',
        'Init -next-> Fan',
        'Fan -next-> Poll',
        'Fan -catch-> Oops [States.Timeout, States.TaskFailed]',
        'A1 -next-> A2',
        'Poll -next-> IsDone',
        'IsDone -choice-> Done [$.status == "DONE"]',
        'IsDone -choice-> WaitABit [$.n < 3 and not ($.x is present)]',
        'IsDone -default-> Oops [Default]',
        'WaitABit -next-> Poll',
        'Done -next-> End',
        'Orphan -next-> End',
      ].sort(),
    );
    for (const edge of layout.edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      if (edge.label !== undefined) expect(edge.labelBox).toBeDefined();
    }
  });

  it('layers by longest path and points every forward edge downwards', () => {
    const layer = (name: string): number => node(layout, name).layer;
    expect(layer('Start')).toBe(0);
    expect(layer('Init')).toBe(1);
    expect(layer('Fan')).toBe(2);
    expect(layer('Poll')).toBe(3);
    expect(layer('IsDone')).toBe(4);
    expect(layer('Oops')).toBe(5); // below IsDone, not just below Fan
    expect(layer('End')).toBe(6);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const edge of layout.edges.filter((e) => !e.back)) {
      const from = byId.get(edge.from) as AslLayoutNode;
      const to = byId.get(edge.to) as AslLayoutNode;
      expect(to.layer).toBeGreaterThan(from.layer);
      const first = edge.points[0];
      const last = edge.points[edge.points.length - 1];
      expect(first?.y).toBeGreaterThanOrEqual(from.y + from.height / 2);
      expect(last?.y).toBeLessThanOrEqual(to.y + to.height / 2);
      expect(last?.y).toBeGreaterThanOrEqual(to.y);
    }
  });

  it('draws the loop as one edge going back up, from border to border, through no other state', () => {
    const back = layout.edges.filter((edge) => edge.back);
    expect(back).toHaveLength(1);
    const [loop] = back;
    const waitABit = node(layout, 'WaitABit');
    const poll = node(layout, 'Poll');
    expect(loop?.from).toBe(waitABit.id);
    expect(loop?.to).toBe(poll.id);
    const onBorder = (point: { x: number; y: number } | undefined, box: AslLayoutNode): boolean =>
      point !== undefined &&
      point.x >= box.x - 0.5 &&
      point.x <= box.x + box.width + 0.5 &&
      point.y >= box.y - 0.5 &&
      point.y <= box.y + box.height + 0.5 &&
      (Math.abs(point.x - box.x) < 1 ||
        Math.abs(point.x - box.x - box.width) < 1 ||
        Math.abs(point.y - box.y) < 1 ||
        Math.abs(point.y - box.y - box.height) < 1);
    expect(onBorder(loop?.points[0], waitABit)).toBe(true);
    expect(onBorder(loop?.points.at(-1), poll)).toBe(true);
    expect(loop!.points.at(-1)!.y).toBeLessThan(loop!.points[0]!.y);
    const others = layout.nodes.filter((n) => !n.container && n !== waitABit && n !== poll);
    for (const point of loop!.points) {
      for (const other of others) {
        const inside =
          point.x > other.x && point.x < other.x + other.width && point.y > other.y && point.y < other.y + other.height;
        expect(inside, other.name).toBe(false);
      }
    }
  });

  it('never overlaps two nodes of the same (sub-)machine', () => {
    const groups = new Map<string, AslLayoutNode[]>();
    for (const n of layout.nodes) groups.set(n.parent ?? '', [...(groups.get(n.parent ?? '') ?? []), n]);
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += 1) {
        for (let j = i + 1; j < group.length; j += 1) {
          const a = group[i] as AslLayoutNode;
          const b = group[j] as AslLayoutNode;
          expect(overlaps(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
        }
      }
    }
  });

  it('keeps nodes in the same layer side by side, in order, with a gap', () => {
    const rows = new Map<string, AslLayoutNode[]>();
    for (const n of layout.nodes) {
      const key = `${n.parent ?? ''}#${n.layer}`;
      rows.set(key, [...(rows.get(key) ?? []), n]);
    }
    for (const row of rows.values()) {
      const sorted = [...row].sort((a, b) => a.x - b.x);
      for (let i = 1; i < sorted.length; i += 1) {
        const before = sorted[i - 1] as AslLayoutNode;
        expect((sorted[i] as AslLayoutNode).x).toBeGreaterThanOrEqual(before.x + before.width + 10);
      }
    }
  });

  it('draws Parallel branches and the Map item processor inside their containers', () => {
    const fan = node(layout, 'Fan');
    const map = node(layout, 'B1');
    expect(fan.container).toBe(true);
    expect(fan.lanes?.map((lane) => lane.label)).toEqual(['Branch 1', 'Branch 2']);
    expect(map.lanes?.map((lane) => lane.label)).toEqual(['For each item']);
    const inside = (child: AslLayoutNode, parent: AslLayoutNode): boolean =>
      child.x >= parent.x &&
      child.y >= parent.y &&
      child.x + child.width <= parent.x + parent.width &&
      child.y + child.height <= parent.y + parent.height;
    for (const name of ['A1', 'A2', 'B1']) {
      expect(node(layout, name).parent).toBe(fan.id);
      expect(inside(node(layout, name), fan), name).toBe(true);
    }
    expect(node(layout, 'Item').parent).toBe(map.id);
    // Two levels deep: the Map holding Item is itself inside the Parallel.
    expect(map.parent).toBe(fan.id);
    expect(inside(node(layout, 'Item'), map)).toBe(true);
    // Branch 1 is to the left of branch 2.
    expect(node(layout, 'A1').x + node(layout, 'A1').width).toBeLessThan(map.x);
  });

  it('keeps every node and edge inside the layout size', () => {
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    for (const point of layout.edges.flatMap((edge) => edge.points)) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(layout.width);
      expect(point.y).toBeLessThanOrEqual(layout.height);
    }
  });

  it('is deterministic', () => {
    expect(layoutAsl(machine)).toEqual(layout);
    expect(JSON.stringify(layoutAsl(structuredClone(machine)))).toBe(JSON.stringify(layout));
  });

  it('orders layers so that edges do not cross', () => {
    // In discovery order the long edge X -> C would pass left of A and cross A -> D; the barycenter sweeps
    // move it between A and B.
    const tangled: JsonObject = {
      StartAt: 'X',
      States: {
        X: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.a', IsPresent: true, Next: 'A' },
            { Variable: '$.b', IsPresent: true, Next: 'B' },
            { Variable: '$.c', IsPresent: true, Next: 'C' },
          ],
        },
        A: { Type: 'Pass', Next: 'D' },
        B: { Type: 'Pass', Next: 'C' },
        C: { Type: 'Succeed' },
        D: { Type: 'Succeed' },
      },
    };
    const result = layoutAsl(tangled);
    // Start takes row 0.
    expect(node(result, 'C').layer).toBe(3);
    const segments = result.edges.flatMap((edge) =>
      edge.points.slice(1).map((point, i) => [edge.points[i] as { x: number; y: number }, point] as const),
    );
    let crossings = 0;
    for (let i = 0; i < segments.length; i += 1) {
      for (let j = i + 1; j < segments.length; j += 1) {
        const [a, b] = segments[i] as readonly [{ x: number; y: number }, { x: number; y: number }];
        const [c, d] = segments[j] as readonly [{ x: number; y: number }, { x: number; y: number }];
        const side = (p: { x: number; y: number }, q: { x: number; y: number }, r: { x: number; y: number }): number =>
          Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
        if (side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) crossings += 1;
      }
    }
    expect(crossings).toBe(0);
  });

  it('routes a state that loops onto itself outside its box', () => {
    const result = layoutAsl({
      StartAt: 'Poll',
      States: {
        Poll: { Type: 'Task', Resource: 'x', Next: 'Poll', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Stop' }] },
        Stop: { Type: 'Succeed' },
      },
    });
    const loop = result.edges.find((edge) => edge.from === edge.to);
    const poll = node(result, 'Poll');
    expect(loop?.back).toBe(true);
    expect(Math.max(...(loop?.points ?? []).map((p) => p.x))).toBeGreaterThan(poll.x + poll.width);
    expect(node(result, 'Stop').layer).toBeGreaterThan(poll.layer);
  });

  it('shortens very long names but keeps the full name', () => {
    const long = 'A'.repeat(70);
    const result = layoutAsl({ StartAt: long, States: { [long]: { Type: 'Succeed' } } });
    const n = node(result, long);
    expect(n.label.length).toBeLessThan(long.length);
    expect(n.label.endsWith('…')).toBe(true);
  });

  it('says whether a Map runs inline or distributed, and over what', () => {
    const [, inline, distributed] = diagramSamples.map((sample) => layoutAsl(sample.definition));
    expect(node(inline!, 'ProcessFiles').subtitle).toBe('inline over $.files');
    expect(node(distributed!, 'ScoreShards').subtitle).toBe('distributed over a reader');
    expect(node(distributed!, 'ScoreShards').lanes?.map((lane) => lane.label)).toEqual(['For each item']);
    expect(node(distributed!, 'Score').parent).toBe(node(distributed!, 'ScoreShards').id);
  });
});
