/**
 * What a Task state does in the step-through player: return its mocked result or fail with the mocked error;
 * and which retrier or catcher handles an error.
 */
import type { AslMock, AslMockError, AslMocks, JsonValue } from './asl-types.ts';
import { AslStatesError, cloneJson, isJsonObject } from './asl-jsonpath.ts';

/** The Task's result from `mocks`, or the AslStatesError its mock stands for. */
export function callMock(mocks: AslMocks, name: string, input: JsonValue, attempt: number): JsonValue {
  if (!Object.hasOwn(mocks, name)) {
    throw new AslStatesError(
      'States.Runtime',
      `No mock for Task state "${name}". Pass one in mocks: { "${name}": <result JSON> } or { "${name}": { "error": "..." } }.`,
    );
  }
  const mock = mocks[name] as AslMock;
  let value: JsonValue | AslMockError;
  try {
    value = typeof mock === 'function' ? mock({ state: name, input: cloneJson(input), attempt }) : mock;
  } catch (thrown) {
    // A mock function that throws simulates a failed task, like a Lambda function raising an exception.
    if (thrown instanceof AslStatesError) throw thrown;
    throw new AslStatesError('States.TaskFailed', thrown instanceof Error ? thrown.message : String(thrown));
  }
  if (isMockError(value)) throw new AslStatesError(value.error, value.cause ?? '');
  return cloneJson(value);
}

/** An object whose only keys are a string `error` and an optional string `cause` stands for a failure. */
function isMockError(value: unknown): value is AslMockError {
  if (!isJsonObject(value) || typeof value.error !== 'string') return false;
  const cause = value.cause;
  return (
    Object.keys(value).every((key) => key === 'error' || key === 'cause') &&
    (cause === undefined || typeof cause === 'string')
  );
}

/**
 * Whether a retrier or catcher with these ErrorEquals handles the error. `States.ALL` matches everything and
 * `States.TaskFailed` everything but `States.Timeout`, except that `States.Runtime` and
 * `States.DataLimitExceeded` are never retried or caught.
 */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  if (error === 'States.Runtime' || error === 'States.DataLimitExceeded') return false;
  return errorEquals.some(
    (name) => name === error || name === 'States.ALL' || (name === 'States.TaskFailed' && error !== 'States.Timeout'),
  );
}
