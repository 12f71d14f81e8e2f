import { describe, expect, it } from 'vitest';
import {
  AslStatesError,
  createExecution,
  evaluateChoiceRule,
  evaluateIntrinsic,
  readPath,
  setResultPath,
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
  const execution = createExecution(single(state), input, mocks);
  const [step] = execution.run();
  return { execution, step };
}

describe('createExecution: data processing', () => {
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
    const seen: JsonValue[] = [];
    const { execution, step } = runOnly(
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        InputPath: '$.order',
        Parameters: {
          orderId: '$.id',
          'id.$': '$.id',
          'first.$': '$.items[0].sku',
          'execution.$': '$$.Execution.Name',
          fixed: [1, { 'n.$': '$.items[1].qty' }],
        },
        ResultSelector: { 'total.$': '$.Payload.total', source: 'lambda' },
        ResultPath: '$.billing',
        OutputPath: '$.billing',
      },
      input,
      {
        Only: ({ input: payload }) => {
          seen.push(payload);
          return { Payload: { total: 42 }, StatusCode: 200 };
        },
      },
    );
    expect(seen).toEqual([
      { orderId: '$.id', id: 'o-1', first: 'a', execution: 'example-execution', fixed: [1, { n: 1 }] },
    ]);
    expect(step?.input).toEqual(input);
    expect(step?.output).toEqual({ total: 42, source: 'lambda' });
    expect(execution.output).toEqual({ total: 42, source: 'lambda' });
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
    const seen: JsonValue[] = [];
    runOnly({ Type: 'Task', Resource: 'x:y', InputPath: null, ResultPath: '$.r' }, input, {
      Only: ({ input: payload }) => {
        seen.push(payload);
        return 1;
      },
    });
    expect(seen).toEqual([{}]);
    expect(runOnly({ Type: 'Pass', OutputPath: null }, input).step?.output).toEqual({});
  });

  it('reports a path that finds nothing', () => {
    expect(runOnly({ Type: 'Pass', InputPath: '$.missing' }, input).execution.error?.Error).toBe('States.Runtime');
    const parameters = runOnly({ Type: 'Pass', Parameters: { 'x.$': '$.missing' } }, input).execution.error;
    expect(parameters?.Error).toBe('States.ParameterPathFailure');
    expect(parameters?.Cause).toContain('$.missing');
  });

  it('fills $$ context paths', () => {
    const execution = createExecution(
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
      {},
      { executionName: 'run-7', stateMachineName: 'Orders' },
    );
    execution.run();
    expect(execution.output).toEqual({ name: 'run-7', state: 'Only', input: { a: 1 }, sm: 'Orders' });
  });

  it("does not change the caller's input or mock objects", () => {
    const original: JsonObject = { a: { b: 1 } };
    const result: JsonObject = { r: [1] };
    const execution = createExecution(
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
    execution.run();
    expect(execution.output).toEqual({ a: { b: 1, c: { r: 2 } } });
    expect(original).toEqual({ a: { b: 1 } });
    expect(result).toEqual({ r: [1] });
  });
});

