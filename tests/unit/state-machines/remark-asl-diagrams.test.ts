import { compile } from '@mdx-js/mdx';
import { parse } from 'node-html-parser';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { taskStates } from '../../../src/lib/state-machines/asl-examples.ts';
import { parseAslMeta, remarkAslDiagrams, stateAt } from '../../../src/plugins/remark-asl-diagrams.ts';

const NOTE = '/notes/demo.mdx';

const twoStates = {
  Comment: 'Wait, then finish',
  StartAt: 'Pause',
  States: {
    Pause: { Type: 'Wait', Seconds: 5, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

function fence(definition: unknown, meta = 'asl'): string {
  return `\`\`\`json ${meta}\n${JSON.stringify(definition, null, 2)}\n\`\`\``;
}

/** The definition's block followed by an example block with an empty input and one scenario (the player's). */
function withExample(definition: unknown, mocks: Record<string, unknown> = {}): string {
  return `${fence(definition)}\n\n${fence({ input: {}, scenarios: [{ label: 'Every Task returns {}', mocks }] }, 'asl-example')}`;
}

function toHtml(markdown: string): string {
  const file = new VFile({ path: NOTE, value: markdown });
  return String(
    unified().use(remarkParse).use(remarkAslDiagrams).use(remarkRehype).use(rehypeStringify).processSync(file),
  );
}

/** The build failure the plugin raises for a note, as the message Astro prints. */
function failure(markdown: string): { message: string; line: number | undefined; column: number | undefined } {
  try {
    toHtml(markdown);
  } catch (error) {
    const { message, line, column } = error as { message: string; line?: number; column?: number };
    return { message, line, column };
  }
  throw new Error('expected the note to fail');
}

describe('the code block meta string', () => {
  it('marks a block as a state machine with the word asl, and reads an optional title', () => {
    expect(parseAslMeta('asl')).toEqual({});
    expect(parseAslMeta('asl title="ML pipeline: train, evaluate, deploy"')).toEqual({
      title: 'ML pipeline: train, evaluate, deploy',
    });
    expect(parseAslMeta("title='Quoted once' asl")).toEqual({ title: 'Quoted once' });
  });

  it('ignores blocks without the word asl', () => {
    expect(parseAslMeta(undefined)).toBeUndefined();
    expect(parseAslMeta(null)).toBeUndefined();
    expect(parseAslMeta('title="asl"')).toBeUndefined();
    expect(parseAslMeta('aslx')).toBeUndefined();
  });
});

describe('a valid ```json asl block', () => {
  it('keeps the code and draws the diagram right after it, with a node for every state', () => {
    const html = parse(toHtml(`Before.\n\n${fence(twoStates, 'asl title="Pause and finish"')}\n\nAfter.`));
    expect(html.childNodes.filter((node) => node.nodeType === 1).map((node) => (node as typeof html).tagName)).toEqual([
      'P',
      'PRE',
      'FIGURE',
      'P',
    ]);
    const figure = html.querySelector('figure')!;
    expect(figure.classList.contains('asl-diagram')).toBe(true);
    expect(figure.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(figure.querySelector('figcaption')!.text).toBe('Pause and finish');
    const svg = figure.querySelector('.asl-diagram-scroll > svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toMatch(/^[\d.-]+ [\d.-]+ [\d.]+ [\d.]+$/);
    expect(svg.querySelector('title')!.text).toBe('Pause and finish');
    expect(figure.querySelectorAll('g[data-state]').map((group) => group.getAttribute('data-state'))).toEqual([
      'Pause',
      'Done',
    ]);
  });

  it('names the diagram after the Comment when there is no title', () => {
    const figure = parse(toHtml(fence(twoStates))).querySelector('figure')!;
    expect(figure.querySelector('figcaption')!.text).toBe('Wait, then finish');
  });

  it('leaves other json blocks alone', () => {
    expect(toHtml(fence(twoStates, ''))).not.toContain('<figure');
    expect(toHtml(fence(twoStates, 'title="asl"'))).not.toContain('<figure');
  });

  it('ships the player markup with the definition and the example as data, usable without script', () => {
    const player = parse(toHtml(withExample(twoStates))).querySelector('figure asl-player')!;
    expect(JSON.parse(player.getAttribute('data-definition')!)).toEqual(twoStates);
    expect(JSON.parse(player.querySelector('textarea[name="input"]')!.text)).toEqual({});
    expect(JSON.parse(player.querySelector('textarea[name="mocks"]')!.text)).toEqual({});
    const scenario = player.querySelector('button[data-mocks]')!;
    expect([scenario.text, JSON.parse(scenario.getAttribute('data-mocks')!)]).toEqual(['Every Task returns {}', {}]);
    expect(player.querySelector('.asl-player-nojs')!.text).toBe(
      'Stepping through this state machine needs JavaScript.',
    );
    const ui = player.querySelector('.asl-player-ui')!;
    expect(ui.hasAttribute('hidden')).toBe(true);
    for (const textarea of ui.querySelectorAll('textarea')) {
      expect(ui.querySelector(`label[for="${textarea.id}"]`), textarea.id).not.toBeNull();
    }
    expect(ui.querySelectorAll('button').map((button) => button.text)).toEqual([
      'Every Task returns {}',
      'Step',
      'Run to end',
      'Reset',
    ]);
    expect(ui.querySelector('[role="status"]')).not.toBeNull();
  });

  it('gives each diagram of a note its own id prefix, so no id repeats on the page', () => {
    const html = parse(toHtml(`${fence(twoStates)}\n\n${fence({ ...twoStates, Comment: 'Second' })}`));
    expect(html.querySelectorAll('figure').map((figure) => figure.id)).toEqual(['asl-diagram-1', 'asl-diagram-2']);
    const ids = html.querySelectorAll('[id]').map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('works inside MDX, where the figure becomes JSX', async () => {
    const output = String(
      await compile(new VFile({ path: NOTE, value: `## Flow\n\n${withExample(twoStates)}\n` }), {
        remarkPlugins: [remarkAslDiagrams],
      }),
    );
    expect(output).toContain('"asl-player"');
    expect(output).toContain('"figcaption"');
    expect(output).toMatch(/"data-state": "Pause"|dataState: "Pause"/);
  });
});

describe('a broken ```json asl block fails the build', () => {
  it('names the note, the line inside it and the state for a JSON syntax error', () => {
    const source = [
      '# Title',
      '',
      '```json asl',
      '{',
      '  "StartAt": "A",',
      '  "States": {',
      '    "A": { "Type": "Succeed", }',
      '  }',
      '}',
      '```',
    ].join('\n');
    const { message, line } = failure(source);
    expect(message).toContain(`code block at ${NOTE}:3 is not valid JSON`);
    expect(message).toContain(`${NOTE}:7:`);
    expect(message).toContain('in state "A"');
    expect(line).toBe(7);
  });

  it('names the note, the block, the state and the problem for an invalid state machine', () => {
    const definition = { StartAt: 'Train', States: { Train: { Type: 'Pass', Next: 'Deploy' } } };
    const { message, line } = failure(`Intro.\n\n${fence(definition)}`);
    expect(message).toContain(`code block at ${NOTE}:3 is not valid`);
    // Line 3 opens the block; "Train": { is on line 7.
    expect(message).toContain(`${NOTE}:7: state "Train": `);
    expect(message).toContain('"Deploy"');
    expect(message).toContain('(at States.Train.Next)');
    expect(line).toBe(3);
  });

  it('names the note, the line and each state that uses what the step-through player does not run', () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } }],
          Next: 'Sleep',
        },
        Sleep: { Type: 'Wait', SecondsPath: '$.delay', End: true },
      },
    };
    const { message, line } = failure(`Intro.\n\n${withExample(definition)}`);
    expect(message).toContain(`code block at ${NOTE}:3 needs what the step-through player does not run:`);
    // Line 3 opens the block; "Fan": { is on line 7 and "Sleep": { on line 22.
    expect(message).toContain(`${NOTE}:7: state "Fan": Parallel state "Fan" uses a Parallel state, which the`);
    expect(message).toContain(`${NOTE}:22: state "Sleep": Wait state "Sleep" uses "SecondsPath", which the`);
    expect(message).toContain('The step-through player runs Task, Pass, Choice, Wait (with Seconds), Succeed and Fail');
    expect(line).toBe(3);
  });

  it('reports every problem, not only the first', () => {
    const definition = { StartAt: 'Missing', States: { A: { Type: 'Pass' } } };
    const { message } = failure(fence(definition));
    expect(message.split('\n').filter((row) => row.startsWith(`  ${NOTE}:`)).length).toBeGreaterThan(1);
  });
});

