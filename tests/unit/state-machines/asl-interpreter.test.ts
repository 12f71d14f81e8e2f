import { describe, expect, it } from 'vitest';
import {
  AslStatesError,
  evaluateChoiceRule,
  evaluateIntrinsic,
  readPath,
  runExecution,
  setResultPath,
  unsupportedFeatures,
  type AslChoiceRule,
  type AslMocks,
  type JsonObject,
  type JsonValue,
} from '../../../src/lib/state-machines';

/** A machine made of one state, `Only`, which ends the execution. */
function single(state: JsonObject): JsonObject {
  const terminal = state.Type === 'Fail' || state.Type === 'Succeed';
  return { StartAt: 'Only', States: { Only: terminal ? state : { ...state, End: true } } };
}

function runOnly(state: JsonObject, input: JsonValue, mocks: AslMocks = {}) {
  const execution = runExecution(single(state), input, mocks);
  return { execution, step: execution.steps[0] };
}

describe('runExecution: data processing', () => {
  const input: JsonObject = {
    order: {
      id: 'o-1',
      items: [
        { sku: 'a', qty: 2 },
        { sku: 'b', qty: 1 },
      ],
    },
    customer: 'c-9',
  };

  it('applies InputPath, Parameters, ResultSelector, ResultPath and OutputPath in that order', () => {
    const selecting: JsonObject = {
      InputPath: '$.order',
      Parameters: {
        orderId: '$.id',
        'id.$': '$.id',
        'first.$': '$.items[0].sku',
        'execution.$': '$$.Execution.Name',
        fixed: [1, { 'n.$': '$.items[1].qty' }],
      },
      ResultPath: '$.billing',
      OutputPath: '$.billing',
    };
    // A Task's result is mocked, so a Pass state (whose result is its Parameters) shows what they build.
    expect(runOnly({ Type: 'Pass', ...selecting }, input).step?.output).toEqual({
      orderId: '$.id',
      id: 'o-1',
      first: 'a',
      execution: 'example-execution',
      fixed: [1, { n: 1 }],
    });
    const { execution, step } = runOnly(
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        ...selecting,
        ResultSelector: { 'total.$': '$.Payload.total', source: 'lambda' },
      },
      input,
      { Only: { Payload: { total: 42 }, StatusCode: 200 } },
    );
    expect(step?.input).toEqual(input);
    // The Task sends what InputPath and Parameters build, and its service's whole answer comes back.
    expect(step?.request).toEqual({
      orderId: '$.id',
      id: 'o-1',
      first: 'a',
      execution: 'example-execution',
      fixed: [1, { n: 1 }],
    });
    expect(step?.result).toEqual({ Payload: { total: 42 }, StatusCode: 200 });
    expect(step?.output).toEqual({ total: 42, source: 'lambda' });
    expect(execution.output).toEqual({ total: 42, source: 'lambda' });
  });

  it('keeps the request of a Task whose service failed, and gives it no result', () => {
    const { step } = runOnly(
      { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'id.$': '$.id' }, End: true },
      { id: 7 },
      { Only: { error: 'States.TaskFailed', cause: 'boom' } },
    );
    expect(step?.request).toEqual({ id: 7 });
    expect(step).not.toHaveProperty('result');
  });

  it('merges the result into the raw input, not the InputPath selection', () => {
    const { step } = runOnly({ Type: 'Pass', InputPath: '$.order', Result: 'ok', ResultPath: '$.status' }, input);
    expect(step?.output).toEqual({ ...input, status: 'ok' });
  });

  it('replaces the input when ResultPath is absent and keeps it when ResultPath is null', () => {
    expect(runOnly({ Type: 'Pass', Result: { a: 1 } }, input).step?.output).toEqual({ a: 1 });
    expect(runOnly({ Type: 'Pass', Result: { a: 1 }, ResultPath: null }, input).step?.output).toEqual(input);
  });

  it('creates missing objects on the way to a ResultPath', () => {
    expect(runOnly({ Type: 'Pass', Result: 5, ResultPath: '$.a.b.c' }, { x: 1 }).step?.output).toEqual({
      x: 1,
      a: { b: { c: 5 } },
    });
  });

  it('fails with States.ResultPathMatchFailure when ResultPath runs through a non-object', () => {
    const { execution } = runOnly({ Type: 'Pass', Result: 5, ResultPath: '$.customer.name' }, input);
    expect(execution.error?.Error).toBe('States.ResultPathMatchFailure');
  });

  it('uses an empty object for InputPath null and OutputPath null', () => {
    expect(runOnly({ Type: 'Pass', InputPath: null, ResultPath: '$.r' }, input).step?.output).toEqual({
      ...input,
      r: {},
    });
    expect(runOnly({ Type: 'Pass', OutputPath: null }, input).step?.output).toEqual({});
  });

  it('reports a path that finds nothing', () => {
    expect(runOnly({ Type: 'Pass', InputPath: '$.missing' }, input).execution.error?.Error).toBe('States.Runtime');
    const parameters = runOnly({ Type: 'Pass', Parameters: { 'x.$': '$.missing' } }, input).execution.error;
    expect(parameters?.Error).toBe('States.ParameterPathFailure');
    expect(parameters?.Cause).toContain('$.missing');
  });

  it('fills $$ context paths', () => {
    const execution = runExecution(
      single({
        Type: 'Pass',
        Parameters: {
          'name.$': '$$.Execution.Name',
          'state.$': '$$.State.Name',
          'input.$': '$$.Execution.Input',
          'sm.$': '$$.StateMachine.Name',
        },
      }),
      { a: 1 },
    );
    expect(execution.output).toEqual({ name: 'example-execution', state: 'Only', input: { a: 1 }, sm: 'StateMachine' });
  });

  it("does not change the caller's input or mock objects", () => {
    const original: JsonObject = { a: { b: 1 } };
    const result: JsonObject = { r: [1] };
    const execution = runExecution(
      {
        StartAt: 'T',
        States: {
          T: { Type: 'Task', Resource: 'x', ResultPath: '$.a.c', Next: 'P' },
          P: { Type: 'Pass', Result: 2, ResultPath: '$.a.c.r', End: true },
        },
      },
      original,
      { T: result },
    );
    expect(execution.output).toEqual({ a: { b: 1, c: { r: 2 } } });
    expect(original).toEqual({ a: { b: 1 } });
    expect(result).toEqual({ r: [1] });
  });
});

