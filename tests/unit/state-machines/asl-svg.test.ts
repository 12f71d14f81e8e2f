import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../src/lib/escape-xml.ts';
import { renderAslSvg, type JsonObject } from '../../../src/lib/state-machines';

const machine: JsonObject = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Result: { items: [1, 2] }, Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A1', States: { A1: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
        {
          StartAt: 'B1',
          States: {
            B1: {
              Type: 'Map',
              ItemsPath: '$.items',
              ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
              End: true,
            },
          },
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Oops' }],
      Next: 'IsDone',
    },
    IsDone: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.status', StringEquals: 'DONE', Next: 'Done' },
        { Variable: '$.n', NumericLessThan: 3, Next: 'Pause' },
      ],
      Default: 'Oops',
    },
    Pause: { Type: 'Wait', Seconds: 10, Next: 'IsDone' },
    Done: { Type: 'Succeed' },
    Oops: { Type: 'Fail', Error: 'Boom', Cause: 'It broke' },
  },
};

const NAMES = ['Init', 'Fan', 'A1', 'B1', 'Item', 'IsDone', 'Pause', 'Done', 'Oops'];

/**
 * A strict little XML check: one root element, balanced tags, quoted attributes without duplicates,
 * no raw `<` or stray `&` in text or attribute values.
 */
