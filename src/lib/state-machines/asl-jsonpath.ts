/**
 * The data-handling pieces of JSONPath-mode ASL: reference paths, payload templates (`"key.$"` fields) and
 * intrinsic functions.
 *
 * Only a minimal JSONPath subset is supported, which covers reference paths as ASL uses them:
 * `$` (the whole input), `$.a.b`, `$.a[0]`, `$['a b']`, and the same on the context object with `$$`
 * (`$$.Execution.Name`, `$$.Map.Item.Value`). Wildcards (`*`), deep scans (`..`), filters (`[?(...)]`),
 * slices and negative indexes are rejected with a `States.Runtime` error that names the path.
 *
 * Intrinsic functions supported: States.Format, States.StringToJson, States.JsonToString, States.Array,
 * States.ArrayGetItem, States.ArrayLength, States.ArrayContains, States.ArrayRange and States.MathAdd.
 * Any other `States.*` function raises a `States.Runtime` error naming it.
 */
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

export type PathSegment = string | number;

export interface ParsedPath {
  /** `$` for the state's data, `$$` for the context object. */
  root: '$' | '$$';
  segments: PathSegment[];
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a reference path of the supported subset, or throws `States.Runtime` naming what isn't supported. */
export function parseReferencePath(path: string): ParsedPath {
  const unsupported = (detail: string): AslStatesError =>
    new AslStatesError(
      'States.Runtime',
      `The path "${path}" ${detail}. This interpreter supports only simple paths such as $, $.a.b, $.a[0] and $$.Execution.Name.`,
    );
  let root: '$' | '$$';
  let index: number;
  if (path.startsWith('$$')) {
    root = '$$';
    index = 2;
  } else if (path.startsWith('$')) {
    root = '$';
    index = 1;
  } else {
    throw unsupported('does not start with $');
  }
  const segments: PathSegment[] = [];
  while (index < path.length) {
    const char = path[index];
    if (char === '.') {
      const match = /^[^.[\]*]+/.exec(path.slice(index + 1));
      if (!match)
        throw unsupported(path[index + 1] === '.' ? 'uses a deep scan (..)' : 'has an empty or wildcard name');
      segments.push(match[0]);
      index += 1 + match[0].length;
    } else if (char === '[') {
      const rest = path.slice(index);
      const number = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\[(?:'([^']*)'|"([^"]*)")\]/.exec(rest);
      if (number?.[1] !== undefined) {
        segments.push(Number(number[1]));
        index += number[0].length;
      } else if (quoted) {
        segments.push(quoted[1] ?? quoted[2] ?? '');
        index += quoted[0].length;
      } else {
        throw unsupported('uses a wildcard, filter, slice or negative index');
      }
    } else {
      throw unsupported(`has an unexpected character "${char ?? ''}"`);
    }
  }
  return { root, segments };
}

export type PathLookup = { found: true; value: JsonValue } | { found: false };

/** Follows path segments into a JSON value. */
export function followSegments(data: JsonValue, segments: readonly PathSegment[]): PathLookup {
  let current: JsonValue = data;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment] as JsonValue;
    } else {
      if (!isJsonObject(current) || !Object.hasOwn(current, segment)) return { found: false };
      current = current[segment] as JsonValue;
    }
  }
  return { found: true, value: current };
}

/** Reads a `$...` path from the data or a `$$...` path from the context object. */
export function readPath(path: string, data: JsonValue, context: JsonValue): PathLookup {
  const parsed = parseReferencePath(path);
  return followSegments(parsed.root === '$$' ? context : data, parsed.segments);
}

/**
 * Places `result` into (a copy of) `input` at a ResultPath: `$` replaces the input, `$.a.b` creates or replaces
 * `a.b`, creating missing objects on the way. Throws `States.ResultPathMatchFailure` when the path runs through
 * something that isn't an object.
 */