describe('runExecution: state types', () => {
  it('records a Wait without sleeping', () => {
    const execution = runExecution(
      {
        StartAt: 'W1',
        States: {
          W1: { Type: 'Wait', Seconds: 30, Next: 'W2' },
          W2: { Type: 'Wait', Seconds: 15, OutputPath: '$.delay', End: true },
        },
      },
      { delay: 15 },
    );
    expect(execution.steps.map((step) => step.waitSeconds)).toEqual([30, 15]);
    expect(execution.simulatedSeconds).toBe(45);
    expect(execution.output).toBe(15);
  });

  it("fails with the Fail state's Error and Cause", () => {
    const { execution, step } = runOnly({ Type: 'Fail', Error: 'Bad', Cause: 'Very bad' }, {});
    expect(step).toMatchObject({ status: 'failed', error: { Error: 'Bad', Cause: 'Very bad' }, output: null });
    expect(execution.error).toEqual({ Error: 'Bad', Cause: 'Very bad' });
    expect(runOnly({ Type: 'Fail' }, {}).execution.error).toEqual({ Error: 'States.Fail', Cause: '' });
  });

  it('fails with States.NoChoiceMatched when no rule matches and there is no Default', () => {
    const execution = runExecution(
      {
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 10, Next: 'Big' }] },
          Big: { Type: 'Succeed' },
        },
      },
      { n: 1 },
    );
    expect(execution.steps).toEqual([
      expect.objectContaining({
        state: 'C',
        status: 'failed',
        error: expect.objectContaining({ Error: 'States.NoChoiceMatched' }),
      }),
    ]);
  });

  it('records each step: its input, its output and where it goes next', () => {
    const execution = runExecution(
      {
        StartAt: 'A',
        States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Result: 1, End: true } },
      },
      { a: 1 },
    );
    expect(execution.steps).toEqual([
      { state: 'A', type: 'Pass', input: { a: 1 }, output: { a: 1 }, next: 'B', status: 'running' },
      { state: 'B', type: 'Pass', input: { a: 1 }, output: 1, status: 'succeeded' },
    ]);
    expect(execution).toMatchObject({ status: 'succeeded', output: 1 });
  });

  it('stops a state machine that loops forever', () => {
    const execution = runExecution(
      { StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 1, Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } },
      {},
    );
    expect(execution.steps).toHaveLength(1001);
    expect(execution.steps.at(-1)).toMatchObject({ status: 'failed', error: { Error: 'States.Runtime' } });
    expect(execution.error?.Cause).toContain('Stopped after 1000 steps');
  });

  it('passes on an exception that is no Step Functions error', () => {
    // jsonpath-plus throws its own error for a broken filter; the build's validator keeps such paths out.
    expect(() => runExecution(single({ Type: 'Pass', InputPath: '$.a[?(@.x==' }), { a: [1] })).toThrow(/Unexpected/);
  });
});