describe('createExecution: state types', () => {
  it('records a Wait without sleeping', () => {
    const execution = createExecution(
      {
        StartAt: 'W1',
        States: {
          W1: { Type: 'Wait', Seconds: 30, Next: 'W2' },
          W2: { Type: 'Wait', SecondsPath: '$.delay', Next: 'W3' },
          W3: { Type: 'Wait', Timestamp: '2024-01-01T01:00:00Z', End: true },
        },
      },
      { delay: 15 },
    );
    const steps = execution.run();
    expect(steps.map((step) => step.wait)).toEqual([
      { seconds: 30 },
      { seconds: 15 },
      { timestamp: '2024-01-01T01:00:00Z', seconds: 3600 - 45 },
    ]);
    expect(execution.simulatedSeconds).toBe(3600);
    expect(execution.output).toEqual({ delay: 15 });
  });

  it("fails with the Fail state's Error and Cause, or ErrorPath and CausePath", () => {
    const { execution, step } = runOnly({ Type: 'Fail', Error: 'Bad', Cause: 'Very bad' }, {});
    expect(step).toMatchObject({ status: 'failed', error: { Error: 'Bad', Cause: 'Very bad' }, output: null });
    expect(execution.error).toEqual({ Error: 'Bad', Cause: 'Very bad' });
    const fromPaths = createExecution(
      {
        StartAt: 'F',
        States: { F: { Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('code {}', $.code)" } },
      },
      { code: 'E42' },
    );
    fromPaths.run();
    expect(fromPaths.error).toEqual({ Error: 'E42', Cause: 'code E42' });
  });

  it('fails with States.NoChoiceMatched when no rule matches and there is no Default', () => {
    const execution = createExecution(
      {
        StartAt: 'C',
        States: {
          C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 10, Next: 'Big' }] },
          Big: { Type: 'Succeed' },
        },
      },
      { n: 1 },
    );
    const [step] = execution.run();
    expect(step).toMatchObject({ state: 'C', status: 'failed', error: { Error: 'States.NoChoiceMatched' } });
  });

  it('runs Parallel branches in order and outputs an array', () => {
    const execution = createExecution(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Parameters: { 'x.$': '$.x' },
            Branches: [
              { StartAt: 'Double', States: { Double: { Type: 'Task', Resource: 'x', End: true } } },
              {
                StartAt: 'Tag',
                States: {
                  Tag: { Type: 'Pass', Result: 'tagged', ResultPath: '$.tag', Next: 'Stop' },
                  Stop: { Type: 'Succeed' },
                },
              },
            ],
            ResultPath: '$.results',
            End: true,
          },
        },
      },
      { x: 21, keep: true },
      { Double: ({ input }) => ({ doubled: ((input as JsonObject).x as number) * 2 }) },
    );
    const [step] = execution.run();
    expect(execution.output).toEqual({ x: 21, keep: true, results: [{ doubled: 42 }, { x: 21, tag: 'tagged' }] });
    expect(step?.branches?.map((branch) => branch.map((s) => s.state))).toEqual([['Double'], ['Tag', 'Stop']]);
  });

  it('fails a Parallel state when a branch fails, so its catcher can handle it', () => {
    const execution = createExecution(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Fine', States: { Fine: { Type: 'Pass', End: true } } },
              { StartAt: 'Bad', States: { Bad: { Type: 'Fail', Error: 'Branch.Broke', Cause: 'nope' } } },
            ],
            Catch: [{ ErrorEquals: ['Branch.Broke'], ResultPath: '$.err', Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Succeed' },
        },
      },
      { a: 1 },
    );
    const [both] = execution.run();
    expect(both).toMatchObject({ caught: { next: 'Handled' }, error: { Error: 'Branch.Broke', Cause: 'nope' } });
    expect(both?.branches).toHaveLength(2);
    expect(execution.output).toEqual({ a: 1, err: { Error: 'Branch.Broke', Cause: 'nope' } });
  });

  it('runs a Map over ItemsPath with ItemSelector and $$.Map.Item, and outputs an array', () => {
    const execution = createExecution(
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemsPath: '$.orders',
            ItemSelector: {
              'order.$': '$$.Map.Item.Value',
              'index.$': '$$.Map.Item.Index',
              'currency.$': '$.currency',
            },
            ItemProcessor: {
              StartAt: 'Price',
              States: { Price: { Type: 'Task', Resource: 'x', ResultPath: '$.price', End: true } },
            },
            ResultSelector: { 'prices.$': '$' },
            ResultPath: '$.priced',
            End: true,
          },
        },
      },
      {
        currency: 'EUR',
        orders: [
          { id: 'a', qty: 2 },
          { id: 'b', qty: 5 },
        ],
      },
      { Price: ({ input }) => (((input as JsonObject).order as JsonObject).qty as number) * 10 },
    );
    const [step] = execution.run();
    expect(execution.output).toEqual({
      currency: 'EUR',
      orders: [
        { id: 'a', qty: 2 },
        { id: 'b', qty: 5 },
      ],
      priced: {
        prices: [
          { order: { id: 'a', qty: 2 }, index: 0, currency: 'EUR', price: 20 },
          { order: { id: 'b', qty: 5 }, index: 1, currency: 'EUR', price: 50 },
        ],
      },
    });
    expect(step?.branches).toHaveLength(2);
  });

  it('supports the legacy Map Iterator and Parameters, and passes items through unchanged by default', () => {
    const legacy = createExecution(
      single({ Type: 'Map', Iterator: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } } }),
      [1, 'two', { three: 3 }],
    );
    legacy.run();
    expect(legacy.output).toEqual([1, 'two', { three: 3 }]);
    const notArray = createExecution(
      single({ Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } } }),
      { a: 1 },
    );
    notArray.run();
    expect(notArray.error?.Error).toBe('States.Runtime');
  });

  it('steps one state at a time', () => {
    const execution = createExecution(
      {
        StartAt: 'A',
        States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Result: 1, End: true } },
      },
      {},
    );
    expect(execution.currentState).toBe('A');
    expect(execution.step()).toMatchObject({ state: 'A', next: 'B', status: 'running' });
    expect(execution.status).toBe('running');
    expect(execution.step()).toMatchObject({ state: 'B', status: 'succeeded' });
    expect(execution.currentState).toBeUndefined();
    expect(execution.done).toBe(true);
    expect(execution.history.map((step) => step.state)).toEqual(['A', 'B']);
    expect(() => execution.step()).toThrow(/already finished/);
  });

  it('stops a state machine that loops forever', () => {
    const execution = createExecution(
      { StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 1, Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } },
      {},
      {},
      { maxSteps: 50 },
    );
    const steps = execution.run();
    expect(steps).toHaveLength(51);
    expect(steps.at(-1)).toMatchObject({ status: 'failed', error: { Error: 'States.Runtime' } });
    expect(execution.error?.Cause).toContain('Stopped after 50 steps');
  });

  it('refuses a definition it cannot start (the build validates the rest)', () => {
    expect(() => createExecution({ StartAt: 'B', States: { A: { Type: 'Pass', End: true } } }, {})).toThrow(
      /"StartAt" must name one of its "States"/,
    );
    expect(() => createExecution(null, {})).toThrow(/not valid/);
  });

  it('passes on an exception that is no Step Functions error, and then refuses to step on', () => {
    // jsonpath-plus throws its own error for a broken filter; the build's validator keeps such paths out.
    const execution = createExecution(single({ Type: 'Pass', InputPath: '$.a[?(@.x==' }), { a: [1] });
    expect(() => execution.step()).toThrow(/Unexpected/);
    expect(() => execution.step()).toThrow(/unexpected error; create a new one/);
    expect(execution.history).toEqual([]);
  });
});