export function setResultPath(input: JsonValue, resultPath: string, result: JsonValue): JsonValue {
  const parsed = parseReferencePath(resultPath);
  if (parsed.root === '$$') {
    throw new AslStatesError('States.Runtime', `ResultPath "${resultPath}" can't point into the context object.`);
  }
  if (parsed.segments.length === 0) return cloneJson(result);
  const fail = (): AslStatesError =>
    new AslStatesError(
      'States.ResultPathMatchFailure',
      `Unable to apply ResultPath "${resultPath}": the input doesn't have an object (or array item) at every step of the path.`,
    );
  const root = cloneJson(input);
  if (!isJsonObject(root) && !Array.isArray(root)) throw fail();
  let current: JsonObject | JsonValue[] = root;
  parsed.segments.forEach((segment, position) => {
    const last = position === parsed.segments.length - 1;
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) throw fail();
      if (last) {
        current[segment] = cloneJson(result);
        return;
      }
      const next: JsonValue | undefined = current[segment];
      if (!isJsonObject(next) && !Array.isArray(next)) throw fail();
      current = next;
    } else {
      if (!isJsonObject(current)) throw fail();
      if (last) {
        current[segment] = cloneJson(result);
        return;
      }
      let next: JsonValue | undefined = Object.hasOwn(current, segment) ? current[segment] : undefined;
      if (next === undefined) {
        next = {};
        current[segment] = next;
      }
      if (!isJsonObject(next) && !Array.isArray(next)) throw fail();
      current = next;
    }
  });
  return root;
}

/** A deep copy of a JSON value. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) copy[key] = cloneJson(item);
    return copy as T;
  }
  return value;
}

/** Deep equality of JSON values. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEquals(item, b[i] as JsonValue))
    );
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key] as JsonValue, b[key] as JsonValue))
    );
  }
  return false;
}

/**
 * Applies a payload template (Parameters, ResultSelector, ItemSelector): keys ending in `.$` are replaced by
 * the value of their path (`$...` into `data`, `$$...` into the context object) or intrinsic function, at any
 * depth, including inside arrays. `failure` is the error name used when a path finds nothing.
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
    if (!key.endsWith('.$')) {
      output[key] = applyPayloadTemplate(value, data, context, failure);
      continue;
    }
    const name = key.slice(0, -2);
    if (typeof value !== 'string') {
      throw new AslStatesError(failure, `The value of "${key}" must be a path or an intrinsic function (a string).`);
    }
    output[name] = evaluateExpression(value, data, context, failure, key);
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
      `The value of "${field}" must be a path starting with $ or an intrinsic function, not "${expression}".`,
    );
  }
  const lookup = readPath(trimmed, data, context);
  if (!lookup.found) {
    throw new AslStatesError(
      failure,
      `The path "${trimmed}" in "${field}" found nothing in the ${trimmed.startsWith('$$') ? 'context object' : 'input'}.`,
    );
  }
  return cloneJson(lookup.value);
}

/* ----------------------------------------------------------------------------------------------------------
 * Intrinsic functions
 * -------------------------------------------------------------------------------------------------------- */

type IntrinsicArg =
  | { kind: 'string'; value: string; placeholders: number[] }
  | { kind: 'literal'; value: JsonValue }
  | { kind: 'path'; path: string }
  | { kind: 'call'; name: string; args: IntrinsicArg[] };

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

/** Parses and evaluates an intrinsic function call such as `States.Format('s3://{}/{}', $.bucket, $.key)`. */
export function evaluateIntrinsic(expression: string, data: JsonValue, context: JsonValue): JsonValue {
  const parser = new IntrinsicParser(expression);
  const call = parser.parseCall();
  parser.expectEnd();
  return evaluateCall(call, data, context);
}

function intrinsicFailure(cause: string): AslStatesError {
  return new AslStatesError('States.IntrinsicFailure', cause);
}

class IntrinsicParser {
  private index = 0;

  constructor(private readonly text: string) {}

