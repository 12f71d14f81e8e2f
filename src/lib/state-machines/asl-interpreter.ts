/**
 * A step-through interpreter of JSONPath-mode state machines, for learning how data flows: Tasks return mocked
 * results, nothing sleeps (waits and retry intervals are recorded), and Parallel branches and Map items run one
 * after another. Data goes raw input → InputPath → Parameters (ItemSelector for Map) → the work → ResultSelector
 * → ResultPath (into the raw input) → OutputPath; paths are read by jsonpath-plus (see `asl-jsonpath.ts`).
 */
import type {
  AslCatchRecord,
  AslErrorOutput,
  AslExecutionStatus,
  AslMocks,
  AslRetryRecord,
  AslState,
  AslStateMachine,
  AslStepResult,
  AslWaitRecord,
  JsonObject,
  JsonValue,
} from './asl-types.ts';
import { evaluateChoiceRule } from './asl-choice.ts';
import {
  AslStatesError,
  applyPayloadTemplate,
  cloneJson,
  evaluateExpression,
  isJsonObject,
  readPath,
  runtime,
  selectPath,
  setResultPath,
} from './asl-jsonpath.ts';
import { callMock, errorMatches } from './asl-task.ts';

export interface AslExecutionOptions {
  /** `$$.Execution.Name`; default `example-execution`. */
  executionName?: string;
  /** `$$.StateMachine.Name`; default `StateMachine`. */
  stateMachineName?: string;
  /** `$$.Execution.StartTime` (ISO 8601); default `2024-01-01T00:00:00.000Z`, so runs are repeatable. */
  startTime?: string;
  /** Safety limit on the number of states run, nested ones included; default 1000. */
  maxSteps?: number;
}

export interface AslExecution {
  /** Runs the next state (or the next retry) and reports what happened. Throws once the execution is over. */
  step(): AslStepResult;
  /** Steps until the execution succeeds or fails; returns the steps it ran. */
  run(): AslStepResult[];
  readonly status: AslExecutionStatus;
  readonly done: boolean;
  /** The state `step()` will run next. */
  readonly currentState: string | undefined;
  /** Every step so far. */
  readonly history: readonly AslStepResult[];
  /** The execution's output, once it has succeeded. */
  readonly output: JsonValue | undefined;
  /** The error, once it has failed. */
  readonly error: AslErrorOutput | undefined;
  /** Seconds the execution would have spent in Wait states and between retries. */
  readonly simulatedSeconds: number;
}

/**
 * Starts an execution of `definition` with `input`. `mocks` maps Task state names (at any depth) to the result
 * JSON, to `{ error, cause? }` to simulate a failure, or to a function of the call returning either.
 * Throws an `Error` listing the problems if the definition doesn't pass `validateAsl`.
 */
export function createExecution(
  definition: unknown,
  input: JsonValue,
  mocks: AslMocks = {},
  options: AslExecutionOptions = {},
): AslExecution {
  // The build has validated the definition; here it only has to be runnable.
  const start = isJsonObject(definition as JsonValue) ? (definition as JsonObject).StartAt : undefined;
  const states = isJsonObject(definition as JsonValue) ? (definition as JsonObject).States : undefined;
  if (typeof start !== 'string' || !isJsonObject(states) || !isJsonObject(states[start])) {
    throw new Error('The state machine is not valid: "StartAt" must name one of its "States".');
  }
  const machine = definition as AslStateMachine;
  if (machine.QueryLanguage === 'JSONata') {
    throw new Error(
      'This interpreter supports JSONPath state machines only; this one sets "QueryLanguage": "JSONata".',
    );
  }
  const executionName = options.executionName ?? 'example-execution';
  const stateMachineName = options.stateMachineName ?? 'StateMachine';
  const startTime = options.startTime ?? '2024-01-01T00:00:00.000Z';
  const startMs = Date.parse(startTime);
  if (Number.isNaN(startMs)) throw new Error(`startTime "${startTime}" is not an ISO 8601 timestamp.`);
  const account = 'arn:aws:states:us-east-1:123456789012';
  const env: Environment = {
    mocks,
    stepsRun: 0,
    maxSteps: options.maxSteps ?? 1000,
    simulatedSeconds: 0,
    startMs,
    execution: {
      Id: `${account}:execution:${stateMachineName}:${executionName}`,
      Name: executionName,
      Input: cloneJson(input),
      StartTime: startTime,
    },
    stateMachine: { Id: `${account}:stateMachine:${stateMachineName}`, Name: stateMachineName },
  };
  const runner = new MachineRunner(machine, cloneJson(input), env);
  const history: AslStepResult[] = [];

  return {
    step() {
      const result = runner.step();
      history.push(result);
      return result;
    },
    run() {
      const steps: AslStepResult[] = [];
      while (!runner.done) {
        const result = runner.step();
        history.push(result);
        steps.push(result);
      }
      return steps;
    },
    get status() {
      return runner.status;
    },
    get done() {
      return runner.done;
    },
    get currentState() {
      return runner.current;
    },
    get history() {
      return history;
    },
    get output() {
      return runner.status === 'succeeded' ? runner.data : undefined;
    },
    get error() {
      return runner.error;
    },
    get simulatedSeconds() {
      return env.simulatedSeconds;
    },
  };
}

