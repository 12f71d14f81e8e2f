/**
 * The data side of JSONPath-mode ASL: reading paths (jsonpath-plus), ResultPath, payload templates (`"key.$"`
 * fields) and the intrinsic functions in INTRINSICS; any other `States.*` function raises States.Runtime.
 */
import { JSONPath } from 'jsonpath-plus';
import type { AslErrorOutput, JsonObject, JsonValue } from './asl-types.ts';
import { isRecord } from './asl-describe.ts';

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

  /** The error as a catcher receives it. */
  get output(): AslErrorOutput {
    return { Error: this.error, Cause: this.causeText };
  }
}

/** A States.Runtime error: a problem in the definition or data that no retrier or catcher handles. */
export const runtime = (cause: string) => new AslStatesError('States.Runtime', cause);

type PathLookup = { found: true; value: JsonValue } | { found: false };

/** Reads a `$...` path from the data or a `$$...` path from the context object; indefinite paths give arrays. */
export function readPath(path: string, data: JsonValue, context: JsonValue): PathLookup {
  if (!path.startsWith('$')) throw runtime(`The path "${path}" does not start with $.`);
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
  throw runtime(`${field} "${path}" of state "${name}" found nothing in the ${where}.`);
}

/**
 * A copy of `input` with `result` placed at a ResultPath, creating missing objects on the way; throws
 * States.ResultPathMatchFailure when the path runs through something that isn't an object or array.
 */
export function setResultPath(input: JsonValue, resultPath: string, result: JsonValue): JsonValue {
  if (!resultPath.startsWith('$') || resultPath.startsWith('$$')) {
    throw runtime(`ResultPath "${resultPath}" must be a path into the state's data.`);
  }
  const segments = JSONPath.toPathArray(resultPath).slice(1);
  const root = structuredClone(input);
  let parent: JsonValue = root;
  for (const [index, segment] of segments.entries()) {
    const fits = Array.isArray(parent) ? /^\d+$/.test(segment) && Number(segment) < parent.length : isRecord(parent);
    if (!fits) {
      throw new AslStatesError(
        'States.ResultPathMatchFailure',
        `Unable to apply ResultPath "${resultPath}": the input doesn't have an object (or array item) at every step of the path.`,
      );
    }
    const container = parent as Record<string, JsonValue>;
    if (index === segments.length - 1) container[segment] = structuredClone(result);
    else parent = container[segment] ??= {};
  }
  return segments.length === 0 ? structuredClone(result) : root;
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
  if (!isRecord(template)) return template;
  const entries = Object.entries(template).map(([key, value]) => {
    if (!key.endsWith('.$')) return [key, applyPayloadTemplate(value, data, context, failure)];
    if (typeof value !== 'string') {
      throw new AslStatesError(failure, `The value of "${key}" must be a path or an intrinsic function (a string).`);
    }
    return [key.slice(0, -2), evaluateExpression(value, data, context, failure, key)];
  });
  return Object.fromEntries(entries) as JsonObject;
}

/** The value of a `.$` field (or ErrorPath, CausePath): a path or an intrinsic function call. */
export function evaluateExpression(
  expression: string,
  data: JsonValue,
  context: JsonValue,
  failure: string,
  field: string,
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
  if (lookup.found) return structuredClone(lookup.value);
  const where = trimmed.startsWith('$$') ? 'context object' : 'input';
  throw new AslStatesError(failure, `The path "${trimmed}" in "${field}" found nothing in the ${where}.`);
}

/** A quoted argument: its text, and where its unescaped `{}` were, for States.Format. */
class Quoted {
  readonly holes: number[] = [];
  readonly text: string = '';