describe('createExecution: Retry and Catch', () => {
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
    const execution = createExecution(
      machine([{ ErrorEquals: ['Flaky'], IntervalSeconds: 3, MaxAttempts: 4, BackoffRate: 1.5 }]),
      {},
      { Call: { error: 'Flaky', cause: 'try again' } },
    );
    const steps = execution.run();
    expect(steps.map((step) => step.retry?.attempt ?? null)).toEqual([1, 2, 3, 4, null]);
    expect(steps.map((step) => step.retry?.intervalSeconds ?? null)).toEqual([3, 4.5, 6.75, 10.125, null]);
    expect(steps.every((step) => step.state === 'Call')).toBe(true);
    expect(steps.at(-1)).toMatchObject({ status: 'failed', error: { Error: 'Flaky', Cause: 'try again' } });
    expect(execution.simulatedSeconds).toBe(3 + 4.5 + 6.75 + 10.125);
  });

  it('uses the defaults (1 s, 3 attempts, rate 2) and caps intervals at MaxDelaySeconds', () => {
    const defaults = createExecution(machine([{ ErrorEquals: ['States.ALL'] }]), {}, { Call: { error: 'X' } });
    expect(defaults.run().map((step) => step.retry?.intervalSeconds ?? null)).toEqual([1, 2, 4, null]);
    const capped = createExecution(
      machine([{ ErrorEquals: ['X'], IntervalSeconds: 5, MaxAttempts: 4, MaxDelaySeconds: 12 }]),
      {},
      { Call: { error: 'X' } },
    );
    expect(capped.run().map((step) => step.retry?.intervalSeconds ?? null)).toEqual([5, 10, 12, 12, null]);
  });

  it('never retries with MaxAttempts 0', () => {
    const execution = createExecution(machine([{ ErrorEquals: ['X'], MaxAttempts: 0 }]), {}, { Call: { error: 'X' } });
    expect(execution.run()).toHaveLength(1);
    expect(execution.status).toBe('failed');
  });

  it('succeeds after a retry when the mock recovers, counting attempts', () => {
    const attempts: number[] = [];
    const execution = createExecution(
      machine([{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 5 }]),
      {},
      {
        Call: ({ attempt }) => {
          attempts.push(attempt);
          return attempt < 3 ? { error: 'Lambda.TooManyRequestsException' } : { ok: true };
        },
      },
    );
    const steps = execution.run();
    expect(attempts).toEqual([1, 2, 3]);
    expect(steps.map((step) => `${step.state}:${step.retry ? 'retry' : step.status}`)).toEqual([
      'Call:retry',
      'Call:retry',
      'Call:running',
      'Ok:succeeded',
    ]);
    expect(execution.output).toEqual({ ok: true });
  });

  it('uses only the first retrier that matches the error', () => {
    const execution = createExecution(
      machine([
        { ErrorEquals: ['X'], MaxAttempts: 1 },
        { ErrorEquals: ['States.ALL'], MaxAttempts: 5 },
      ]),
      {},
      { Call: { error: 'X' } },
    );
    expect(execution.run().filter((step) => step.retry)).toHaveLength(1);
  });

  it("catches once retries are used up, placing {Error, Cause} at the catcher's ResultPath", () => {
    const execution = createExecution(
      machine(
        [{ ErrorEquals: ['X'], MaxAttempts: 1 }],
        [{ ErrorEquals: ['X'], ResultPath: '$.failure', Next: 'Recover' }],
      ),
      { id: 7 },
      { Call: { error: 'X', cause: 'broken' } },
    );
    const steps = execution.run();
    expect(steps.map((step) => step.state)).toEqual(['Call', 'Call', 'Recover']);
    expect(steps[1]).toMatchObject({
      caught: { catcher: 0, next: 'Recover' },
      output: { id: 7, failure: { Error: 'X', Cause: 'broken' } },
    });
    expect(execution.output).toEqual({ id: 7, failure: { Error: 'X', Cause: 'broken' }, note: 'recovered' });
  });

  it('replaces the input with the error output when the catcher has no ResultPath', () => {
    const execution = createExecution(
      machine([], [{ ErrorEquals: ['States.TaskFailed'], Next: 'Recover' }]),
      { id: 7 },
      { Call: { error: 'Custom.Error' } },
    );
    execution.run();
    expect(execution.output).toEqual({ Error: 'Custom.Error', Cause: '', note: 'recovered' });
  });

  it('treats an exception thrown by a mock function as States.TaskFailed', () => {
    const execution = createExecution(
      machine([], [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.e', Next: 'Recover' }]),
      {},
      {
        Call: () => {
          throw new Error('connection reset');
        },
      },
    );
    execution.run();
    expect(execution.output).toEqual({
      e: { Error: 'States.TaskFailed', Cause: 'connection reset' },
      note: 'recovered',
    });
  });

  it('does not let States.ALL catch States.Runtime errors', () => {
    const execution = createExecution(
      machine([{ ErrorEquals: ['States.ALL'] }], [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }]),
      {},
      {},
    );
    const steps = execution.run();
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
    const execution = createExecution(
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
    expect(execution.step()).toMatchObject({ state: 'Route', choice: 0, next: 'Big', output: { size: 500 } });
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

  it('converts with States.StringToJson and States.JsonToString, and nests calls', () => {
    expect(evaluateIntrinsic('States.StringToJson($.json)', data, {})).toEqual({ k: [1, 2] });
    expect(evaluateIntrinsic('States.JsonToString($.a)', data, {})).toBe('{"b c":[10,{"d":"x"}]}');
    expect(evaluateIntrinsic('States.ArrayGetItem(States.Array(5, 6), 1)', data, {})).toBe(6);
    expect(evaluateIntrinsic('States.ArrayLength(States.Array(1, $.n, null))', data, {})).toBe(3);
    expect(evaluateIntrinsic('States.MathAdd($.n, -1)', data, {})).toBe(2);
    expect(evaluateIntrinsic('States.ArrayRange(1, 9, 4)', data, {})).toEqual([1, 5, 9]);
    expect(evaluateIntrinsic('States.ArrayContains(States.Array(1, 2), 2)', data, {})).toBe(true);
  });

  it('names an unsupported intrinsic in a States.Runtime error that fails the execution', () => {
    const execution = createExecution(
      single({ Type: 'Pass', Parameters: { 'h.$': "States.Hash($.key, 'SHA-256')" } }),
      data,
    );
    execution.run();
    expect(execution.error?.Error).toBe('States.Runtime');
    expect(execution.error?.Cause).toContain('States.Hash');
  });
});
