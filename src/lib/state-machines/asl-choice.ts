/**
 * JSONPath-mode Choice rules: comparisons, type tests, StringMatches and And / Or / Not, evaluated against a
 * state's effective input.
 */
import type { AslChoiceRule, JsonValue } from './asl-types.ts';
import { ruleOperators } from './asl-describe.ts';
import { AslStatesError, readPath } from './asl-jsonpath.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function timestampMs(value: JsonValue): number | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `StringMatches`: `*` matches any run of characters; `\*` is a literal asterisk and `\\` a backslash. */
export function stringMatches(value: string, pattern: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += escapeRegExp(pattern[i] as string);
    } else if (char === '*') {
      source += '.*';
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${source}$`, 's').test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const ORDER: Readonly<Record<string, (order: number) => boolean>> = {
  Equals: (order) => order === 0,
  LessThan: (order) => order < 0,
  GreaterThan: (order) => order > 0,
  LessThanEquals: (order) => order <= 0,
  GreaterThanEquals: (order) => order >= 0,
};

/** Compares two values of one family (String, Numeric, Boolean, Timestamp); values of another type never match. */
function compare(family: string, comparison: string, left: JsonValue, right: JsonValue): boolean {
  const read = (value: JsonValue): number | string | boolean | undefined => {
    if (family === 'Timestamp') return timestampMs(value);
    const kind = { String: 'string', Numeric: 'number', Boolean: 'boolean' }[family];
    return typeof value === kind ? (value as string | number | boolean) : undefined;
  };
  const [a, b] = [read(left), read(right)];
  if (a === undefined || b === undefined || (family === 'Boolean' && comparison !== 'Equals')) return false;
  return ORDER[comparison]?.(a === b ? 0 : a < b ? -1 : 1) ?? false;
}

/**
 * Evaluates one JSONPath-mode Choice rule against a state's effective input. A comparison whose `Variable`
 * (or `...Path` operand) finds nothing raises `States.Runtime`, except for `IsPresent`. Comparisons between
 * values of the wrong type (e.g. `NumericEquals` on a string) are false.
 */
export function evaluateChoiceRule(rule: AslChoiceRule, input: JsonValue, context: JsonValue = {}): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((inner) => evaluateChoiceRule(inner, input, context));
  if (Array.isArray(rule.Or)) return rule.Or.some((inner) => evaluateChoiceRule(inner, input, context));
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, input, context);
  if (rule.Condition !== undefined) {
    throw new AslStatesError('States.Runtime', 'JSONata Choice conditions are not supported by this interpreter.');
  }
  const [operator] = ruleOperators(rule);
  if (operator === undefined || typeof rule.Variable !== 'string') {
    throw new AslStatesError('States.Runtime', 'A Choice rule needs a Variable and a comparison operator.');
  }
  const expected = rule[operator];
  const variable = readPath(rule.Variable, input, context);
  if (operator === 'IsPresent') return variable.found === expected;
  if (!variable.found) {
    throw new AslStatesError(
      'States.Runtime',
      `Invalid path "${rule.Variable}": the Choice rule's Variable found nothing in the input. Guard it with IsPresent.`,
    );
  }
  const value = variable.value;
  switch (operator) {
    case 'IsNull':
      return (value === null) === expected;
    case 'IsNumeric':
      return (typeof value === 'number') === expected;
    case 'IsString':
      return (typeof value === 'string') === expected;
    case 'IsBoolean':
      return (typeof value === 'boolean') === expected;
    case 'IsTimestamp':
      return (timestampMs(value) !== undefined) === expected;
    case 'StringMatches':
      return typeof value === 'string' && typeof expected === 'string' && stringMatches(value, expected);
    default:
      break;
  }
  let operand = expected as JsonValue;
  let base = operator;
  if (operator.endsWith('Path')) {
    base = operator.slice(0, -'Path'.length);
    const lookup = readPath(String(expected), input, context);
    if (!lookup.found) {
      throw new AslStatesError(
        'States.Runtime',
        `Invalid path "${String(expected)}" in ${operator}: it found nothing in the input.`,
      );
    }
    operand = lookup.value;
  }
  const family = ['String', 'Numeric', 'Boolean', 'Timestamp'].find((name) => base.startsWith(name)) ?? '';
  return compare(family, base.slice(family.length), value, operand);
}