describe('finding the state around a position in broken JSON', () => {
  it('follows the nesting, Parallel branches included', () => {
    const text = '{"States": {"P": {"Branches": [{"States": {"Inner": {"Type": "Pass",, }}}]}}}';
    expect(stateAt(text, text.indexOf(',,') + 1)).toBe('Inner');
    expect(stateAt(text, text.indexOf('"Branches"'))).toBe('P');
    expect(stateAt(text, 1)).toBeUndefined();
  });
});

describe('the example an execution starts from', () => {
  const oneTask = {
    StartAt: 'Train',
    States: { Train: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
  };
  const example = {
    input: { bucket: 'amzn-s3-demo-bucket' },
    scenarios: [
      { label: 'Trains', mocks: { Train: { accuracy: 0.95 } } },
      { label: 'Fails', mocks: { Train: { error: 'States.TaskFailed' } } },
    ],
  };

  it('takes the player’s example from the ```json asl-example block after the definition, which leaves the page', () => {
    const html = parse(toHtml(`${fence(oneTask)}\n\n${fence(example, 'asl-example')}\n\nAfter.`));
    expect(html.querySelectorAll('pre')).toHaveLength(1);
    expect(html.querySelector('figure')!.nextElementSibling!.text).toBe('After.');
    const player = html.querySelector('asl-player')!;
    expect(JSON.parse(player.querySelector('textarea[name="input"]')!.text)).toEqual(example.input);
    expect(JSON.parse(player.querySelector('textarea[name="mocks"]')!.text)).toEqual(example.scenarios[0]!.mocks);
    const buttons = player.querySelectorAll('button[data-mocks]');
    expect(
      buttons.map((button) => ({ label: button.text, mocks: JSON.parse(button.getAttribute('data-mocks')!) })),
    ).toEqual(example.scenarios);
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
  });

  it('fails the build naming the note, the line and the field of a wrong example', () => {
    const wrong = {
      input: {},
      scenarios: [
        { label: '', mocks: { Train: {} } },
        { label: 'Other', mocks: { Trian: {} } },
      ],
    };
    const { message } = failure(`Intro.\n\n${fence(oneTask)}\n\n${fence(wrong, 'asl-example')}`);
    // The definition spans lines 3 to 14; the example block opens on line 16.
    expect(message).toContain(`The example execution in the code block at ${NOTE}:16 is not valid:`);
    expect(message).toContain(`${NOTE}:16: scenarios.0.label: `);
    expect(
      failure(`${fence(oneTask)}\n\n${fence({ ...wrong, scenarios: [wrong.scenarios[1]] }, 'asl-example')}`).message,
    ).toContain(`scenarios.0.mocks: must give a result for each Task state and no other: Train`);
    expect(failure(`${fence(oneTask)}\n\n\`\`\`json asl-example\n{ "input": \n\`\`\``).message).toContain(
      'The example execution in the code block at',
    );
  });

  it('draws a machine without an example as a diagram only, with no player, whatever states it uses', () => {
    const machine = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Left',
              States: { Left: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
            },
          ],
          Next: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Item',
            States: { Item: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
          },
          End: true,
        },
      },
    };
    // Parallel and Map are drawn as containers; without an example, the player's limits do not apply.
    const figure = parse(toHtml(fence(machine))).querySelector('figure.asl-diagram')!;
    expect(figure.querySelectorAll('svg g[data-state]').map((group) => group.getAttribute('data-state'))).toEqual(
      expect.arrayContaining(['Fan', 'Left', 'Each', 'Item']),
    );
    expect(figure.querySelector('asl-player')).toBeNull();
    // With an example, each Task needs a result, nested ones included.
    expect(taskStates(machine)).toEqual(['Left', 'Item']);
  });
});