  parseCall(): Extract<IntrinsicArg, { kind: 'call' }> {
    this.skipSpace();
    const match = /^States\.[A-Za-z0-9]+/.exec(this.text.slice(this.index));
    if (!match) throw this.syntax('expected an intrinsic function name such as States.Format');
    this.index += match[0].length;
    this.skipSpace();
    this.expect('(');
    const args: IntrinsicArg[] = [];
    this.skipSpace();
    if (this.peek() === ')') {
      this.index += 1;
      return { kind: 'call', name: match[0], args };
    }
    for (;;) {
      args.push(this.parseArg());
      this.skipSpace();
      const next = this.peek();
      this.index += 1;
      if (next === ')') break;
      if (next !== ',') throw this.syntax('expected "," or ")"');
    }
    return { kind: 'call', name: match[0], args };
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.index < this.text.length) throw this.syntax('unexpected text after the closing ")"');
  }

  private parseArg(): IntrinsicArg {
    this.skipSpace();
    const rest = this.text.slice(this.index);
    if (rest.startsWith("'")) return this.parseString();
    if (rest.startsWith('States.')) return this.parseCall();
    if (rest.startsWith('$')) {
      const match = /^\$[^,)\s]*/.exec(rest);
      const path = match?.[0] ?? '$';
      this.index += path.length;
      return { kind: 'path', path };
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.index += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (rest.startsWith(word)) {
        this.index += word.length;
        return { kind: 'literal', value };
      }
    }
    throw this.syntax('expected a string in single quotes, a number, true, false, null, a path or a function');
  }

  /** A single-quoted string; `\'`, `\{`, `\}` and `\\` are escapes. Records where unescaped `{}` sit. */
  private parseString(): IntrinsicArg {
    this.index += 1;
    let value = '';
    const placeholders: number[] = [];
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) throw this.syntax('unterminated string');
      this.index += 1;
      if (char === "'") break;
      if (char === '\\') {
        const escaped = this.text[this.index];
        if (escaped === undefined) throw this.syntax('unterminated escape');
        value += escaped;
        this.index += 1;
      } else if (char === '{' && this.text[this.index] === '}') {
        placeholders.push(value.length);
        value += '{}';
        this.index += 1;
      } else {
        value += char;
      }
    }
    return { kind: 'string', value, placeholders };
  }

  private expect(char: string): void {
    if (this.peek() !== char) throw this.syntax(`expected "${char}"`);
    this.index += 1;
  }

  private peek(): string | undefined {
    return this.text[this.index];
  }

  private skipSpace(): void {
    while (this.index < this.text.length && /\s/.test(this.text[this.index] ?? '')) this.index += 1;
  }

  private syntax(detail: string): AslStatesError {
    return intrinsicFailure(`Can't parse "${this.text}" at position ${this.index}: ${detail}.`);
  }
}

function evaluateArg(arg: IntrinsicArg, data: JsonValue, context: JsonValue): JsonValue {
  switch (arg.kind) {
    case 'string':
      return arg.value;
    case 'literal':
      return arg.value;
    case 'call':
      return evaluateCall(arg, data, context);
    case 'path': {
      const lookup = readPath(arg.path, data, context);
      if (!lookup.found) throw intrinsicFailure(`The path "${arg.path}" found nothing.`);
      return cloneJson(lookup.value);
    }
  }
}