describe('runExecution: Retry and Catch', () => {
  const machine = (retry: JsonObject[], catchers: JsonObject[] = []): JsonObject => ({
    StartAt: 'Call',
    States: {
      Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: retry, Catch: catchers, Next: 'Ok' },
      Ok: { Type: 'Succeed' },
      ...(catchers.length > 0
        ? { Recover: { Type: 'Pass', Result: 'recovered', ResultPath: '$.note', End: true } }
        : {}),
    },
  });

  it('retries up to MaxAttempts with intervals growing by BackoffRate, then fails', () => {
    const execution = runExecution(
      machine([{ ErrorEquals: ['Flaky'], IntervalSeconds: 3, MaxAttempts: 4, BackoffRate: 1.5 }]),
      {},
      { Call: { error: 'Flaky', cause: 'try again' } },
    );
    const { steps } = execution;
    expect(steps.map((step) => step.retry?.attempt ?? null)).toEqual([1, 2, 3, 4, null]);
    expect(steps.map((step) => step.retry?.intervalSeconds ?? null)).toEqual([3, 4.5, 6.75, 10.125, null]);
    expect(steps.every((step) => step.state === 'Call')).toBe(true);
    expect(steps.at(-1)).toMatchObject({ status: 'failed', error: { Error: 'Flaky', Cause: 'try again' } });
    expect(execution.simulatedSeconds).toBe(3 + 4.5 + 6.75 + 10.125);
  });

  it('uses the defaults (1 s, 3 attempts, rate 2) and caps intervals at MaxDelaySeconds', () => {
    const defaults = runExecution(machine([{ ErrorEquals: ['States.ALL'] }]), {}, { Call: { error: 'X' } });
    expect(defaults.steps.map((step) => step.retry?.intervalSeconds ?? null)).toEqual([1, 2, 4, null]);
    const capped = runExecution(
      machine([{ ErrorEquals: ['X'], IntervalSeconds: 5, MaxAttempts: 4, MaxDelaySeconds: 12 }]),
      {},
      { Call: { error: 'X' } },
    );
    expect(capped.steps.map((step) => step.retry?.intervalSeconds ?? null)).toEqual([5, 10, 12, 12, null]);
  });

  it('never retries with MaxAttempts 0', () => {
    const execution = runExecution(machine([{ ErrorEquals: ['X'], MaxAttempts: 0 }]), {}, { Call: { error: 'X' } });
    expect(execution.steps).toHaveLength(1);
    expect(execution.status).toBe('failed');
  });

  it('records each failed attempt as a retry, then the one a catcher takes over', () => {
    const execution = runExecution(
      machine(
        [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 2 }],
        [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'Recover' }],
      ),
      {},
      { Call: { error: 'Lambda.TooManyRequestsException' } },
    );
    const { steps } = execution;
    expect(steps.map((step) => `${step.state}:${step.retry ? 'retry' : step.caught ? 'caught' : step.status}`)).toEqual(
      ['Call:retry', 'Call:retry', 'Call:caught', 'Recover:succeeded'],
    );
    expect(execution.output).toEqual({ note: 'recovered' });
  });

  it('uses only the first retrier that matches the error', () => {
    const execution = runExecution(
      machine([
        { ErrorEquals: ['X'], MaxAttempts: 1 },
        { ErrorEquals: ['States.ALL'], MaxAttempts: 5 },
      ]),
      {},
      { Call: { error: 'X' } },
    );
    expect(execution.steps.filter((step) => step.retry)).toHaveLength(1);
  });

  it("catches once retries are used up, placing {Error, Cause} at the catcher's ResultPath", () => {
    const execution = runExecution(
      machine(
        [{ ErrorEquals: ['X'], MaxAttempts: 1 }],
        [{ ErrorEquals: ['X'], ResultPath: '$.failure', Next: 'Recover' }],
      ),
      { id: 7 },
      { Call: { error: 'X', cause: 'broken' } },
    );
    const { steps } = execution;
    expect(steps.map((step) => step.state)).toEqual(['Call', 'Call', 'Recover']);
    expect(steps[1]).toMatchObject({
      caught: { catcher: 0, next: 'Recover' },
      output: { id: 7, failure: { Error: 'X', Cause: 'broken' } },
    });
    expect(execution.output).toEqual({ id: 7, failure: { Error: 'X', Cause: 'broken' }, note: 'recovered' });
  });

  it('replaces the input with the error output when the catcher has no ResultPath', () => {
    const execution = runExecution(
      machine([], [{ ErrorEquals: ['States.TaskFailed'], Next: 'Recover' }]),
      { id: 7 },
      { Call: { error: 'Custom.Error' } },
    );
    expect(execution.output).toEqual({ Error: 'Custom.Error', Cause: '', note: 'recovered' });
  });

  it('catches a mock that fails with States.TaskFailed, with its cause', () => {
    const execution = runExecution(
      machine([], [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.e', Next: 'Recover' }]),
      {},
      { Call: { error: 'States.TaskFailed', cause: 'connection reset' } },
    );
    expect(execution.output).toEqual({
      e: { Error: 'States.TaskFailed', Cause: 'connection reset' },
      note: 'recovered',
    });
  });

  it('does not let States.ALL catch States.Runtime errors', () => {
    const execution = runExecution(
      machine([{ ErrorEquals: ['States.ALL'] }], [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }]),
      {},
      {},
    );
    const { steps } = execution;
    expect(steps).toHaveLength(1);
    expect(execution.error?.Error).toBe('States.Runtime');
    expect(execution.error?.Cause).toContain('No mock for Task state "Call"');
  });
});

