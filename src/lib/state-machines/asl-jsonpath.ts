/**
 * The data side of JSONPath-mode ASL: paths (read with jsonpath-plus), ResultPath, payload templates (`"key.$"`
 * fields) and a few intrinsic functions: States.Format, StringToJson, JsonToString, Array, ArrayGetItem,
 * ArrayLength, ArrayContains, ArrayRange and MathAdd. Any other `States.*` function raises States.Runtime.
 */
import { JSONPath } from 'jsonpath-plus';
import type { JsonObject, JsonValue } from './asl-types.ts';

/** An error in Step Functions terms: an error name (`States.Runtime`, `Lambda.ServiceException`) and a cause. */
export class AslStatesError extends Error {
  readonly error: string;
  readonly causeText: string;

  constructor(error: string, causeText: string) {
    super(`${error}: ${causeText}`);
    this.name = 'AslStatesError';
    this.error = error;
    this.causeText = causeText;
  }
}

export type PathLookup = { found: true; value: JsonValue } | { found: false };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON value. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** Reads a `$...` path from the data or a `$$...` path from the context object; indefinite paths give arrays. */
export function readPath(path: string, data: JsonValue, context: JsonValue): PathLookup {
  if (!path.startsWith('$')) throw new AslStatesError('States.Runtime', `The path "${path}" does not start with $.`);
  const [json, query] = path.startsWith('$$') ? [context, path.slice(1)] : [data, path];
  if (query === '$') return { found: true, value: json };
  const found = JSONPath({ path: query, json: json as object, wrap: true, eval: 'safe' }) as JsonValue[];
  if (/\*|\.\.|\[\?|:|,/.test(query)) return { found: true, value: found };
  return found.length === 0 ? { found: false } : { found: true, value: found[0]! };
}

/** InputPath or OutputPath: null gives {}, absent or `$` the value itself, else what the path finds. */
export function selectPath(value: JsonValue, path: string | null | undefined, field: string, name: string): JsonValue {
  if (path === null) return {};
  if (path === undefined || path === '$') return value;
  const lookup = readPath(path, value, {});
  if (lookup.found) return lookup.value;
  const where = field === 'InputPath' ? 'input' : 'output';
  throw new AslStatesError('States.Runtime', `${field} "${path}" of state "${name}" found nothing in the ${where}.`);
}

/**
 * Places `result` into a copy of `input` at a ResultPath, creating missing objects on the way. Throws
 * States.ResultPathMatchFailure when the path runs through something that isn't an object or array.
 */
export function setResultPath(input: JsonValue, resultPath: string, result: JsonValue): JsonValue {
  if (!resultPath.startsWith('$') || resultPath.startsWith('$$')) {
    throw new AslStatesError('States.Runtime', `ResultPath "${resultPath}" must be a path into the state's data.`);
  }
  const segments = JSONPath.toPathArray(resultPath).slice(1);
  if (segments.length === 0) return cloneJson(result);
  const fail = () =>
    new AslStatesError(
      'States.ResultPathMatchFailure',
      `Unable to apply ResultPath "${resultPath}": the input doesn't have an object (or array item) at every step of the path.`,
    );
  const root = cloneJson(input);
  let current: JsonValue = root;
  segments.forEach((segment, index) => {
    const container = current as Record<string, JsonValue>;
    if (Array.isArray(current) ? !/^\d+$/.test(segment) || Number(segment) >= current.length : !isJsonObject(current)) {
      throw fail();
    }
    if (index === segments.length - 1) container[segment] = cloneJson(result);
    else current = container[segment] ??= {};
  });
  return root;
}

/**
 * Applies a payload template (Parameters, ResultSelector, ItemSelector): keys ending in `.$` take the value of
 * their path or intrinsic function, at any depth. `failure` is the error name when a path finds nothing.
 */
export function applyPayloadTemplate(
  template: JsonValue,
  data: JsonValue,
  context: JsonValue,
  failure = 'States.ParameterPathFailure',
): JsonValue {
  if (Array.isArray(template)) return template.map((item) => applyPayloadTemplate(item, data, context, failure));
  if (!isJsonObject(template)) return template;
  const output: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith('.$')) output[key] = applyPayloadTemplate(value, data, context, failure);
    else if (typeof value === 'string')
      output[key.slice(0, -2)] = evaluateExpression(value, data, context, failure, key);
    else throw new AslStatesError(failure, `The value of "${key}" must be a path or an intrinsic function (a string).`);
  }
  return output;
}

/** Evaluates the value of a `.$` field: a path or an intrinsic function call. */
export function evaluateExpression(
  expression: string,
  data: JsonValue,
  context: JsonValue,
  failure = 'States.ParameterPathFailure',
  field = 'field',
): JsonValue {
  const trimmed = expression.trim();
  if (trimmed.startsWith('States.')) return evaluateIntrinsic(trimmed, data, context);
  if (!trimmed.startsWith('$')) {
    throw new AslStatesError(
      failure,
      `The value of "${field}" must be a path starting with $ or an intrinsic function.`,
    );
  }
  const lookup = readPath(trimmed, data, context);
  if (!lookup.found) {
    const where = trimmed.startsWith('$$') ? 'context object' : 'input';
    throw new AslStatesError(failure, `The path "${trimmed}" in "${field}" found nothing in the ${where}.`);
  }
  return cloneJson(lookup.value);
}