interface Environment {
  mocks: AslMocks;
  stepsRun: number;
  maxSteps: number;
  simulatedSeconds: number;
  startMs: number;
  execution: JsonObject;
  stateMachine: JsonObject;
}

interface Outcome {
  output: JsonValue;
  /** The next state, or undefined when this state ends the (sub-)machine. */
  next: string | undefined;
  wait?: AslWaitRecord;
  choice?: number | 'Default';
  /** A Fail state: the (sub-)machine fails with this error. */
  fail?: AslErrorOutput;
}

/** Runs one (sub-)machine: the top level, one Parallel branch or one Map iteration. */
class MachineRunner {
  current: string | undefined;
  data: JsonValue;
  status: AslExecutionStatus = 'running';
  error: AslErrorOutput | undefined;
  readonly history: AslStepResult[] = [];
  /** Retries used per retrier index, for the state currently being (re)tried. */
  private retryCounts = new Map<number, number>();
  private attempt = 1;
  /** Histories of the branches / iterations run by the current Parallel or Map state. */
  private branchHistories: AslStepResult[][] | undefined;

  constructor(
    private readonly machine: AslStateMachine,
    input: JsonValue,
    private readonly env: Environment,
  ) {
    this.current = machine.StartAt;
    this.data = input;
  }

  get done(): boolean {
    return this.status !== 'running';
  }

  /** Runs to the end and returns the final status, output and error. */
  runToEnd(): { status: AslExecutionStatus; output: JsonValue; error: AslErrorOutput | undefined } {
    while (!this.done) this.step();
    return { status: this.status, output: this.data, error: this.error };
  }

  step(): AslStepResult {
    const name = this.current;
    if (this.done || name === undefined) {
      throw new Error(`The execution has already finished (${this.status}); create a new one to run it again.`);
    }
    const state = this.machine.States[name] as AslState;
    const rawInput = this.data;
    this.branchHistories = undefined;
    this.env.stepsRun += 1;

    let record: AslStepResult;
    try {
      if (this.env.stepsRun > this.env.maxSteps) {
        throw runtime(
          `Stopped after ${this.env.maxSteps} steps; the state machine probably loops forever. Raise maxSteps if it doesn't.`,
        );
      }
      const outcome = this.execute(name, state, rawInput);
      record = this.finish(name, state, rawInput, outcome);
    } catch (caught) {
      if (!(caught instanceof AslStatesError)) throw caught;
      record = this.handleError(name, state, rawInput, { Error: caught.error, Cause: caught.causeText });
    }
    this.history.push(record);
    return record;
  }

  private finish(name: string, state: AslState, rawInput: JsonValue, outcome: Outcome): AslStepResult {
    this.resetAttempts();
    const record: AslStepResult = {
      state: name,
      type: state.Type,
      input: rawInput,
      output: outcome.output,
      status: 'running',
    };
    if (outcome.wait) record.wait = outcome.wait;
    if (outcome.choice !== undefined) record.choice = outcome.choice;
    if (this.branchHistories) record.branches = this.branchHistories;
    if (outcome.fail) {
      record.output = null;
      record.error = outcome.fail;
      record.status = 'failed';
      this.fail(outcome.fail);
      return record;
    }
    this.data = outcome.output;
    if (outcome.next === undefined) {
      this.current = undefined;
      this.status = 'succeeded';
      record.status = 'succeeded';
    } else {
      this.current = outcome.next;
      record.next = outcome.next;
    }
    return record;
  }

