/**
 * JSONPath-mode Choice rules: comparisons, type tests, StringMatches and And / Or / Not, evaluated against a
 * state's effective input.
 */
import type { AslChoiceRule, JsonValue } from './asl-types.ts';
import { COMPARISONS, TYPE_TESTS, ruleOperators, splitOperator, timestampMs } from './asl-describe.ts';
import { readPath, runtime } from './asl-jsonpath.ts';

/** `StringMatches`: `*` matches any run of characters; `\*` is a literal asterisk and `\\` a backslash. */
function stringMatches(value: string, pattern: string): boolean {
  const source = [...pattern.matchAll(/\\(.)|(\*)|([^\\*]+|\\$)/gs)]
    .map(([, escaped, star, text]) => (star ? '.*' : (escaped ?? text ?? '').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

/** A value as its family compares it (Timestamps as milliseconds); undefined for a value of another type. */
function comparable(family: string, value: JsonValue): string | number | boolean | undefined {
  if (family === 'Timestamp') return timestampMs(value);
  const type = { String: 'string', Numeric: 'number', Boolean: 'boolean' }[family];
  return typeof value === type ? (value as string | number | boolean) : undefined;
}

/**
 * Evaluates one Choice rule against a state's effective input. A comparison whose Variable (or `...Path`
 * operand) finds nothing raises States.Runtime, except for IsPresent; a value of the wrong type never matches.
 */
export function evaluateChoiceRule(rule: AslChoiceRule, input: JsonValue, context: JsonValue = {}): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((inner) => evaluateChoiceRule(inner, input, context));
  if (Array.isArray(rule.Or)) return rule.Or.some((inner) => evaluateChoiceRule(inner, input, context));
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, input, context);
  // The validator has checked that the rule has a Variable and one comparison operator.
  const operator = ruleOperators(rule)[0]!;
  const expected = rule[operator] as JsonValue;
  const variable = readPath(rule.Variable!, input, context);
  if (operator === 'IsPresent') return variable.found === expected;
  if (!variable.found) {
    throw runtime(
      `Invalid path "${rule.Variable}": the Choice rule's Variable found nothing in the input. Guard it with IsPresent.`,
    );
  }
  const value = variable.value;
  const test = TYPE_TESTS[operator]?.[1];
  if (test) return test(value) === expected;
  if (operator === 'StringMatches') {
    return typeof value === 'string' && typeof expected === 'string' && stringMatches(value, expected);
  }
  const { family, comparison, path } = splitOperator(operator);
  const operand = path ? readPath(String(expected), input, context) : { found: true as const, value: expected };
  if (!operand.found)
    throw runtime(`Invalid path "${String(expected)}" in ${operator}: it found nothing in the input.`);
  const [a, b] = [comparable(family, value), comparable(family, operand.value)];
  if (a === undefined || b === undefined || (family === 'Boolean' && comparison !== 'Equals')) return false;
  return COMPARISONS[comparison]?.[1](a === b ? 0 : a < b ? -1 : 1) ?? false;
}
