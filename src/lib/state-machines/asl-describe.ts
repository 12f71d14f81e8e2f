/**
 * Short, human-readable descriptions of ASL pieces, shared by the validator, the diagram, its text summary and
 * the player; and the Choice rule operators: their names, short forms and what they test.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 timestamp in milliseconds, as Timestamp operators compare it; undefined for anything else. */
export function timestampMs(value: unknown): number | undefined {
  const ms = typeof value === 'string' && RFC3339.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

const FAMILIES = ['String', 'Numeric', 'Boolean', 'Timestamp'];
/** Each comparison: its short form, and whether it holds for an order (negative, 0 or positive). */
export const COMPARISONS: Record<string, [string, (order: number) => boolean]> = {
  Equals: ['==', (order) => order === 0],
  LessThan: ['<', (order) => order < 0],
  GreaterThan: ['>', (order) => order > 0],
  LessThanEquals: ['<=', (order) => order <= 0],
  GreaterThanEquals: ['>=', (order) => order >= 0],
};
/** Each type test: its words, and the test (IsPresent is decided by whether the Variable finds anything). */
export const TYPE_TESTS: Record<string, [string, (value: unknown) => boolean]> = {
  IsNull: ['null', (value) => value === null],
  IsPresent: ['present', () => true],
  IsNumeric: ['a number', (value) => typeof value === 'number'],
  IsString: ['a string', (value) => typeof value === 'string'],
  IsBoolean: ['a boolean', (value) => typeof value === 'boolean'],
  IsTimestamp: ['a timestamp', (value) => timestampMs(value) !== undefined],
};

/** Every comparison operator: `StringEquals`, ..., `TimestampGreaterThanEqualsPath`, `StringMatches`, `Is*`. */
const CHOICE_OPERATORS: readonly string[] = [
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
  const test = TYPE_TESTS[operator]?.[0];
  if (test) return `${variable} is ${value === false ? (operator === 'IsPresent' ? 'absent' : `not ${test}`) : test}`;
  const literal = value === undefined ? '?' : (JSON.stringify(value) ?? String(value));
  if (operator === 'StringMatches') return `${variable} matches ${literal}`;
  const { family, comparison, path } = splitOperator(operator);
  return `${variable} ${COMPARISONS[comparison]?.[0] ?? comparison} ${path || family === 'Timestamp' ? String(value) : literal}`;
}

/** A Task's Resource without the ARN prefix: `sagemaker:createTrainingJob.sync`, `lambda:invoke`. */
export function shortResource(resource: string): string {
  const service = /^arn:[^:]+:states:::(.+)$/.exec(resource)?.[1];
  const named = /^arn:[^:]+:(lambda|states):[^:]*:[^:]*:(function|activity):(.+)$/.exec(resource);
  return service ?? (named ? `${named[2] === 'function' ? 'lambda' : 'activity'}:${named[3]}` : resource);
}

/** The objects in a list, each with its index in the list (parsed JSON may hold anything). */
export function indexed(list: unknown): (readonly [number, Record<string, unknown>])[] {
  return (Array.isArray(list) ? list : []).flatMap((item, index) => (isRecord(item) ? [[index, item] as const] : []));
}

/** A way out of a state: a Choice rule (labelled with its condition), Default, Next, or a catcher (its errors). */
export type AslTransition = { target: string; kind: 'choice' | 'default' | 'next' | 'catch'; label?: string };

/** Where a state can go, in drawing order: each Choice rule and Default, Next, then each catcher. */
export function transitions(state: Record<string, unknown>): AslTransition[] {
  const found: (Omit<AslTransition, 'target'> & { target: unknown })[] = [
    ...indexed(state.Choices).map(([, rule]) => ({
      target: rule.Next,
      kind: 'choice' as const,
      label: describeChoiceRule(rule),
    })),
    { target: state.Default, kind: 'default', label: 'Default' },
    { target: state.Next, kind: 'next' },
    ...indexed(state.Catch).map(([, catcher]) => ({
      target: catcher.Next,
      kind: 'catch' as const,
      label: errorNames(catcher),
    })),
  ];
  return found.filter((transition): transition is AslTransition => typeof transition.target === 'string');
}

/** A retrier's or catcher's ErrorEquals, comma-separated. */
export function errorNames(handler: Record<string, unknown>): string {
  return Array.isArray(handler.ErrorEquals) ? handler.ErrorEquals.join(', ') : '?';
}

/** The branches of a Parallel or the item processor of a Map, with the label of their lane. */
export function subMachines(
  state: Record<string, unknown>,
): { machine: Record<string, unknown>; path: string; label: string }[] {
  if (state.Type === 'Parallel') {
    return indexed(state.Branches).map(([index, machine]) => ({
      machine,
      path: `Branches[${index}]`,
      label: `Branch ${index + 1}`,
    }));
  }
  const field = ['ItemProcessor', 'Iterator'].find((key) => isRecord(state[key]));
  return state.Type === 'Map' && field
    ? [{ machine: state[field] as Record<string, unknown>, path: field, label: 'For each item' }]
    : [];
}