  private handleError(name: string, state: AslState, rawInput: JsonValue, error: AslErrorOutput): AslStepResult {
    const record: AslStepResult = {
      state: name,
      type: state.Type,
      input: rawInput,
      output: null,
      status: 'failed',
      error,
    };
    if (this.branchHistories) record.branches = this.branchHistories;

    const retriers = state.Retry ?? [];
    const retrierIndex = retriers.findIndex((retrier) => errorMatches(retrier.ErrorEquals ?? [], error.Error));
    const retrier = retriers[retrierIndex];
    if (retrier) {
      const used = this.retryCounts.get(retrierIndex) ?? 0;
      const maxAttempts = retrier.MaxAttempts ?? 3;
      if (used < maxAttempts) {
        const base = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** used;
        const intervalSeconds = retrier.MaxDelaySeconds === undefined ? base : Math.min(base, retrier.MaxDelaySeconds);
        const retry: AslRetryRecord = {
          attempt: used + 1,
          maxAttempts,
          intervalSeconds,
          retrier: retrierIndex,
          errorEquals: [...(retrier.ErrorEquals ?? [])],
        };
        this.retryCounts.set(retrierIndex, used + 1);
        this.attempt += 1;
        this.env.simulatedSeconds += intervalSeconds;
        record.retry = retry;
        record.output = rawInput;
        record.status = 'running';
        record.next = name;
        return record;
      }
    }

    const catchers = state.Catch ?? [];
    const catcherIndex = catchers.findIndex((catcher) => errorMatches(catcher.ErrorEquals ?? [], error.Error));
    const catcher = catchers[catcherIndex];
    if (catcher && catcher.Next !== undefined) {
      this.resetAttempts();
      let output: JsonValue;
      try {
        output =
          catcher.ResultPath === null
            ? rawInput
            : setResultPath(rawInput, catcher.ResultPath ?? '$', { Error: error.Error, Cause: error.Cause });
      } catch (caught) {
        if (!(caught instanceof AslStatesError)) throw caught;
        const failure = { Error: caught.error, Cause: caught.causeText };
        record.error = failure;
        this.fail(failure);
        return record;
      }
      const caughtRecord: AslCatchRecord = {
        catcher: catcherIndex,
        errorEquals: [...(catcher.ErrorEquals ?? [])],
        next: catcher.Next,
      };
      this.data = output;
      this.current = catcher.Next;
      record.caught = caughtRecord;
      record.output = output;
      record.status = 'running';
      record.next = catcher.Next;
      return record;
    }

    this.resetAttempts();
    this.fail(error);
    return record;
  }

  private fail(error: AslErrorOutput): void {
    this.status = 'failed';
    this.error = error;
    this.current = undefined;
  }

  private resetAttempts(): void {
    this.retryCounts = new Map();
    this.attempt = 1;
  }

  private context(name: string, mapItem?: { index: number; value: JsonValue }): JsonObject {
    const entered = new Date(this.env.startMs + this.env.simulatedSeconds * 1000).toISOString();
    const context: JsonObject = {
      Execution: this.env.execution,
      StateMachine: this.env.stateMachine,
      State: { Name: name, EnteredTime: entered, RetryCount: this.attempt - 1 },
    };
    if (mapItem) context.Map = { Item: { Index: mapItem.index, Value: mapItem.value } };
    return context;
  }

  private execute(name: string, state: AslState, rawInput: JsonValue): Outcome {
    if (state.QueryLanguage === 'JSONata') {
      throw runtime(`State "${name}" uses JSONata, which this interpreter doesn't support.`);
    }
    const context = this.context(name);
    if (state.Type === 'Fail') return this.executeFail(state, rawInput, context);

    const effective = selectPath(rawInput, state.InputPath, 'InputPath', name);
    const output = (value: JsonValue): JsonValue => selectPath(value, state.OutputPath, 'OutputPath', name);
    const combine = (result: JsonValue): JsonValue => {
      const selected =
        state.ResultSelector === undefined
          ? result
          : applyPayloadTemplate(state.ResultSelector, result, context, 'States.Runtime');
      return output(applyResultPath(rawInput, state.ResultPath, selected));
    };
    const payload = (): JsonValue =>
      state.Parameters === undefined ? effective : applyPayloadTemplate(state.Parameters, effective, context);
    const next = state.End === true ? undefined : state.Next;

    switch (state.Type) {
      case 'Pass': {
        const parameters = payload();
        const result = state.Result !== undefined ? cloneJson(state.Result) : parameters;
        return { output: output(applyResultPath(rawInput, state.ResultPath, result)), next };
      }
      case 'Task':
        return { output: combine(callMock(this.env.mocks, name, payload(), this.attempt)), next };
      case 'Choice': {
        const rules = state.Choices ?? [];
        const index = rules.findIndex((rule) => evaluateChoiceRule(rule, effective, context));
        const matched = rules[index];
        if (matched) return { output: output(effective), next: matched.Next, choice: index };
        if (state.Default !== undefined) return { output: output(effective), next: state.Default, choice: 'Default' };
        throw new AslStatesError(
          'States.NoChoiceMatched',
          `No Choice rule of "${name}" matched the input, and it has no Default.`,
        );
      }
      case 'Wait':
        return { output: output(effective), next, wait: this.waitFor(name, state, effective, context) };
      case 'Succeed':
        return { output: output(effective), next: undefined };
      case 'Parallel': {
        const branchInput = payload();
        const results: JsonValue[] = [];
        this.branchHistories = [];
        for (const branch of state.Branches ?? []) {
          const runner = new MachineRunner(branch, cloneJson(branchInput), this.env);
          const run = runner.runToEnd();
          this.branchHistories.push(runner.history);
          if (run.status === 'failed') {
            const error = run.error ?? { Error: 'States.BranchFailed', Cause: 'A branch failed.' };
            throw new AslStatesError(error.Error, error.Cause);
          }
          results.push(run.output);
        }
        return { output: combine(results), next };
      }
      case 'Map':
        return { output: combine(this.runMap(name, state, effective)), next };
      default:
        throw runtime(`State "${name}" has an unknown type.`);
    }
  }