function evaluateCall(call: Extract<IntrinsicArg, { kind: 'call' }>, data: JsonValue, context: JsonValue): JsonValue {
  const { name, args } = call;
  if (!(SUPPORTED_INTRINSICS as readonly string[]).includes(name)) {
    throw new AslStatesError(
      'States.Runtime',
      `The intrinsic function ${name} is not supported by this interpreter. Supported: ${SUPPORTED_INTRINSICS.join(', ')}.`,
    );
  }
  const values = (): JsonValue[] => args.map((arg) => evaluateArg(arg, data, context));
  const arity = (count: number): void => {
    if (args.length !== count) throw intrinsicFailure(`${name} takes ${count} argument(s), got ${args.length}.`);
  };
  const arrayArg = (value: JsonValue | undefined): JsonValue[] => {
    if (!Array.isArray(value)) throw intrinsicFailure(`${name} expects an array as its first argument.`);
    return value;
  };
  const integerArg = (value: JsonValue | undefined, what: string): number => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw intrinsicFailure(`${name} expects ${what} to be an integer.`);
    return value;
  };

  switch (name) {
    case 'States.Format': {
      const [template, ...rest] = args;
      if (template === undefined) throw intrinsicFailure('States.Format needs a template string.');
      const templateValue = evaluateArg(template, data, context);
      if (typeof templateValue !== 'string')
        throw intrinsicFailure('The first argument of States.Format must be a string.');
      const placeholders = template.kind === 'string' ? template.placeholders : findPlaceholders(templateValue);
      if (placeholders.length !== rest.length) {
        throw intrinsicFailure(
          `States.Format template has ${placeholders.length} placeholder(s) {} but ${rest.length} value(s) were given.`,
        );
      }
      let output = '';
      let from = 0;
      placeholders.forEach((at, i) => {
        const value = evaluateArg(rest[i] as IntrinsicArg, data, context);
        if (typeof value === 'object' && value !== null) {
          throw intrinsicFailure('States.Format can only insert strings, numbers, booleans and null.');
        }
        output += templateValue.slice(from, at) + (typeof value === 'string' ? value : JSON.stringify(value));
        from = at + 2;
      });
      return output + templateValue.slice(from);
    }
    case 'States.StringToJson': {
      arity(1);
      const [text] = values();
      if (typeof text !== 'string') throw intrinsicFailure('States.StringToJson expects a string.');
      try {
        return JSON.parse(text) as JsonValue;
      } catch {
        throw intrinsicFailure(`States.StringToJson could not parse ${JSON.stringify(text)} as JSON.`);
      }
    }
    case 'States.JsonToString': {
      arity(1);
      return JSON.stringify(values()[0]);
    }
    case 'States.Array':
      return values();
    case 'States.ArrayGetItem': {
      arity(2);
      const [array, index] = values();
      const list = arrayArg(array);
      const at = integerArg(index, 'the index');
      if (at < 0 || at >= list.length) throw intrinsicFailure(`States.ArrayGetItem index ${at} is out of range.`);
      return list[at] as JsonValue;
    }
    case 'States.ArrayLength': {
      arity(1);
      return arrayArg(values()[0]).length;
    }
    case 'States.ArrayContains': {
      arity(2);
      const [array, wanted] = values();
      return arrayArg(array).some((item) => jsonEquals(item, wanted as JsonValue));
    }
    case 'States.ArrayRange': {
      arity(3);
      const [start, end, step] = values().map((value, i) =>
        integerArg(value, ['the start', 'the end', 'the step'][i] ?? 'an argument'),
      );
      if (step === 0 || start === undefined || end === undefined || step === undefined) {
        throw intrinsicFailure('States.ArrayRange needs a non-zero step.');
      }
      const range: number[] = [];
      for (let value = start; step > 0 ? value <= end : value >= end; value += step) {
        range.push(value);
        if (range.length > 1000) throw intrinsicFailure('States.ArrayRange can produce at most 1000 items.');
      }
      return range;
    }
    case 'States.MathAdd': {
      arity(2);
      const [a, b] = values();
      return integerArg(a, 'the first value') + integerArg(b, 'the second value');
    }
    default:
      throw new AslStatesError(
        'States.Runtime',
        `The intrinsic function ${name} is not supported by this interpreter.`,
      );
  }
}

/** Positions of unescaped `{}` in a template that came from a path rather than a literal. */
function findPlaceholders(template: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < template.length - 1; i += 1) {
    if (template[i] === '\\') {
      i += 1;
    } else if (template[i] === '{' && template[i + 1] === '}') {
      positions.push(i);
    }
  }
  return positions;
}
