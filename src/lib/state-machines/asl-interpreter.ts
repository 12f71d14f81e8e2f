/**
 * A step-through interpreter of JSONPath-mode state machines, for learning how data flows: Tasks return mocked
 * results, nothing sleeps (waits and retry intervals are added up), and Parallel branches and Map items run one
 * after another. Data goes raw input → InputPath → Parameters (ItemSelector for Map) → the work → ResultSelector
 * → ResultPath (into the raw input) → OutputPath.
 */
import type {
  AslErrorHandler,
  AslErrorOutput,
  AslExecutionStatus,
  AslMockError,
  AslMocks,
  AslState,
  AslStateMachine,
  AslStepResult,
  JsonObject,
  JsonValue,
} from './asl-types.ts';
import { evaluateChoiceRule } from './asl-choice.ts';
import { isRecord } from './asl-describe.ts';
import {
  AslStatesError,
  applyPayloadTemplate,
  evaluateExpression,
  readPath,
  runtime,
  selectPath,
  setResultPath,
} from './asl-jsonpath.ts';

export interface AslExecutionOptions {
  /** `$$.Execution.Name` and `$$.StateMachine.Name`; default `example-execution` and `StateMachine`. */
  executionName?: string;
  stateMachineName?: string;
  /** Safety limit on the number of states run, nested ones included; default 1000. */
  maxSteps?: number;
}

/** Shared by an execution and all its branches and Map iterations. */
interface Environment {
  mocks: AslMocks;
  stepsRun: number;
  maxSteps: number;
  /** Seconds spent in Wait states and between retries, after the fixed start time (so runs are repeatable). */
  simulatedSeconds: number;
  /** `$$.Execution` and `$$.StateMachine`. */
  context: JsonObject;
}

const START_TIME = '2024-01-01T00:00:00.000Z';

/**
 * An execution of `definition` with `input`. `mocks` maps Task state names (at any depth) to the result JSON,
 * to `{ error, cause? }` to simulate a failure, or to a function of the call returning either.
 */
export function createExecution(
  definition: unknown,
  input: JsonValue,
  mocks: AslMocks = {},
  options: AslExecutionOptions = {},
): AslExecution {
  return new AslExecution(definition, input, mocks, options);
}

export class AslExecution {
  /** Every step so far. */
  readonly history: AslStepResult[] = [];
  status: AslExecutionStatus = 'running';
  /** The state `step()` runs next. */
  currentState: string | undefined;
  /** The execution's output once it has succeeded, its error once it has failed. */
  output: JsonValue | undefined;
  error: AslErrorOutput | undefined;
  private readonly env: Environment;
  private readonly steps: Generator<AslStepResult>;

  constructor(definition: unknown, input: JsonValue, mocks: AslMocks, options: AslExecutionOptions) {
    // The build has validated the definition; here it only has to be runnable.
    const machine = definition as AslStateMachine;
    if (!isRecord(definition) || !isRecord(machine.States) || !isRecord(machine.States[machine.StartAt])) {
      throw new Error('The state machine is not valid: "StartAt" must name one of its "States".');
    }
    if (machine.QueryLanguage === 'JSONata') {
      throw new Error(
        'This interpreter supports JSONPath state machines only; this one sets "QueryLanguage": "JSONata".',
      );
    }
    const { executionName = 'example-execution', stateMachineName = 'StateMachine', maxSteps = 1000 } = options;
    const arn = `arn:aws:states:us-east-1:123456789012`;
    const Execution = {
      Id: `${arn}:execution:${stateMachineName}:${executionName}`,
      Name: executionName,
      StartTime: START_TIME,
    };
    const StateMachine = { Id: `${arn}:stateMachine:${stateMachineName}`, Name: stateMachineName };
    const context = { Execution: { ...Execution, Input: structuredClone(input) }, StateMachine };
    this.env = { mocks, stepsRun: 0, maxSteps, simulatedSeconds: 0, context };
    this.currentState = machine.StartAt;
    this.steps = runMachine(machine, structuredClone(input), this.env);
  }