  private runMap(name: string, state: AslState, effective: JsonValue): JsonValue[] {
    let items: JsonValue = effective;
    if (state.ItemsPath !== undefined) {
      const lookup = readPath(state.ItemsPath, effective, this.context(name));
      if (!lookup.found) {
        throw runtime(`ItemsPath "${state.ItemsPath}" of Map state "${name}" found nothing in the input.`);
      }
      items = lookup.value;
    }
    if (!Array.isArray(items)) {
      throw runtime(`Map state "${name}" needs an array to iterate over; ${state.ItemsPath ?? '$'} is not one.`);
    }
    const processor = state.ItemProcessor ?? state.Iterator;
    if (!processor) throw runtime(`Map state "${name}" has no ItemProcessor.`);
    const selector = state.ItemSelector ?? state.Parameters;
    const results: JsonValue[] = [];
    this.branchHistories = [];
    items.forEach((item, index) => {
      const itemContext = this.context(name, { index, value: item });
      const iterationInput =
        selector === undefined ? cloneJson(item) : applyPayloadTemplate(selector, effective, itemContext);
      const runner = new MachineRunner(processor, iterationInput, this.env);
      const run = runner.runToEnd();
      this.branchHistories?.push(runner.history);
      if (run.status === 'failed') {
        const error = run.error ?? { Error: 'States.Runtime', Cause: `Item ${index} failed.` };
        throw new AslStatesError(error.Error, error.Cause);
      }
      results.push(run.output);
    });
    return results;
  }

  private waitFor(name: string, state: AslState, effective: JsonValue, context: JsonObject): AslWaitRecord {
    const nowMs = this.env.startMs + this.env.simulatedSeconds * 1000;
    const untilTimestamp = (timestamp: unknown, field: string): AslWaitRecord => {
      const at = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
      if (Number.isNaN(at)) {
        throw runtime(`${field} of Wait state "${name}" is not a timestamp: ${JSON.stringify(timestamp)}.`);
      }
      const seconds = Math.max(0, Math.round((at - nowMs) / 1000));
      this.env.simulatedSeconds += seconds;
      return { timestamp: timestamp as string, seconds };
    };
    const fromPath = (path: string): JsonValue => {
      const lookup = readPath(path, effective, context);
      if (!lookup.found) throw runtime(`${path} of Wait state "${name}" found nothing in the input.`);
      return lookup.value;
    };
    if (state.Timestamp !== undefined) return untilTimestamp(state.Timestamp, 'Timestamp');
    if (state.TimestampPath !== undefined) return untilTimestamp(fromPath(state.TimestampPath), 'TimestampPath');
    const seconds = state.SecondsPath !== undefined ? fromPath(state.SecondsPath) : (state.Seconds ?? 0);
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw runtime(`SecondsPath of Wait state "${name}" must give a whole number of seconds, 0 or more.`);
    }
    this.env.simulatedSeconds += seconds;
    return { seconds };
  }

  private executeFail(state: AslState, rawInput: JsonValue, context: JsonObject): Outcome {
    const read = (path: string | undefined, fallback: string | undefined): string | undefined => {
      if (path === undefined) return fallback;
      const value = evaluateExpression(path, rawInput, context, 'States.Runtime', 'ErrorPath/CausePath');
      return typeof value === 'string' ? value : JSON.stringify(value);
    };
    const error = read(state.ErrorPath, state.Error) ?? 'States.Fail';
    const cause = read(state.CausePath, state.Cause) ?? '';
    return { output: null, next: undefined, fail: { Error: error, Cause: cause } };
  }
}

function applyResultPath(rawInput: JsonValue, resultPath: string | null | undefined, result: JsonValue): JsonValue {
  return resultPath === null ? rawInput : setResultPath(rawInput, resultPath ?? '$', result);
}
