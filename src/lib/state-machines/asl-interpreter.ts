/**
 * A step-through interpreter of JSONPath-mode state machines, for learning how data flows: Tasks return mocked
 * results and nothing sleeps (waits and retry intervals are added up). It runs what `unsupportedFeatures` does
 * not list, and the build refuses a machine that needs more. Data goes raw input → InputPath → Parameters → the
 * work → ResultSelector → ResultPath (into the raw input) → OutputPath.
 */
import type {
  AslErrorHandler,
  AslErrorOutput,
  AslIssue,
  AslMocks,
  AslState,
  AslStateMachine,
  AslStepResult,
  JsonObject,
  JsonValue,
} from './asl-types.ts';
import { evaluateChoiceRule } from './asl-choice.ts';
import { isRecord } from './asl-describe.ts';
import { AslStatesError, applyPayloadTemplate, runtime, selectPath, setResultPath } from './asl-jsonpath.ts';

const PLAYER_RUNS =
  'The step-through player runs Task, Pass, Choice, Wait (with Seconds), Succeed and Fail states in JSONPath, ' +
  'with Retry, Catch and the intrinsic function States.Format.';
/** State fields that change what an execution does and that the interpreter does not implement. */
const UNSUPPORTED_FIELDS = ['Assign', 'ErrorPath', 'CausePath', 'SecondsPath', 'Timestamp', 'TimestampPath'];

/** What a (validated) definition uses that the interpreter does not run: one issue per state, naming each use. */
export function unsupportedFeatures(definition: unknown): AslIssue[] {
  const machine = definition as { QueryLanguage?: unknown; States: Record<string, Record<string, unknown>> };
  const issues: AslIssue[] = [];
  if (machine.QueryLanguage === 'JSONata') {
    issues.push({ path: 'QueryLanguage', message: `The state machine uses JSONata. ${PLAYER_RUNS}` });
  }
  for (const [name, state] of Object.entries(machine.States)) {
    const uses = [
      ...(state.Type === 'Parallel' || state.Type === 'Map' ? [`a ${state.Type} state`] : []),
      ...(state.QueryLanguage === 'JSONata' ? ['JSONata'] : []),
      ...UNSUPPORTED_FIELDS.filter((field) => state[field] !== undefined).map((field) => `"${field}"`),
      ...[state.Parameters, state.ResultSelector].flatMap(otherIntrinsics),
    ];
    if (uses.length === 0) continue;
    const message = `${String(state.Type)} state "${name}" uses ${uses.join(', ')}, which the step-through player does not run.`;
    issues.push({ state: name, path: `States.${name}`, message: `${message} ${PLAYER_RUNS}` });
  }
  return issues;
}