  get done(): boolean {
    return this.status !== 'running';
  }

  /** Seconds the execution would have spent in Wait states and between retries. */
  get simulatedSeconds(): number {
    return this.env.simulatedSeconds;
  }

  /** Runs the next state (or the next retry) and reports what happened. Throws once the execution is over. */
  step(): AslStepResult {
    if (this.done) {
      throw new Error(`The execution has already finished (${this.status}); create a new one to run it again.`);
    }
    const { value: record, done } = this.steps.next();
    // Only after an exception that was not a Step Functions error (a bug), which step() passed on.
    if (done) throw new Error('The execution stopped after an unexpected error; create a new one to run it again.');
    this.history.push(record);
    this.status = record.status;
    this.currentState = record.next;
    if (record.status === 'succeeded') this.output = record.output;
    this.error = record.status === 'failed' ? record.error : undefined;
    return record;
  }

  /** Steps until the execution succeeds or fails; returns the steps it ran. */
  run(): AslStepResult[] {
    const steps: AslStepResult[] = [];
    while (!this.done) steps.push(this.step());
    return steps;
  }
}

/**
 * Runs one (sub-)machine, yielding a record per step; the last record says how it ended: `succeeded` with the
 * machine's output, or `failed` with its error.
 */
function* runMachine(machine: AslStateMachine, input: JsonValue, env: Environment): Generator<AslStepResult> {
  let name: string | undefined = machine.StartAt;
  let data = input;
  /** Retries used per retrier, while the same state is being retried. */
  let retries: number[] = [];
  while (name !== undefined) {
    const state: AslState = machine.States[name]!;
    const record: AslStepResult = { state: name, type: state.Type, input: data, output: null, status: 'running' };
    const attempt = retries.reduce((sum, used) => sum + used, 1);
    let error: AslErrorOutput;
    try {
      if ((env.stepsRun += 1) > env.maxSteps) {
        const advice = "the state machine probably loops forever. Raise maxSteps if it doesn't.";
        throw runtime(`Stopped after ${env.maxSteps} steps; ${advice}`);
      }
      const next = execute(name, state, data, env, attempt, record);
      retries = [];
      data = record.output;
      record.status = record.error ? 'failed' : next === undefined ? 'succeeded' : 'running';
      name = record.status === 'running' ? next : undefined;
      yield name === undefined ? record : { ...record, next: name };
      continue;
    } catch (thrown) {
      if (!(thrown instanceof AslStatesError)) throw thrown;
      error = thrown.output;
    }
    const failed: AslStepResult = { ...record, output: null, status: 'failed', error };
    delete failed.choice;
    delete failed.wait;
    const [retrier, index] = handlerFor(state.Retry, error.Error);
    const used = retries[index] ?? 0;
    const maxAttempts = retrier?.MaxAttempts ?? 3;
    if (retrier && used < maxAttempts) {
      const backoff = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** used;
      const intervalSeconds = Math.min(backoff, retrier.MaxDelaySeconds ?? Infinity);
      env.simulatedSeconds += intervalSeconds;
      retries[index] = used + 1;
      const errorEquals = [...retrier.ErrorEquals];
      const retry = { attempt: used + 1, maxAttempts, intervalSeconds, retrier: index, errorEquals };
      yield { ...failed, retry, output: data, status: 'running', next: record.state };
      continue;
    }
    retries = [];
    const [catcher, catcherIndex] = handlerFor(state.Catch, error.Error);
    name = catcher?.Next;
    try {
      if (catcher && name !== undefined) {
        data = catcher.ResultPath === null ? data : setResultPath(data, catcher.ResultPath ?? '$', { ...error });
        const caught = { catcher: catcherIndex, errorEquals: [...catcher.ErrorEquals], next: name };
        yield { ...failed, caught, output: data, status: 'running', next: name };
        continue;
      }
    } catch (thrown) {
      if (!(thrown instanceof AslStatesError)) throw thrown;
      failed.error = thrown.output;
      name = undefined;
    }
    yield failed;
  }
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

/** Runs a sub-machine to its end, recording its steps in `histories`; a failure fails the enclosing state. */
function runToEnd(machine: AslStateMachine, input: JsonValue, env: Environment, histories: AslStepResult[][]) {
  const history = [...runMachine(machine, input, env)];
  histories.push(history);
  const last = history.at(-1)!;
  if (last.error) throw new AslStatesError(last.error.Error, last.error.Cause);
  return last.output;
}

/**
 * Runs one state on its raw input: fills `record` (output, wait, choice, branches; error for a Fail state) and
 * returns the next state, or undefined when the state ends its (sub-)machine. Throws AslStatesError on failure.
 */
function execute(
  name: string,
  state: AslState,
  raw: JsonValue,
  env: Environment,
  attempt: number,
  record: AslStepResult,
): string | undefined {
  if (state.QueryLanguage === 'JSONata')
    throw runtime(`State "${name}" uses JSONata, which this interpreter doesn't support.`);
  const entered = new Date(Date.parse(START_TIME) + env.simulatedSeconds * 1000).toISOString();
  const context = (item?: { Index: number; Value: JsonValue }): JsonObject => ({
    ...env.context,
    State: { Name: name, EnteredTime: entered, RetryCount: attempt - 1 },
    ...(item ? { Map: { Item: item } } : {}),
  });
  const effective = state.Type === 'Fail' ? raw : selectPath(raw, state.InputPath, 'InputPath', name);
  const payload = () =>
    state.Parameters === undefined ? effective : applyPayloadTemplate(state.Parameters, effective, context());
  /** The state's output from its result: ResultSelector, ResultPath into the raw input, then OutputPath. */
  const output = (result: JsonValue, selector: JsonValue | undefined) => {
    const selected =
      selector === undefined ? result : applyPayloadTemplate(selector, result, context(), 'States.Runtime');
    const placed = state.ResultPath === null ? raw : setResultPath(raw, state.ResultPath ?? '$', selected);
    record.output = selectPath(placed, state.OutputPath, 'OutputPath', name);
  };
  const next = state.End === true ? undefined : state.Next;
  switch (state.Type) {
    case 'Pass':
      output(state.Result === undefined ? payload() : state.Result, undefined);
      return next;
    case 'Task':
      output(callMock(env.mocks, name, payload(), attempt), state.ResultSelector);
      return next;
    case 'Choice': {
      const rules = state.Choices ?? [];
      const index = rules.findIndex((rule) => evaluateChoiceRule(rule, effective, context()));
      const target = index === -1 ? state.Default : rules[index]!.Next;
      if (target === undefined) {
        throw new AslStatesError(
          'States.NoChoiceMatched',
          `No Choice rule of "${name}" matched the input, and it has no Default.`,
        );
      }
      record.output = selectPath(effective, state.OutputPath, 'OutputPath', name);
      record.choice = index === -1 ? 'Default' : index;
      return target;
    }
    case 'Wait':
      record.output = selectPath(effective, state.OutputPath, 'OutputPath', name);
      record.wait = waitFor(name, state, effective, context(), env);
      return next;
    case 'Succeed':
      record.output = selectPath(effective, state.OutputPath, 'OutputPath', name);
      return undefined;
    case 'Fail': {
      const read = (path: string | undefined, fallback: string | undefined) => {
        if (path === undefined) return fallback;
        const value = evaluateExpression(path, raw, context(), 'States.Runtime', 'ErrorPath/CausePath');
        return typeof value === 'string' ? value : JSON.stringify(value);
      };
      record.error = {
        Error: read(state.ErrorPath, state.Error) ?? 'States.Fail',
        Cause: read(state.CausePath, state.Cause) ?? '',
      };
      return undefined;
    }
    case 'Parallel': {
      const input = payload();
      const histories: AslStepResult[][] = (record.branches = []);
      const results = (state.Branches ?? []).map((branch) => runToEnd(branch, structuredClone(input), env, histories));
      output(results, state.ResultSelector);
      return next;
    }
    case 'Map': {
      const items =
        state.ItemsPath === undefined
          ? { found: true, value: effective }
          : readPath(state.ItemsPath, effective, context());
      if (!items.found)
        throw runtime(`ItemsPath "${state.ItemsPath}" of Map state "${name}" found nothing in the input.`);
      if (!Array.isArray(items.value)) {
        throw runtime(`Map state "${name}" needs an array to iterate over; ${state.ItemsPath ?? '$'} is not one.`);
      }
      const processor = state.ItemProcessor ?? state.Iterator;
      if (!processor) throw runtime(`Map state "${name}" has no ItemProcessor.`);
      const selector = state.ItemSelector ?? state.Parameters;
      const histories: AslStepResult[][] = (record.branches = []);
      const results = items.value.map((item, index) => {
        const itemInput =
          selector === undefined
            ? structuredClone(item)
            : applyPayloadTemplate(selector, effective, context({ Index: index, Value: item }));
        return runToEnd(processor, itemInput, env, histories);
      });
      output(results, state.ResultSelector);
      return next;
    }
  }
}

/** Adds a Wait's time to the simulated clock and says how long it waited. */
function waitFor(name: string, state: AslState, effective: JsonValue, context: JsonObject, env: Environment) {
  const fromPath = (path: string): JsonValue => {
    const lookup = readPath(path, effective, context);
    if (!lookup.found) throw runtime(`${path} of Wait state "${name}" found nothing in the input.`);
    return lookup.value;
  };
  const timestamp = state.TimestampPath === undefined ? state.Timestamp : fromPath(state.TimestampPath);
  if (timestamp !== undefined) {
    const at = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
    const field = state.Timestamp === undefined ? 'TimestampPath' : 'Timestamp';
    if (Number.isNaN(at))
      throw runtime(`${field} of Wait state "${name}" is not a timestamp: ${JSON.stringify(timestamp)}.`);
    const seconds = Math.max(0, Math.round((at - Date.parse(START_TIME)) / 1000 - env.simulatedSeconds));
    env.simulatedSeconds += seconds;
    return { timestamp: timestamp as string, seconds };
  }
  const seconds = state.SecondsPath === undefined ? (state.Seconds ?? 0) : fromPath(state.SecondsPath);
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    throw runtime(`SecondsPath of Wait state "${name}" must give a whole number of seconds, 0 or more.`);
  }
  env.simulatedSeconds += seconds;
  return { seconds };
}

/** The Task's result from its mock, or the AslStatesError its mock stands for. */
function callMock(mocks: AslMocks, name: string, input: JsonValue, attempt: number): JsonValue {
  if (!Object.hasOwn(mocks, name)) {
    throw runtime(
      `No mock for Task state "${name}". Pass one in mocks: { "${name}": <result JSON> } or { "${name}": { "error": "..." } }.`,
    );
  }
  const mock = mocks[name];
  let value: JsonValue | AslMockError | undefined;
  try {
    value = typeof mock === 'function' ? mock({ state: name, input: structuredClone(input), attempt }) : mock;
  } catch (thrown) {
    // A mock function that throws stands for a failed task, like a Lambda function raising an exception.
    if (thrown instanceof AslStatesError) throw thrown;
    throw new AslStatesError('States.TaskFailed', thrown instanceof Error ? thrown.message : String(thrown));
  }
  // An object whose only keys are a string `error` and an optional string `cause` stands for a failure.
  const { error, cause = '', ...rest } = isRecord(value) ? value : {};
  if (typeof error === 'string' && typeof cause === 'string' && Object.keys(rest).length === 0) {
    throw new AslStatesError(error, cause);
  }
  return structuredClone(value as JsonValue);
}
