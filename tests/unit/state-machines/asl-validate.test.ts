import { describe, expect, it } from 'vitest';
import { validateAsl, type AslIssue, type JsonObject } from '../../../src/lib/state-machines';
import { diagramSamples } from './diagram-samples.ts';

/** A small valid machine using every state type; each test breaks one thing in a copy of it. */
function validMachine(): JsonObject {
  return {
    StartAt: 'Fetch',
    States: {
      Fetch: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['Lambda.ServiceException'], MaxAttempts: 2 }, { ErrorEquals: ['States.ALL'] }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Broken' }],
        Next: 'Ready',
      },
      Ready: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.status', StringEquals: 'DONE', Next: 'Fan' },
          { And: [{ Variable: '$.n', NumericLessThan: 3 }, { Not: { Variable: '$.x', IsNull: true } }], Next: 'Pause' },
        ],
        Default: 'Broken',
      },
      Pause: { Type: 'Wait', Seconds: 5, Next: 'Fetch' },
      Fan: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
          { StartAt: 'Right', States: { Right: { Type: 'Pass', Result: 1, End: true } } },
        ],
        Next: 'Each',
      },
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
      Broken: { Type: 'Fail', Error: 'Broken', Cause: 'Something went wrong' },
    },
  };
}

// Tests reach into the copy freely to break one thing at a time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit parsed JSON of any shape
type Mutable = Record<string, any>;

function broken(change: (states: Mutable, machine: Mutable) => void): AslIssue[] {
  const machine = validMachine() as Mutable;
  change(machine.States, machine);
  return validateAsl(machine);
}

/** Asserts exactly one issue at `path`, for `state`, whose message names the state and matches `text`. */
function expectOneIssue(issues: AslIssue[], path: string, state: string | undefined, text: RegExp): AslIssue {
  const matching = issues.filter((issue) => issue.path === path);
  expect(matching, JSON.stringify(issues, null, 2)).toHaveLength(1);
  const [issue] = matching as [AslIssue];
  expect(issue.state).toBe(state);
  if (state !== undefined) expect(issue.message).toContain(`"${state}"`);
  expect(issue.message).toMatch(text);
  return issue;
}