describe('evaluateChoiceRule', () => {
  const input: JsonObject = {
    name: 'report-2024.csv',
    star: 'a*b',
    n: 5,
    half: 0.5,
    other: 5,
    flag: true,
    nothing: null,
    when: '2024-08-18T17:33:00Z',
    later: '2024-08-18T19:33:00+01:00',
    list: [1, 2],
  };
  const cases: [string, AslChoiceRule, boolean][] = [
    ['StringEquals', { Variable: '$.name', StringEquals: 'report-2024.csv' }, true],
    ['StringEquals on a number', { Variable: '$.n', StringEquals: '5' }, false],
    ['StringLessThan', { Variable: '$.name', StringLessThan: 's' }, true],
    ['StringGreaterThan', { Variable: '$.name', StringGreaterThan: 's' }, false],
    ['StringLessThanEquals', { Variable: '$.name', StringLessThanEquals: 'report-2024.csv' }, true],
    ['StringGreaterThanEquals', { Variable: '$.name', StringGreaterThanEquals: 'report-2025' }, false],
    ['StringMatches prefix', { Variable: '$.name', StringMatches: 'report-*.csv' }, true],
    ['StringMatches no match', { Variable: '$.name', StringMatches: '*.json' }, false],
    ['StringMatches escaped star', { Variable: '$.star', StringMatches: 'a\\*b' }, true],
    ['StringMatches escaped star is literal', { Variable: '$.name', StringMatches: 'report\\*' }, false],
    ['NumericEquals', { Variable: '$.n', NumericEquals: 5 }, true],
    ['NumericEquals on a string', { Variable: '$.name', NumericEquals: 5 }, false],
    ['NumericLessThan', { Variable: '$.half', NumericLessThan: 0.9 }, true],
    ['NumericGreaterThan', { Variable: '$.n', NumericGreaterThan: 5 }, false],
    ['NumericLessThanEquals', { Variable: '$.n', NumericLessThanEquals: 5 }, true],
    ['NumericGreaterThanEquals', { Variable: '$.half', NumericGreaterThanEquals: 0.9 }, false],
    ['NumericEqualsPath', { Variable: '$.n', NumericEqualsPath: '$.other' }, true],
    ['NumericGreaterThanPath', { Variable: '$.n', NumericGreaterThanPath: '$.half' }, true],
    ['StringEqualsPath', { Variable: '$.name', StringEqualsPath: '$.star' }, false],
    ['BooleanEquals', { Variable: '$.flag', BooleanEquals: true }, true],
    ['BooleanEquals false', { Variable: '$.flag', BooleanEquals: false }, false],
    ['BooleanEqualsPath', { Variable: '$.flag', BooleanEqualsPath: '$.flag' }, true],
    ['TimestampEquals across offsets', { Variable: '$.later', TimestampEquals: '2024-08-18T18:33:00Z' }, true],
    ['TimestampLessThan', { Variable: '$.when', TimestampLessThan: '2024-08-18T18:00:00Z' }, true],
    ['TimestampGreaterThan', { Variable: '$.when', TimestampGreaterThan: '2024-08-18T18:00:00Z' }, false],
    ['TimestampLessThanEquals', { Variable: '$.when', TimestampLessThanEquals: '2024-08-18T17:33:00Z' }, true],
    ['TimestampGreaterThanEquals', { Variable: '$.when', TimestampGreaterThanEquals: '2024-08-18T17:33:01Z' }, false],
    ['TimestampLessThanPath', { Variable: '$.when', TimestampLessThanPath: '$.later' }, true],
    ['Timestamp on a non-timestamp', { Variable: '$.name', TimestampEquals: '2024-08-18T17:33:00Z' }, false],
    ['IsPresent', { Variable: '$.nothing', IsPresent: true }, true],
    ['IsPresent on a missing field', { Variable: '$.missing', IsPresent: true }, false],
    ['IsPresent false on a missing field', { Variable: '$.missing', IsPresent: false }, true],
    ['IsNull', { Variable: '$.nothing', IsNull: true }, true],
    ['IsNull false', { Variable: '$.n', IsNull: false }, true],
    ['IsNumeric', { Variable: '$.half', IsNumeric: true }, true],
    ['IsNumeric on a numeric string', { Variable: '$.name', IsNumeric: true }, false],
    ['IsString', { Variable: '$.name', IsString: true }, true],
    ['IsBoolean', { Variable: '$.flag', IsBoolean: true }, true],
    ['IsTimestamp', { Variable: '$.when', IsTimestamp: true }, true],
    ['IsTimestamp on a plain string', { Variable: '$.name', IsTimestamp: true }, false],
    ['array index', { Variable: '$.list[1]', NumericEquals: 2 }, true],
    [
      'And',
      {
        And: [
          { Variable: '$.n', NumericGreaterThan: 1 },
          { Variable: '$.flag', BooleanEquals: true },
        ],
      },
      true,
    ],
    [
      'And with one false',
      {
        And: [
          { Variable: '$.n', NumericGreaterThan: 1 },
          { Variable: '$.flag', BooleanEquals: false },
        ],
      },
      false,
    ],
    [
      'Or',
      {
        Or: [
          { Variable: '$.n', NumericGreaterThan: 10 },
          { Variable: '$.flag', BooleanEquals: true },
        ],
      },
      true,
    ],
    ['Not', { Not: { Variable: '$.n', NumericEquals: 5 } }, false],
    [
      'nested',
      {
        Not: {
          And: [
            { Variable: '$.missing', IsPresent: true },
            { Variable: '$.missing', NumericEquals: 1 },
          ],
        },
      },
      true,
    ],
  ];

  it.each(cases)('%s', (_, rule, expected) => {
    expect(evaluateChoiceRule(rule, input)).toBe(expected);
  });

  it('raises States.Runtime when a comparison reads a missing field', () => {
    expect(() => evaluateChoiceRule({ Variable: '$.missing', NumericEquals: 1 }, input)).toThrow(AslStatesError);
    expect(() => evaluateChoiceRule({ Variable: '$.n', NumericEqualsPath: '$.missing' }, input)).toThrow(/\$\.missing/);
  });

  it('drives a Choice state, first matching rule wins', () => {
    const execution = runExecution(
      {
        StartAt: 'Route',
        States: {
          Route: {
            Type: 'Choice',
            Choices: [
              { Variable: '$.size', NumericGreaterThan: 100, Next: 'Big' },
              { Variable: '$.size', NumericGreaterThan: 10, Next: 'Medium' },
            ],
            Default: 'Small',
          },
          Big: { Type: 'Succeed' },
          Medium: { Type: 'Succeed' },
          Small: { Type: 'Succeed' },
        },
      },
      { size: 500 },
    );
    expect(execution.steps[0]).toMatchObject({ state: 'Route', choice: 0, next: 'Big', output: { size: 500 } });
  });
});

