/**
 * The data side of JSONPath-mode ASL: reading paths (jsonpath-plus), ResultPath, payload templates (`"key.$"`
 * fields) and the intrinsic function States.Format; any other `States.*` function raises States.Runtime.
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
    // asl-validator has checked that the value is a path or an intrinsic function call.
    const expression = String(value).trim();
    if (expression.startsWith('States.')) return [key.slice(0, -2), evaluateIntrinsic(expression, data, context)];
    const lookup = readPath(expression, data, context);
    if (lookup.found) return [key.slice(0, -2), structuredClone(lookup.value)];
    const where = expression.startsWith('$$') ? 'context object' : 'input';
    throw new AslStatesError(failure, `The path "${expression}" in "${key}" found nothing in the ${where}.`);
  });
  return Object.fromEntries(entries) as JsonObject;
}

/** Evaluates `States.Format('s3://{}/{}', $.bucket, $.key)`, the one intrinsic function the player runs. */
export function evaluateIntrinsic(expression: string, data: JsonValue, context: JsonValue): JsonValue {
  const [, name, list = ''] = /^(States\.\w+)\((.*)\)$/s.exec(expression.trim()) ?? [];
  if (name !== 'States.Format') throw runtime(`The intrinsic function ${name ?? expression} is not supported here.`);
  // Each argument is a quoted string, a path or a literal (asl-validator has checked the syntax).
  const args = [
    ...list.matchAll(/\s*(?:'((?:[^'\\]|\\.)*)'|(\$[^,\s]*)|(-?\d+(?:\.\d+)?|true|false|null))\s*(?:,|$)/gy),
  ];
  const template = args[0]?.[1];
  if (template === undefined) throw runtime('The first argument of States.Format must be a quoted string.');
  // In quoted text a backslash escapes the next character; an unescaped {} is a placeholder.
  const unescape = (text: string) => text.replace(/\\(.)/gs, '$1');
  const values = args.slice(1).map(([, quoted, path, literal]): JsonValue => {
    if (quoted !== undefined) return unescape(quoted);
    if (literal !== undefined) return JSON.parse(literal) as JsonValue;
    const lookup = readPath(path!, data, context);
    if (!lookup.found) throw runtime(`The path "${path}" found nothing.`);
    return lookup.value;
  });
  let holes = 0;
  const text = [...template.matchAll(/\\.|\{\}|[^\\{]+|[\\{]/gs)].map(([part]) => {
    if (part !== '{}') return unescape(part);
    const value = values[holes++];
    if (isRecord(value) || Array.isArray(value)) throw runtime('States.Format can only insert plain values.');
    return String(value);
  });
  if (holes !== values.length) {
    throw runtime(`States.Format template has ${holes} placeholder(s) {} but ${values.length} value(s) were given.`);
  }
  return text.join('');
}