export const SUPPORTED_INTRINSICS = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.MathAdd',
] as const;

/** A States.Runtime error: a problem in the definition or data that no retrier or catcher handles. */
export const runtime = (cause: string) => new AslStatesError('States.Runtime', cause);

/** A quoted argument keeps the positions of its unescaped `{}` for States.Format. */
class Quoted {
  constructor(
    readonly text: string,
    readonly holes: number[],
  ) {}
}

/** Evaluates an intrinsic function call such as `States.Format('s3://{}/{}', $.bucket, $.key)`. */
export function evaluateIntrinsic(expression: string, data: JsonValue, context: JsonValue): JsonValue {
  let at = 0;
  const fail = (what: string) => runtime(`Can't read the intrinsic function ${expression}: ${what} at ${at}.`);
  const space = () => {
    while (expression[at] === ' ') at += 1;
  };
  const argument = (): JsonValue | Quoted => {
    space();
    if (expression[at] === "'") {
      let text = '';
      const holes: number[] = [];
      for (at += 1; expression[at] !== "'"; at += 1) {
        if (at >= expression.length) throw fail('an unterminated string');
        if (expression[at] === '\\') text += expression[(at += 1)] ?? '';
        else if (expression.startsWith('{}', at)) {
          holes.push(text.length);
          at += 1;
        } else text += expression[at];
      }
      at += 1;
      return new Quoted(text, holes);
    }
    const token = /^(States\.\w+(?=\()|\$[^,)\s]*|-?\d+(\.\d+)?|true|false|null)/.exec(expression.slice(at))?.[0];
    if (token === undefined) throw fail('expected a string, number, true, false, null, path or function');
    if (token.startsWith('States.')) return call();
    at += token.length;
    if (!token.startsWith('$')) return JSON.parse(token) as JsonValue;
    const lookup = readPath(token, data, context);
    if (!lookup.found) throw runtime(`The path "${token}" found nothing.`);
    return lookup.value;
  };
  const call = (): JsonValue => {
    const name = /^States\.\w+/.exec(expression.slice(at))?.[0] ?? '';
    at += name.length;
    if (expression[at] !== '(') throw fail('expected "("');
    at += 1;
    const args: (JsonValue | Quoted)[] = [];
    space();
    while (expression[at] !== ')') {
      args.push(argument());
      space();
      if (expression[at] === ',') at += 1;
      else if (expression[at] !== ')') throw fail('expected "," or ")"');
    }
    at += 1;
    return apply(name, args);
  };
  const result = call();
  if (at < expression.length) throw fail('unexpected text after ")"');
  return result;
}

function apply(name: string, raw: (JsonValue | Quoted)[]): JsonValue {
  const args = raw.map((arg) => (arg instanceof Quoted ? arg.text : arg));
  const list = (value: JsonValue | undefined): JsonValue[] => {
    if (!Array.isArray(value)) throw runtime(`${name} expects an array as its first argument.`);
    return value;
  };
  const integer = (value: JsonValue | undefined): number => {
    if (!Number.isInteger(value)) throw runtime(`${name} expects whole numbers.`);
    return value as number;
  };
  switch (name) {
    case 'States.Format': {
      const [template, ...values] = raw;
      if (!(template instanceof Quoted)) throw runtime('The first argument of States.Format must be a quoted string.');
      if (template.holes.length !== values.length) {
        throw runtime(
          `States.Format template has ${template.holes.length} placeholder(s) {} but ${values.length} value(s) were given.`,
        );
      }
      let text = '';
      let copied = 0;
      template.holes.forEach((hole, index) => {
        const value = values[index]!;
        if (isJsonObject(value) || Array.isArray(value)) throw runtime('States.Format can only insert plain values.');
        text += `${template.text.slice(copied, hole)}${value instanceof Quoted ? value.text : String(value)}`;
        copied = hole;
      });
      text += template.text.slice(copied);
      return text;
    }
    case 'States.StringToJson':
      try {
        return JSON.parse(String(args[0])) as JsonValue;
      } catch {
        throw runtime(`States.StringToJson could not parse ${JSON.stringify(args[0])} as JSON.`);
      }
    case 'States.JsonToString':
      return JSON.stringify(args[0]);
    case 'States.Array':
      return args;
    case 'States.ArrayGetItem': {
      const items = list(args[0]);
      const index = integer(args[1]);
      if (index < 0 || index >= items.length) throw runtime(`States.ArrayGetItem index ${index} is out of range.`);
      return items[index]!;
    }
    case 'States.ArrayLength':
      return list(args[0]).length;
    case 'States.ArrayContains':
      return list(args[0]).some((item) => JSON.stringify(item) === JSON.stringify(args[1]));
    case 'States.ArrayRange': {
      const [first, last, step] = [integer(args[0]), integer(args[1]), integer(args[2])];
      if (step === 0) throw runtime('States.ArrayRange needs a non-zero step.');
      const range: number[] = [];
      for (let value = first; step > 0 ? value <= last : value >= last; value += step) range.push(value);
      if (range.length > 1000) throw runtime('States.ArrayRange can produce at most 1000 items.');
      return range;
    }
    case 'States.MathAdd':
      return integer(args[0]) + integer(args[1]);
    default:
      throw runtime(
        `The intrinsic function ${name} is not supported here; use one of ${SUPPORTED_INTRINSICS.join(', ')}.`,
      );
  }
}