describe('paths and intrinsic functions', () => {
  const data: JsonObject = {
    a: { 'b c': [10, { d: 'x' }] },
    bucket: 'my-bucket',
    key: 'data/file.csv',
    json: '{"k":[1,2]}',
    n: 3,
  };

  it('reads the supported path subset', () => {
    expect(readPath('$', data, {})).toEqual({ found: true, value: data });
    expect(readPath("$.a['b c'][1].d", data, {})).toEqual({ found: true, value: 'x' });
    expect(readPath('$.a.nope', data, {})).toEqual({ found: false });
    expect(readPath('$$.Execution.Name', data, { Execution: { Name: 'e' } })).toEqual({ found: true, value: 'e' });
  });

  it('reads full JSONPath through jsonpath-plus: deep scans, wildcards and filters give arrays', () => {
    expect(readPath('$..d', data, {})).toEqual({ found: true, value: ['x'] });
    expect(readPath('$.a.*', data, {})).toEqual({ found: true, value: [[10, { d: 'x' }]] });
    expect(readPath("$.a['b c'][?(@.d)]", data, {})).toEqual({ found: true, value: [{ d: 'x' }] });
    expect(readPath('$..nothing', data, {})).toEqual({ found: true, value: [] });
    expect(() => readPath('a.b', data, {})).toThrow(/"a\.b" does not start with \$/);
  });

  it('sets a ResultPath without touching the original', () => {
    const original: JsonObject = { a: 1 };
    expect(setResultPath(original, '$.b.c', true)).toEqual({ a: 1, b: { c: true } });
    expect(original).toEqual({ a: 1 });
    expect(setResultPath(original, '$', 'x')).toBe('x');
  });

  it('formats strings with States.Format, including escaped characters', () => {
    expect(evaluateIntrinsic("States.Format('s3://{}/{}', $.bucket, $.key)", data, {})).toBe(
      's3://my-bucket/data/file.csv',
    );
    expect(evaluateIntrinsic("States.Format('{} items, done: {}', $.n, true)", data, {})).toBe('3 items, done: true');
    // In the definition's JSON this is "States.Format('literal \\{\\} and it\\'s {}', $.n)".
    expect(evaluateIntrinsic("States.Format('literal \\{\\} and it\\'s {}', $.n)", data, {})).toBe(
      "literal {} and it's 3",
    );
    expect(() => evaluateIntrinsic("States.Format('{} {}', $.n)", data, {})).toThrow(/2 placeholder/);
  });

  it('runs no intrinsic function but States.Format', () => {
    expect(() => evaluateIntrinsic('States.JsonToString($.a)', data, {})).toThrow(
      /States\.JsonToString is not supported/,
    );
  });
});