function expectWellFormed(xml: string): void {
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|[^<]+/y;
  const attribute = /([\w:.-]+)="([^"]*)"/g;
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let index = 0;
  while (index < xml.length) {
    token.lastIndex = index;
    const match = token.exec(xml);
    if (!match) throw new Error(`Malformed XML at ${index}: ${xml.slice(index, index + 60)}`);
    index = token.lastIndex;
    const [text, closing, name, attributes = '', selfClosing] = match;
    if (name === undefined) {
      if (text.startsWith('<!--')) continue;
      if (entity.test(text)) throw new Error(`Unescaped & in text: ${text}`);
      if (stack.length === 0 && text.trim() !== '') throw new Error(`Text outside the root: ${text}`);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    const seen = new Set<string>();
    for (const [, key = '', value = ''] of attributes.matchAll(attribute)) {
      if (seen.has(key)) throw new Error(`Duplicate attribute ${key} on <${name}>`);
      seen.add(key);
      if (entity.test(value) || value.includes('<')) throw new Error(`Unescaped value in ${key}="${value}"`);
    }
    if (stack.length === 0) roots += 1;
    if (!selfClosing) stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

/** The markup of the `<g>` for a state. */
function stateGroup(svg: string, name: string): string {
  const start = svg.indexOf(`data-state="${escapeXml(name)}"`);
  expect(start, `no group for ${name}`).toBeGreaterThan(-1);
  return svg.slice(start, svg.indexOf('</g>', start));
}

describe('renderAslSvg', () => {
  const svg = renderAslSvg(machine, { title: 'Polling workflow', idPrefix: 'poll' });

  it('produces well-formed, self-contained SVG', () => {
    expectWellFormed(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|<style|style=|javascript:|on[a-z]+=/i);
    expect(svg).not.toMatch(/<foreignObject|<image|href=/);
  });

  it('is an image with a title and a text description', () => {
    const root = svg.slice(0, svg.indexOf('>'));
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-labelledby="poll-title poll-desc"');
    expect(svg).toContain('<title id="poll-title">Polling workflow</title>');
    const desc = /<desc id="poll-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    expect(desc).toContain('Starts at Init.');
    expect(desc).toContain('if $.status == &quot;DONE&quot; it goes to Done');
    expect(desc).toContain('otherwise it goes to Oops');
    expect(desc).toContain('Branch 2 of Fan:');
    expect(desc).toContain('Oops (Fail) ends the execution with error Boom. Cause: It broke.');
    // The main path comes before the error handler.
    expect(desc.indexOf('IsDone (Choice)')).toBeLessThan(desc.indexOf('Oops (Fail)'));
  });

  it('sets width, height and a matching viewBox', () => {
    const root = svg.slice(0, svg.indexOf('>'));
    const width = Number(/ width="([\d.]+)"/.exec(root)?.[1]);
    const height = Number(/ height="([\d.]+)"/.exec(root)?.[1]);
    const viewBox = (/ viewBox="([^"]+)"/.exec(root)?.[1] ?? '').split(' ').map(Number);
    expect(width).toBeGreaterThan(100);
    expect(height).toBeGreaterThan(100);
    expect(viewBox).toHaveLength(4);
    expect(viewBox.slice(2)).toEqual([width, height]);
  });

  it('draws every state, nested ones too, as a group with its name and a class by type', () => {
    for (const name of NAMES) {
      expect(svg).toContain(`data-state="${name}"`);
      expect(svg).toMatch(new RegExp(`>(✕ )?${name}</text>`));
    }
    expect(svg).toContain('class="asl-state asl-task" data-state="A1"');
    expect(svg).toContain('class="asl-state asl-choice" data-state="IsDone"');
    expect(svg).toContain('class="asl-state asl-parallel asl-container" data-state="Fan"');
    expect(svg).toContain('class="asl-state asl-map asl-container" data-state="B1"');
    expect(svg).toContain('data-terminal="start"');
    expect(svg).toContain('data-terminal="end"');
  });

  it('tells the types apart without colour', () => {
    expect(stateGroup(svg, 'IsDone')).toContain('<polygon');
    expect(stateGroup(svg, 'Oops')).toContain('>✕ Oops</text>');
    expect(stateGroup(svg, 'Done').match(/<rect/g)).toHaveLength(2);
    expect(stateGroup(svg, 'Pause')).toContain('stroke-dasharray');
    const catchEdge = svg.slice(svg.indexOf('asl-edge-catch'));
    expect(catchEdge.slice(0, catchEdge.indexOf('</g>'))).toContain('stroke-dasharray');
  });

  it('writes edge labels as text', () => {
    expect(svg).toContain('>$.status == &quot;DONE&quot;</text>');
    expect(svg).toContain('>$.n &lt; 3</text>');
    expect(svg).toContain('>Default</text>');
    expect(svg).toContain('>States.ALL</text>');
  });

  it('colours only through CSS custom properties', () => {
    const paints = [...svg.matchAll(/ (fill|stroke)="([^"]*)"/g)].map((match) => match[2]);
    expect(paints.length).toBeGreaterThan(20);
    for (const paint of paints) expect(paint).toMatch(/^(none|var\(--asl-[a-z-]+, #[0-9a-f]{6}\))$/);
  });

  it('uses the id prefix for the arrowhead marker', () => {
    expect(svg).toContain('<marker id="poll-arrow"');
    const uses = [...svg.matchAll(/marker-end="url\(#([^)]+)\)"/g)].map((match) => match[1]);
    expect(uses.length).toBeGreaterThan(5);
    expect(new Set(uses)).toEqual(new Set(['poll-arrow']));
    const other = renderAslSvg(machine, { title: 'Polling workflow', idPrefix: 'asl-diagram-2' });
    expect(other).toContain('<marker id="asl-diagram-2-arrow"');
    expect(other).not.toContain('id="poll-');
  });

  it('escapes markup in state names, conditions and the title', () => {
    const nasty = 'Check <b>"x" & \'y\'</b>';
    const evil: JsonObject = {
      StartAt: nasty,
      States: {
        [nasty]: {
          Type: 'Choice',
          Choices: [{ Variable: '$.v', StringEquals: '</text><script>alert(1)</script>', Next: 'Ok' }],
          Default: 'Ok',
        },
        Ok: { Type: 'Succeed' },
      },
    };
    const out = renderAslSvg(evil, { title: 'A <title> & more', idPrefix: 'evil' });
    expectWellFormed(out);
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('data-state="Check &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"');
    expect(out).toContain('<title id="evil-title">A &lt;title&gt; &amp; more</title>');
    expect(out).toContain('&lt;/text&gt;&lt;script&gt;');
  });
});
