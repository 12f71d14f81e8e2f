/**
 * Short, human-readable descriptions of ASL pieces, shared by the diagram and its text summary.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Comparison operators of JSONPath Choice rules and the symbol used to show them. */
export const COMPARISON_SYMBOLS: Readonly<Record<string, string>> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
};

const VALUE_FAMILIES = ['String', 'Numeric', 'Boolean', 'Timestamp'] as const;

/** Every comparison operator name: `StringEquals`, ..., `TimestampGreaterThanEqualsPath`, `StringMatches`, `Is*`. */
export const CHOICE_OPERATORS: readonly string[] = (() => {
  const names: string[] = [];
  for (const family of VALUE_FAMILIES) {
    const comparisons = family === 'Boolean' ? ['Equals'] : Object.keys(COMPARISON_SYMBOLS);
    for (const comparison of comparisons) {
      names.push(`${family}${comparison}`, `${family}${comparison}Path`);
    }
  }
  names.push('StringMatches', 'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp');
  return names;
})();

const TYPE_TESTS: Readonly<Record<string, [string, string]>> = {
  IsNull: ['is null', 'is not null'],
  IsPresent: ['is present', 'is absent'],
  IsNumeric: ['is a number', 'is not a number'],
  IsString: ['is a string', 'is not a string'],
  IsBoolean: ['is a boolean', 'is not a boolean'],
  IsTimestamp: ['is a timestamp', 'is not a timestamp'],
};

function literal(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return '?';
  return JSON.stringify(value) ?? String(value);
}

/** The operator keys present in a rule (normally exactly one). */
export function ruleOperators(rule: Record<string, unknown>): string[] {
  return Object.keys(rule).filter((key) => CHOICE_OPERATORS.includes(key));
}

/**
 * A Choice rule in short form: `$.evaluation.accuracy >= 0.9`, `$.status == "DONE"`,
 * `$.name matches "log-*"`, `$.x is present`, `($.a > 1) and not ($.b == true)`.
 */
export function describeChoiceRule(rule: unknown): string {
  if (!isRecord(rule)) return '?';
  if (typeof rule.Condition === 'string') {
    return rule.Condition.replace(/^\{%\s*/, '').replace(/\s*%\}$/, '');
  }
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
  if (test) return `${variable} ${value === false ? test[1] : test[0]}`;
  if (operator === 'StringMatches') return `${variable} matches ${literal(value)}`;

  const isPath = operator.endsWith('Path');
  const base = isPath ? operator.slice(0, -'Path'.length) : operator;
  const family = VALUE_FAMILIES.find((name) => base.startsWith(name)) ?? '';
  const symbol = COMPARISON_SYMBOLS[base.slice(family.length)] ?? base;
  const right = isPath ? String(value) : family === 'Timestamp' ? String(value) : literal(value);
  return `${variable} ${symbol} ${right}`;
}

/** A Task's Resource without the ARN prefix: `sagemaker:createTrainingJob.sync`, `lambda:invoke`. */
export function shortResource(resource: string): string {
  const service = /^arn:[^:]+:states:::(.+)$/.exec(resource);
  if (service?.[1]) return service[1];
  const lambda = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:(.+)$/.exec(resource);
  if (lambda?.[1]) return `lambda:${lambda[1]}`;
  const activity = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/.exec(resource);
  if (activity?.[1]) return `activity:${activity[1]}`;
  return resource;
}