  constructor(source: string) {
    for (const [part] of source.matchAll(/\\.|\{\}|[^\\{]+|[\\{]/gs)) {
      if (part === '{}') this.holes.push(this.text.length);
      else this.text += part.startsWith('\\') ? part.slice(1) : part;
    }
  }
}

type Argument = JsonValue | Quoted;

/** Evaluates an intrinsic function call such as `States.Format('s3://{}/{}', $.bucket, $.key)`. */
export function evaluateIntrinsic(expression: string, data: JsonValue, context: JsonValue): JsonValue {
  // A string, a nested call, a path, a literal, or punctuation; the sticky flag reads them one after another.
  const token = /\s*(?:'((?:[^'\\]|\\.)*)'|(States\.\w+)\(|(\$[^,)\s]*)|(-?\d+(?:\.\d+)?|true|false|null)|([,)]))/y;
  const next = (expected: string) => {
    const at = token.lastIndex;
    const match = token.exec(expression);
    if (!match) throw runtime(`Can't read the intrinsic function ${expression}: expected ${expected} at ${at}.`);
    return match;
  };
  const argument = ([, quoted, call, path, literal]: RegExpExecArray): Argument => {
    if (quoted !== undefined) return new Quoted(quoted);
    if (call) return callFrom(call);
    if (literal) return JSON.parse(literal) as JsonValue;
    if (!path) throw runtime(`Can't read the intrinsic function ${expression}: expected an argument.`);
    const lookup = readPath(path, data, context);
    if (!lookup.found) throw runtime(`The path "${path}" found nothing.`);
    return lookup.value;
  };
  const callFrom = (name: string): JsonValue => {
    const args: Argument[] = [];
    let match = next('an argument or ")"');
    while (match[5] !== ')') {
      args.push(argument(match));
      match = next('"," or ")"');
      if (match[5] === ',') match = next('an argument');
      else if (match[5] !== ')') throw runtime(`Can't read the intrinsic function ${expression}: expected "," or ")".`);
    }
    const apply = INTRINSICS[name];
    if (!apply) {
      const known = Object.keys(INTRINSICS).join(', ');
      throw runtime(`The intrinsic function ${name} is not supported here; use one of ${known}.`);
    }
    return apply(
      args.map((arg) => (arg instanceof Quoted ? arg.text : arg)),
      args,
    );
  };
  const name = next('a States function')[2];
  if (!name) throw runtime(`Can't read the intrinsic function ${expression}: it must start with a States function.`);
  const result = callFrom(name);
  if (token.lastIndex < expression.trimEnd().length) {
    throw runtime(`Can't read the intrinsic function ${expression}: unexpected text after ")".`);
  }
  return result;
}

function list(value: JsonValue | undefined, name: string): JsonValue[] {
  if (!Array.isArray(value)) throw runtime(`${name} expects an array as its first argument.`);
  return value;
}

function integer(value: JsonValue | undefined, name: string): number {
  if (!Number.isInteger(value)) throw runtime(`${name} expects whole numbers.`);
  return value as number;
}

/** The supported intrinsic functions, given their arguments as values and as written (for quoted templates). */
const INTRINSICS: Record<string, (args: JsonValue[], raw: Argument[]) => JsonValue> = {
  'States.Format': (_, [template, ...values]) => {
    if (!(template instanceof Quoted)) throw runtime('The first argument of States.Format must be a quoted string.');
    if (template.holes.length !== values.length) {
      throw runtime(
        `States.Format template has ${template.holes.length} placeholder(s) {} but ${values.length} value(s) were given.`,
      );
    }
    return template.holes.reduceRight((text, hole, index) => {
      const value = values[index];
      if (isRecord(value) || Array.isArray(value)) throw runtime('States.Format can only insert plain values.');
      return `${text.slice(0, hole)}${value instanceof Quoted ? value.text : String(value)}${text.slice(hole)}`;
    }, template.text);
  },
  'States.StringToJson': ([text]) => {
    try {
      return JSON.parse(String(text)) as JsonValue;
    } catch {
      throw runtime(`States.StringToJson could not parse ${JSON.stringify(text)} as JSON.`);
    }
  },
  'States.JsonToString': ([value]) => JSON.stringify(value),
  'States.Array': (args) => args,
  'States.ArrayGetItem': ([items, at]) => {
    const [array, index] = [list(items, 'States.ArrayGetItem'), integer(at, 'States.ArrayGetItem')];
    if (index < 0 || index >= array.length) throw runtime(`States.ArrayGetItem index ${index} is out of range.`);
    return array[index]!;
  },
  'States.ArrayLength': ([items]) => list(items, 'States.ArrayLength').length,
  'States.ArrayContains': ([items, item]) =>
    list(items, 'States.ArrayContains').some((entry) => JSON.stringify(entry) === JSON.stringify(item)),
  'States.ArrayRange': (args) => {
    const [first = 0, last = 0, step = 0] = [0, 1, 2].map((index) => integer(args[index], 'States.ArrayRange'));
    if (step === 0) throw runtime('States.ArrayRange needs a non-zero step.');
    const count = Math.max(0, Math.floor((last - first) / step) + 1);
    if (count > 1000) throw runtime('States.ArrayRange can produce at most 1000 items.');
    return Array.from({ length: count }, (_, index) => first + index * step);
  },
  'States.MathAdd': ([a, b]) => integer(a, 'States.MathAdd') + integer(b, 'States.MathAdd'),
};