describe('validateAsl', () => {
  it('accepts a valid machine with every state type', () => {
    expect(validateAsl(validMachine())).toEqual([]);
  });

  it('accepts the legacy Iterator field of Map', () => {
    const issues = broken((states) => {
      states.Each.Iterator = states.Each.ItemProcessor;
      delete states.Each.ItemProcessor;
    });
    expect(issues).toEqual([]);
  });

  it('rejects something that is not an object', () => {
    for (const value of [null, 42, 'StartAt', []]) {
      expect(validateAsl(value)).toEqual([{ path: '(root)', message: expect.stringMatching(/JSON object/) }]);
    }
  });

  it('names a state that is not an object, at any depth, instead of failing inside the schema check', () => {
    expect(validateAsl({ StartAt: 'A', States: { A: 5 } })).toEqual([
      { state: 'A', path: 'States.A', message: 'State "A" must be an object with a "Type".' },
    ]);
    const branch = { StartAt: 'B', States: { B: 'Pass' } };
    const parallel = { StartAt: 'A', States: { A: { Type: 'Parallel', Branches: [branch], End: true } } };
    expect(validateAsl(parallel)).toMatchObject([{ state: 'B', path: 'States.A.Branches[0].States.B' }]);
  });

  it('offers null only for the paths that may be null (InputPath, OutputPath, ResultPath)', () => {
    const machine = (state: object) => ({ StartAt: 'C', States: { C: state, D: { Type: 'Succeed' } } });
    const choice = { Type: 'Choice', Choices: [{ Variable: 'x', NumericEquals: 1, Next: 'D' }], Default: 'D' };
    expect(validateAsl(machine(choice))).toMatchObject([
      {
        path: 'States.C.Choices[0].Variable',
        message: '"Variable" of Choice state "C" must be a path starting with "$", such as "$.result".',
      },
    ]);
    expect(validateAsl(machine({ Type: 'Pass', ResultPath: 'result', Next: 'D' }))).toMatchObject([
      { message: '"ResultPath" of Pass state "C" must be null or a path starting with "$", such as "$.result".' },
    ]);
  });

  it('reports a missing States object', () => {
    const issues = validateAsl({ StartAt: 'A' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'States', message: expect.stringMatching(/no "States"/) });
  });

  it('reports a missing or non-string StartAt', () => {
    expectOneIssue(
      broken((_, machine) => delete machine.StartAt),
      'StartAt',
      undefined,
      /no "StartAt"/,
    );
    expectOneIssue(
      broken((_, machine) => (machine.StartAt = 3)),
      'StartAt',
      undefined,
      /must be a string/,
    );
  });

  it('reports a StartAt naming a missing state, suggesting the close one', () => {
    const issues = broken((_, machine) => (machine.StartAt = 'fetch'));
    const issue = expectOneIssue(issues, 'StartAt', undefined, /no state called "fetch"/);
    expect(issue.message).toContain('Did you mean "Fetch"?');
  });

  it('reports an unknown Type and a missing Type', () => {
    const issue = expectOneIssue(
      broken((states) => (states.Pause.Type = 'Sleep')),
      'States.Pause.Type',
      'Pause',
      /unknown Type "Sleep"/,
    );
    expect(issue.message).toContain('Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map');
    expectOneIssue(
      broken((states) => delete states.Done.Type),
      'States.Done.Type',
      'Done',
      /no "Type"/,
    );
  });

  it('reports a Next naming a missing state', () => {
    const issue = expectOneIssue(
      broken((states) => (states.Fan.Next = 'Eahc')),
      'States.Fan.Next',
      'Fan',
      /no state called "Eahc"/,
    );
    expect(issue.message).toContain('Did you mean "Each"?');
  });

  it('reports Choice rule, Default and Catch targets naming missing states', () => {
    expectOneIssue(
      broken((states) => (states.Ready.Choices[0].Next = 'Nowhere')),
      'States.Ready.Choices[0].Next',
      'Ready',
      /"Nowhere"/,
    );
    expectOneIssue(
      broken((states) => (states.Ready.Default = 'Nowhere')),
      'States.Ready.Default',
      'Ready',
      /"Default" of Choice state "Ready" names "Nowhere"/,
    );
    expectOneIssue(
      broken((states) => (states.Fetch.Catch[0].Next = 'Nowhere')),
      'States.Fetch.Catch[0].Next',
      'Fetch',
      /"Nowhere"/,
    );
  });

  it('reports a state with neither Next nor End, and one with both', () => {
    expectOneIssue(
      broken((states) => delete states.Pause.Next),
      'States.Pause',
      'Pause',
      /neither "Next" nor "End": true/,
    );
    const endFalse = broken((states) => {
      states.Pause.End = false;
      delete states.Pause.Next;
    });
    expectOneIssue(endFalse, 'States.Pause', 'Pause', /neither/);
    expectOneIssue(
      broken((states) => (states.Each.End = true)),
      'States.Each',
      'Each',
      /both "Next" and "End"/,
    );
  });

  it('reports Next or End on Choice, Succeed and Fail states', () => {
    expectOneIssue(
      broken((states) => (states.Ready.Next = 'Done')),
      'States.Ready.Next',
      'Ready',
      /inside each rule|"Choices"/,
    );
    expectOneIssue(
      broken((states) => (states.Done.End = true)),
      'States.Done.End',
      'Done',
      /must not have "End"/,
    );
    expectOneIssue(
      broken((states) => (states.Broken.Next = 'Done')),
      'States.Broken.Next',
      'Broken',
      /must not have "Next"/,
    );
  });

  it('reports a Choice without a non-empty Choices array', () => {
    expectOneIssue(
      broken((states) => delete states.Ready.Choices),
      'States.Ready.Choices',
      'Ready',
      /non-empty "Choices"/,
    );
    expectOneIssue(
      broken((states) => (states.Ready.Choices = [])),
      'States.Ready.Choices',
      'Ready',
      /"Choices" of Choice state "Ready" must be a non-empty array/,
    );
  });

  it('reports a Choice rule without Next, and a nested rule with one', () => {
    expectOneIssue(
      broken((states) => delete states.Ready.Choices[0].Next),
      'States.Ready.Choices[0].Next',
      'Ready',
      /has no "Next"/,
    );
    expectOneIssue(
      broken((states) => (states.Ready.Choices[1].And[0].Next = 'Done')),
      'States.Ready.Choices[1].And[0].Next',
      'Ready',
      /must not have "Next"/,
    );
  });

  it('reports Choice rules without an operator, with two, or with a value of the wrong type', () => {
    expectOneIssue(
      broken((states) => delete states.Ready.Choices[0].StringEquals),
      'States.Ready.Choices[0]',
      'Ready',
      /no comparison operator/,
    );
    expectOneIssue(
      broken((states) => (states.Ready.Choices[0].StringMatches = 'D*')),
      'States.Ready.Choices[0]',
      'Ready',
      /mixes StringEquals, StringMatches/,
    );
    expectOneIssue(
      broken((states) => (states.Ready.Choices[1].And[0].NumericLessThan = '3')),
      'States.Ready.Choices[1].And[0].NumericLessThan',
      'Ready',
      /must be a number/,
    );
  });

  it('reports a Task without Resource', () => {
    expectOneIssue(
      broken((states) => delete states.Fetch.Resource),
      'States.Fetch.Resource',
      'Fetch',
      /no "Resource"/,
    );
  });

  it('reports a Wait without exactly one of Seconds, Timestamp, SecondsPath and TimestampPath', () => {
    expectOneIssue(
      broken((states) => delete states.Pause.Seconds),
      'States.Pause',
      'Pause',
      /exactly one of Seconds, Timestamp, SecondsPath or TimestampPath/,
    );
    expectOneIssue(
      broken((states) => (states.Pause.SecondsPath = '$.delay')),
      'States.Pause',
      'Pause',
      /Seconds and SecondsPath/,
    );
    expectOneIssue(
      broken((states) => (states.Pause.Seconds = -1)),
      'States.Pause.Seconds',
      'Pause',
      /whole number/,
    );
  });

  it('reports a Parallel without Branches', () => {
    expectOneIssue(
      broken((states) => delete states.Fan.Branches),
      'States.Fan.Branches',
      'Fan',
      /non-empty "Branches"/,
    );
  });

  it('validates each Parallel branch as a sub-machine', () => {
    const issues = broken((states) => {
      states.Fan.Branches[1].States.Right.Next = 'Left';
      delete states.Fan.Branches[1].States.Right.End;
    });
    const issue = expectOneIssue(issues, 'States.Fan.Branches[1].States.Right.Next', 'Right', /no state called "Left"/);
    expect(issue.message).toContain('branch 1 of Parallel state "Fan"');
    const missingStart = broken((states) => delete states.Fan.Branches[0].StartAt);
    expect(missingStart.map((i) => i.path)).toContain('States.Fan.Branches[0].StartAt');
  });

  it('reports a Map without ItemProcessor, and validates the processor as a sub-machine', () => {
    expectOneIssue(
      broken((states) => delete states.Each.ItemProcessor),
      'States.Each.ItemProcessor',
      'Each',
      /no "ItemProcessor"/,
    );
    expectOneIssue(
      broken((states) => delete states.Each.ItemProcessor.States.Item.End),
      'States.Each.ItemProcessor.States.Item',
      'Item',
      /neither "Next" nor "End"/,
    );
  });

  it('reports Retry and Catch entries without ErrorEquals', () => {
    expectOneIssue(
      broken((states) => delete states.Fetch.Retry[0].ErrorEquals),
      'States.Fetch.Retry[0].ErrorEquals',
      'Fetch',
      /no "ErrorEquals"/,
    );
    expectOneIssue(
      broken((states) => (states.Fetch.Catch[0].ErrorEquals = [])),
      'States.Fetch.Catch[0].ErrorEquals',
      'Fetch',
      /non-empty array/,
    );
  });

  it('reports States.ALL that is not alone or not in the last retrier', () => {
    expectOneIssue(
      broken((states) => states.Fetch.Catch[0].ErrorEquals.push('States.Timeout')),
      'States.Fetch.Catch[0].ErrorEquals',
      'Fetch',
      /must appear alone/,
    );
    expectOneIssue(
      broken((states) => states.Fetch.Retry.reverse()),
      'States.Fetch.Retry[0].ErrorEquals',
      'Fetch',
      /must be in the last retrier/,
    );
  });

  it('reports Retry on a state that cannot handle errors', () => {
    expectOneIssue(
      broken((states) => (states.Pause.Retry = [{ ErrorEquals: ['States.ALL'] }])),
      'States.Pause.Retry',
      'Pause',
      /only Task, Parallel and Map/,
    );
  });

  it('reports unreachable states', () => {
    const issues = broken((states) => {
      states.Orphan = { Type: 'Pass', Next: 'Done' };
      states.Ready.Default = 'Done';
    });
    expect(issues.map((issue) => issue.state)).toEqual(['Orphan']);
    expectOneIssue(issues, 'States.Orphan', 'Orphan', /unreachable/);
  });

  it('counts catchers as transitions when looking for unreachable states', () => {
    const issues = broken((states) => (states.Ready.Default = 'Done'));
    // Broken is still reached through Fetch's catcher.
    expect(issues).toEqual([]);
  });

  it('reports bad paths', () => {
    expectOneIssue(
      broken((states) => (states.Fetch.ResultPath = 'result')),
      'States.Fetch.ResultPath',
      'Fetch',
      /path starting with "\$"/,
    );
  });

  it('accepts inline and distributed Map states with ItemProcessor, ItemReader and ProcessorConfig', () => {
    for (const sample of diagramSamples) expect(validateAsl(sample.definition), sample.title).toEqual([]);
  });

  it('checks JSONata expressions, naming the state and the field', () => {
    const issues = validateAsl({
      QueryLanguage: 'JSONata',
      StartAt: 'Shape',
      States: { Shape: { Type: 'Pass', Output: '{% $states.input.( %}', End: true } },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'Shape', path: 'States.Shape.Output' });
    expect(issues[0]!.message).toContain('"Output" of Pass state "Shape"');
  });

  it('checks the syntax of JSONPath fields', () => {
    expectOneIssue(
      broken((states) => (states.Pause.InputPath = '$.a[')),
      'States.Pause.InputPath',
      'Pause',
      /path starting with "\$"/,
    );
  });

  it('suggests the state type meant by a misspelt Type', () => {
    const issue = expectOneIssue(
      broken((states) => (states.Fetch.Type = 'Taks')),
      'States.Fetch.Type',
      'Fetch',
      /unknown Type "Taks"/,
    );
    expect(issue.message).toContain('Did you mean "Task"?');
  });

  it('reports States.ALL in a catcher that is not the last', () => {
    expectOneIssue(
      broken((states) => states.Fetch.Catch.push({ ErrorEquals: ['States.Timeout'], Next: 'Broken' })),
      'States.Fetch.Catch[0].ErrorEquals',
      'Fetch',
      /must be in the last catcher/,
    );
  });
});
