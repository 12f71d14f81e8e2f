/**
 * Short, human-readable descriptions of ASL pieces, shared by the validator, the diagram, its text summary and
 * the player; and the names of the Choice rule operators they are built from.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FAMILIES = ['String', 'Numeric', 'Boolean', 'Timestamp'];
const COMPARISONS: Record<string, string> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
};
const TYPE_TESTS: Record<string, string> = {
  IsNull: 'null',
  IsPresent: 'present',
  IsNumeric: 'a number',
  IsString: 'a string',
  IsBoolean: 'a boolean',
  IsTimestamp: 'a timestamp',
};

/** Every comparison operator: `StringEquals`, ..., `TimestampGreaterThanEqualsPath`, `StringMatches`, `Is*`. */
export const CHOICE_OPERATORS: readonly string[] = [
  ...FAMILIES.flatMap((family) =>
    (family === 'Boolean' ? ['Equals'] : Object.keys(COMPARISONS)).flatMap((how) => [
      `${family}${how}`,
      `${family}${how}Path`,
    ]),
  ),
  'StringMatches',
  ...Object.keys(TYPE_TESTS),
];

/** The operator keys present in a rule (normally exactly one). */
export function ruleOperators(rule: Record<string, unknown>): string[] {
  return Object.keys(rule).filter((key) => CHOICE_OPERATORS.includes(key));
}

/** `NumericGreaterThanEqualsPath` → family `Numeric`, comparison `GreaterThanEquals`, path true. */
export function splitOperator(operator: string): { family: string; comparison: string; path: boolean } {
  const path = operator.endsWith('Path');
  const base = path ? operator.slice(0, -'Path'.length) : operator;
  const family = FAMILIES.find((name) => base.startsWith(name)) ?? '';
  return { family, comparison: base.slice(family.length), path };
}

/**
 * A Choice rule in short form: `$.evaluation.accuracy >= 0.9`, `$.status == "DONE"`, `$.name matches "log-*"`,
 * `$.x is present`, `($.a > 1) and not ($.b == true)`; a JSONata Condition without its `{% %}`.
 */
export function describeChoiceRule(rule: unknown): string {
  if (!isRecord(rule)) return '?';
  if (typeof rule.Condition === 'string') return rule.Condition.replace(/^\{%\s*/, '').replace(/\s*%\}$/, '');
  const nested = (inner: unknown): string => {
    const text = describeChoiceRule(inner);
    return isRecord(inner) && (inner.And !== undefined || inner.Or !== undefined) ? `(${text})` : text;
  };
  if (Array.isArray(rule.And)) return rule.And.map(nested).join(' and ');
  if (Array.isArray(rule.Or)) return rule.Or.map(nested).join(' or ');
  if (rule.Not !== undefined) return `not (${describeChoiceRule(rule.Not)})`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  const [operator] = ruleOperators(rule);
  if (operator === undefined) return variable;
  const value = rule[operator];
  const test = TYPE_TESTS[operator];
  if (test) return `${variable} is ${value === false ? (operator === 'IsPresent' ? 'absent' : `not ${test}`) : test}`;
  const literal = value === undefined ? '?' : (JSON.stringify(value) ?? String(value));
  if (operator === 'StringMatches') return `${variable} matches ${literal}`;
  const { family, comparison, path } = splitOperator(operator);
  return `${variable} ${COMPARISONS[comparison] ?? comparison} ${path || family === 'Timestamp' ? String(value) : literal}`;
}

/** A Task's Resource without the ARN prefix: `sagemaker:createTrainingJob.sync`, `lambda:invoke`. */
export function shortResource(resource: string): string {
  const service = /^arn:[^:]+:states:::(.+)$/.exec(resource)?.[1];
  const named = /^arn:[^:]+:(lambda|states):[^:]*:[^:]*:(function|activity):(.+)$/.exec(resource);
  return service ?? (named ? `${named[2] === 'function' ? 'lambda' : 'activity'}:${named[3]}` : resource);
}