describe('unsupportedFeatures', () => {
  const task = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true };
  const inner = { StartAt: 'Inner', States: { Inner: task } };

  it('finds nothing in a machine made of what the interpreter runs', () => {
    const machine: JsonObject = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'x', Parameters: { 'uri.$': "States.Format('s3://{}', $.bucket)" }, Next: 'W' },
        W: { Type: 'Wait', Seconds: 3, Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'P' }], Default: 'F' },
        P: { Type: 'Pass', Next: 'S' },
        S: { Type: 'Succeed' },
        F: { Type: 'Fail', Error: 'E' },
      },
    };
    expect(unsupportedFeatures(machine)).toEqual([]);
  });

  it('names each state that needs what the interpreter does not run, and says what it runs', () => {
    const issues = unsupportedFeatures({
      StartAt: 'Fan',
      States: {
        Fan: { Type: 'Parallel', Branches: [inner, inner], Next: 'Each' },
        Each: { Type: 'Map', ItemProcessor: inner, Next: 'Sleep' },
        Sleep: { Type: 'Wait', TimestampPath: '$.at', Next: 'Hash' },
        Hash: { ...task, Parameters: { nested: { 'h.$': "States.Hash($.key, 'SHA-256')" } }, Next: 'Keep' },
        Keep: { Type: 'Pass', Assign: { x: 1 }, Next: 'Slim' },
        Slim: { ...task, ResultSelector: { 'n.$': 'States.ArrayLength(States.Array(1, 2))' }, Next: 'Lata' },
        Lata: { Type: 'Pass', QueryLanguage: 'JSONata', Next: 'Stop' },
        Stop: { Type: 'Fail', ErrorPath: '$.code', CausePath: '$.why' },
      },
    });
    expect(issues.map(({ state, path }) => `${state} at ${path}`)).toEqual([
      'Fan at States.Fan',
      'Each at States.Each',
      'Sleep at States.Sleep',
      'Hash at States.Hash',
      'Keep at States.Keep',
      'Slim at States.Slim',
      'Lata at States.Lata',
      'Stop at States.Stop',
    ]);
    expect(issues.map(({ message }) => message.replace(/\. The step-through player runs .*$/, '.'))).toEqual([
      'Parallel state "Fan" uses a Parallel state, which the step-through player does not run.',
      'Map state "Each" uses a Map state, which the step-through player does not run.',
      'Wait state "Sleep" uses "TimestampPath", which the step-through player does not run.',
      'Task state "Hash" uses States.Hash, which the step-through player does not run.',
      'Pass state "Keep" uses "Assign", which the step-through player does not run.',
      'Task state "Slim" uses States.ArrayLength, States.Array, which the step-through player does not run.',
      'Pass state "Lata" uses JSONata, which the step-through player does not run.',
      'Fail state "Stop" uses "ErrorPath", "CausePath", which the step-through player does not run.',
    ]);
    for (const { message } of issues) {
      expect(message).toContain(
        'The step-through player runs Task, Pass, Choice, Wait (with Seconds), Succeed and Fail states in JSONPath, ' +
          'with Retry, Catch and the intrinsic function States.Format.',
      );
    }
  });

  it('reports a machine written in JSONata, and runExecution refuses what it lists', () => {
    expect(unsupportedFeatures({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Succeed' } } })).toEqual(
      [{ path: 'QueryLanguage', message: expect.stringMatching(/^The state machine uses JSONata\. The step-through/) }],
    );
    const hashing = single({ Type: 'Pass', Parameters: { 'h.$': "States.Hash($.key, 'SHA-256')" } });
    expect(() => runExecution(hashing, { key: 'k' })).toThrow(/"Only" uses States\.Hash/);
    const parallel = single({ Type: 'Parallel', Branches: [inner] });
    expect(() => runExecution(parallel, {}, { Inner: {} })).toThrow(/Parallel state "Only" uses a Parallel state/);
  });
});