/** The intrinsic functions other than States.Format that a payload template calls. */
function otherIntrinsics(template: unknown): string[] {
  if (Array.isArray(template)) return template.flatMap(otherIntrinsics);
  if (!isRecord(template)) return [];
  return Object.entries(template).flatMap(([key, value]) =>
    key.endsWith('.$') && typeof value === 'string'
      ? [...value.matchAll(/States\.\w+(?=\s*\()/g)].flatMap(([call]) => (call === 'States.Format' ? [] : [call]))
      : otherIntrinsics(value),
  );
}

/** A whole execution, run at once; the player shows its steps one by one. */
export interface AslExecution {
  steps: AslStepResult[];
  status: 'succeeded' | 'failed';
  /** The execution's output once it has succeeded, its error once it has failed. */
  output?: JsonValue;
  error?: AslErrorOutput;
  /** Seconds the execution would have spent in Wait states and between retries. */
  simulatedSeconds: number;
}

const START_TIME = '2024-01-01T00:00:00.000Z';
/** `$$.Execution.Name`, which the note's example uses as the training job's name. */
const EXECUTION_NAME = 'example-execution';
/** A machine that loops forever fails after this many steps. */
const MAX_STEPS = 1000;

/**
 * Runs `definition`, which the validator has accepted, with `input`. `mocks` maps Task state names to the result
 * JSON, or to `{ error, cause? }` to simulate a failure. Throws (a plain Error) for a definition it cannot run,
 * and passes on any exception that is not a Step Functions error.
 */
export function runExecution(definition: unknown, input: JsonValue, mocks: AslMocks = {}): AslExecution {
  const machine = definition as AslStateMachine;
  const [unsupported] = unsupportedFeatures(definition);
  if (unsupported) throw new Error(unsupported.message);
  const arn = 'arn:aws:states:us-east-1:123456789012';
  const Execution = { Id: `${arn}:execution:StateMachine:${EXECUTION_NAME}`, Name: EXECUTION_NAME };
  const StateMachine = { Id: `${arn}:stateMachine:StateMachine`, Name: 'StateMachine' };
  const context = { Execution: { ...Execution, Input: structuredClone(input), StartTime: START_TIME }, StateMachine };
  const steps: AslStepResult[] = [];
  let seconds = 0;
  let name = machine.StartAt;
  let data = structuredClone(input);
  /** Retries used per retrier, while the same state is being retried. */
  let retries: number[] = [];
  for (;;) {
    const state: AslState = machine.States[name]!;
    const attempt = retries.reduce((sum, used) => sum + used, 1);
    const entered = new Date(Date.parse(START_TIME) + seconds * 1000).toISOString();
    const State = { Name: name, EnteredTime: entered, RetryCount: attempt - 1 };
    const record: AslStepResult = { state: name, type: state.Type, input: data, output: null, status: 'running' };
    steps.push(record);
    let error: AslErrorOutput;
    try {
      if (steps.length > MAX_STEPS) throw runtime(`Stopped after ${MAX_STEPS} steps; the state machine loops forever.`);
      const next = execute(name, state, data, { ...context, State }, record, mocks);
      seconds += record.waitSeconds ?? 0;
      retries = [];
      data = record.output;
      record.status = next === undefined ? 'succeeded' : 'running';
      if (next === undefined) break;
      record.next = name = next;
      continue;
    } catch (thrown) {
      if (!(thrown instanceof AslStatesError)) throw thrown;
      error = thrown.output;
    }
    Object.assign(record, { status: 'failed', error });
    const [retrier, index] = handlerFor(state.Retry, error.Error);
    const used = retries[index] ?? 0;
    const maxAttempts = retrier?.MaxAttempts ?? 3;
    if (retrier && used < maxAttempts) {
      const backoff = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** used;
      const intervalSeconds = Math.min(backoff, retrier.MaxDelaySeconds ?? Infinity);
      seconds += intervalSeconds;
      retries[index] = used + 1;
      const errorEquals = [...retrier.ErrorEquals];
      record.retry = { attempt: used + 1, maxAttempts, intervalSeconds, retrier: index, errorEquals };
      Object.assign(record, { output: data, status: 'running', next: name });
      continue;
    }
    retries = [];
    const [catcher, catcherIndex] = handlerFor(state.Catch, error.Error);
    if (catcher?.Next === undefined) break;
    try {
      data = catcher.ResultPath === null ? data : setResultPath(data, catcher.ResultPath ?? '$', { ...error });
    } catch (thrown) {
      if (!(thrown instanceof AslStatesError)) throw thrown;
      record.error = thrown.output;
      break;
    }
    record.caught = { catcher: catcherIndex, errorEquals: [...catcher.ErrorEquals], next: catcher.Next };
    Object.assign(record, { output: data, status: 'running', next: (name = catcher.Next) });
  }
  const { status, output, error } = steps.at(-1)!;
  const end = status === 'succeeded' ? { status, output } : { status: 'failed' as const, error: error! };
  return { steps, simulatedSeconds: seconds, ...end };
}

/**
 * The first retrier or catcher whose ErrorEquals names the error, with its index. `States.ALL` matches every
 * error and `States.TaskFailed` all but `States.Timeout`; `States.Runtime` and `States.DataLimitExceeded` never match.
 */
function handlerFor(handlers: AslErrorHandler[] = [], error: string): [AslErrorHandler | undefined, number] {
  if (error === 'States.Runtime' || error === 'States.DataLimitExceeded') return [undefined, -1];
  const index = handlers.findIndex((handler) =>
    handler.ErrorEquals.some(
      (name) => name === error || name === 'States.ALL' || (name === 'States.TaskFailed' && error !== 'States.Timeout'),
    ),
  );
  return [handlers[index], index];
}

/**
 * Runs one state on its raw input: fills `record` (output, waitSeconds, choice) and returns the next state, or
 * undefined when the state ends the execution. Throws AslStatesError on failure, a Fail state's error included.
 */
function execute(
  name: string,
  state: AslState,
  raw: JsonValue,
  context: JsonObject,
  record: AslStepResult,
  mocks: AslMocks,
): string | undefined {
  const effective = selectPath(raw, state.InputPath, 'InputPath', name);
  let next = state.End === true ? undefined : state.Next;
  if (state.Type === 'Fail') throw new AslStatesError(state.Error ?? 'States.Fail', state.Cause ?? '');
  if (state.Type === 'Task' || state.Type === 'Pass') {
    // A Task's result is its mock, but Parameters still run: a path in them that finds nothing fails the Task.
    const payload =
      state.Parameters === undefined ? effective : applyPayloadTemplate(state.Parameters, effective, context);
    let result: JsonValue;
    if (state.Type === 'Task') {
      record.request = payload;
      result = record.result = callMock(mocks, name);
    } else result = state.Result === undefined ? payload : state.Result;
    const selected =
      state.ResultSelector === undefined
        ? result
        : applyPayloadTemplate(state.ResultSelector, result, context, 'States.Runtime');
    const placed = state.ResultPath === null ? raw : setResultPath(raw, state.ResultPath ?? '$', selected);
    record.output = selectPath(placed, state.OutputPath, 'OutputPath', name);
    return next;
  }
  // Choice, Wait and Succeed pass their input on.
  let choice: number | 'Default' | undefined;
  if (state.Type === 'Choice') {
    const rules = state.Choices ?? [];
    const index = rules.findIndex((rule) => evaluateChoiceRule(rule, effective, context));
    next = index === -1 ? state.Default : rules[index]!.Next;
    if (next === undefined) {
      const cause = `No Choice rule of "${name}" matched the input, and it has no Default.`;
      throw new AslStatesError('States.NoChoiceMatched', cause);
    }
    choice = index === -1 ? 'Default' : index;
  }
  record.output = selectPath(effective, state.OutputPath, 'OutputPath', name);
  if (choice !== undefined) record.choice = choice;
  if (state.Type === 'Wait') record.waitSeconds = state.Seconds ?? 0;
  return state.Type === 'Succeed' ? undefined : next;
}

/** The Task's result from its mock, or the AslStatesError its mock stands for. */
function callMock(mocks: AslMocks, name: string): JsonValue {
  if (!Object.hasOwn(mocks, name)) {
    throw runtime(
      `No mock for Task state "${name}". Pass one in mocks: { "${name}": <result JSON> } or { "${name}": { "error": "..." } }.`,
    );
  }
  const value = mocks[name]!;
  // An object whose only keys are a string `error` and an optional string `cause` stands for a failure.
  const { error, cause = '', ...rest } = isRecord(value) ? value : {};
  if (typeof error === 'string' && typeof cause === 'string' && Object.keys(rest).length === 0) {
    throw new AslStatesError(error, cause);
  }
  return structuredClone(value);
}
