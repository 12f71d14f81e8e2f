import type { AslIssue } from './asl-types.ts';
import { ASL_STATE_TYPES, isAslStateType } from './asl-types.ts';
import { CHOICE_OPERATORS, isRecord, ruleOperators } from './asl-describe.ts';

/** States that choose their own way out: no `Next` / `End` of their own. */
const TERMINAL_OR_CHOICE = new Set(['Choice', 'Succeed', 'Fail']);
/** States that may have `Retry` and `Catch`. */
const ERROR_HANDLING = new Set(['Task', 'Parallel', 'Map']);
/** States whose result is placed with `ResultPath`. */
const HAS_RESULT = new Set(['Task', 'Pass', 'Parallel', 'Map']);
const WAIT_FIELDS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'] as const;
const MAX_NAME_LENGTH = 80;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Scope {
  /** Prefix of every path in this (sub-)machine: '' at the top, `States.P.Branches[0].` inside. */
  prefix: string;
  /** How messages refer to this (sub-)machine. */
  label: string;
  names: string[];
  issues: AslIssue[];
}

/**
 * Checks an Amazon States Language definition (already parsed from JSON) and lists what is wrong.
 * An empty list means the definition is structurally valid. Parallel branches and Map item processors are
 * checked as sub-machines, with paths like `States.P.Branches[1].States.X`.
 */
export function validateAsl(definition: unknown): AslIssue[] {
  const issues: AslIssue[] = [];
  if (!isRecord(definition)) {
    issues.push({
      path: '(root)',
      message: 'The definition must be a JSON object with "StartAt" (the first state\'s name) and "States".',
    });
    return issues;
  }
  validateMachine(definition, '', 'the state machine', issues);
  return issues;
}

function validateMachine(machine: Record<string, unknown>, prefix: string, label: string, issues: AslIssue[]): void {
  const states = isRecord(machine.States) ? machine.States : undefined;
  if (!states) {
    issues.push({
      path: `${prefix}States`,
      message: `${capitalise(label)} has no "States" object. Add "States": { "Name": { "Type": ... } }.`,
    });
  } else if (Object.keys(states).length === 0) {
    issues.push({ path: `${prefix}States`, message: `${capitalise(label)} has no states. Add at least one state.` });
  }
  const names = states ? Object.keys(states) : [];
  const scope: Scope = { prefix, label, names, issues };

  const startAt = machine.StartAt;
  let startValid = false;
  if (startAt === undefined) {
    issues.push({
      path: `${prefix}StartAt`,
      message: `${capitalise(label)} has no "StartAt". Add "StartAt" with the name of the first state.`,
    });
  } else if (typeof startAt !== 'string') {
    issues.push({
      path: `${prefix}StartAt`,
      message: `"StartAt" of ${label} must be a string: the name of the first state.`,
    });
  } else if (states && !names.includes(startAt)) {
    issues.push({
      path: `${prefix}StartAt`,
      message: `"StartAt" of ${label} names "${startAt}", but there is no state called "${startAt}".${fixTarget(startAt, names)}`,
    });
  } else if (states) {
    startValid = true;
  }

  if (!states) return;
  for (const name of names) validateState(name, states[name], scope);
  if (startValid && typeof startAt === 'string') reportUnreachable(startAt, states, scope);
}

function validateState(name: string, state: unknown, scope: Scope): void {
  const path = `${scope.prefix}States.${name}`;
  const issue = (where: string, message: string): void => {
    scope.issues.push({ state: name, path: where, message });
  };
  if (name.length > MAX_NAME_LENGTH) {
    issue(path, `State name "${name}" is longer than ${MAX_NAME_LENGTH} characters; shorten it.`);
  }
  if (!isRecord(state)) {
    issue(path, `State "${name}" must be a JSON object with at least a "Type".`);
    return;
  }
  const type = state.Type;
  if (type === undefined) {
    issue(`${path}.Type`, `State "${name}" has no "Type". Set it to one of ${ASL_STATE_TYPES.join(', ')}.`);
    return;
  }
  if (!isAslStateType(type)) {
    issue(
      `${path}.Type`,
      `State "${name}" has an unknown Type ${JSON.stringify(type)}. Use one of ${ASL_STATE_TYPES.join(', ')}.`,
    );
    return;
  }
  const what = `${type} state "${name}"`;

  // Transitions: Next or End (or neither, for Choice, Succeed and Fail).
  if (TERMINAL_OR_CHOICE.has(type)) {
    const advice =
      type === 'Choice'
        ? 'a Choice state goes on through the "Next" of each rule in "Choices" and through "Default"'
        : `a ${type} state always ends the execution (or its branch)`;
    if (state.Next !== undefined) issue(`${path}.Next`, `${what} must not have "Next": ${advice}. Remove it.`);
    if (state.End !== undefined) issue(`${path}.End`, `${what} must not have "End": ${advice}. Remove it.`);
  } else {
    const hasNext = state.Next !== undefined;
    if (state.End !== undefined && typeof state.End !== 'boolean') {
      issue(`${path}.End`, `"End" of ${what} must be true or false.`);
    }
    const hasEnd = state.End === true;
    if (hasNext && hasEnd) {
      issue(path, `${what} has both "Next" and "End": true. Keep "Next" to go on, or "End" to stop here.`);
    } else if (!hasNext && !hasEnd) {
      issue(
        path,
        `${what} has neither "Next" nor "End": true. Add "Next" with the state to run afterwards, or "End": true.`,
      );
    }
    if (hasNext) checkTarget(state.Next, `${path}.Next`, name, `"Next" of ${what}`, scope);
  }

  for (const field of ['InputPath', 'OutputPath'] as const) checkPathField(state, field, path, what, scope, name);
  if (HAS_RESULT.has(type)) checkPathField(state, 'ResultPath', path, what, scope, name);

  switch (type) {
    case 'Task':
      validateTask(state, path, what, issue);
      break;
    case 'Choice':
      validateChoice(state, name, path, what, scope);
      break;
    case 'Wait':
      validateWait(state, path, what, issue);
      break;
    case 'Fail':
      validateFail(state, path, what, issue);
      break;
    case 'Parallel':
      validateParallel(state, name, path, what, scope);
      break;
    case 'Map':
      validateMap(state, name, path, what, scope);
      break;
    default:
      break;
  }

  if (ERROR_HANDLING.has(type)) {
    validateHandlers(state, 'Retry', name, path, what, scope);
    validateHandlers(state, 'Catch', name, path, what, scope);
  } else {
    for (const field of ['Retry', 'Catch'] as const) {
      if (state[field] !== undefined) {
        issue(
          `${path}.${field}`,
          `${what} can't have "${field}": only Task, Parallel and Map states handle errors. Remove it.`,
        );
      }
    }
  }
}

function validateTask(
  state: Record<string, unknown>,
  path: string,
  what: string,
  issue: (where: string, message: string) => void,
): void {
  if (state.Resource === undefined) {
    issue(
      `${path}.Resource`,
      `${what} has no "Resource". Add the ARN of what to call, e.g. "arn:aws:states:::lambda:invoke".`,
    );
  } else if (typeof state.Resource !== 'string' || state.Resource === '') {
    issue(`${path}.Resource`, `"Resource" of ${what} must be a non-empty string (an ARN).`);
  }
  for (const field of ['TimeoutSeconds', 'HeartbeatSeconds'] as const) {
    const value = state[field];
    if (value !== undefined && !isPositiveInteger(value)) {
      issue(`${path}.${field}`, `"${field}" of ${what} must be a positive whole number of seconds.`);
    }
  }
  if (
    isPositiveInteger(state.TimeoutSeconds) &&
    isPositiveInteger(state.HeartbeatSeconds) &&
    state.HeartbeatSeconds >= state.TimeoutSeconds
  ) {
    issue(`${path}.HeartbeatSeconds`, `"HeartbeatSeconds" of ${what} must be smaller than its "TimeoutSeconds".`);
  }
}

function validateChoice(state: Record<string, unknown>, name: string, path: string, what: string, scope: Scope): void {
  const choices = state.Choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    scope.issues.push({
      state: name,
      path: `${path}.Choices`,
      message: `${what} needs a non-empty "Choices" array: add at least one rule such as { "Variable": "$.x", "NumericGreaterThan": 0, "Next": "..." }.`,
    });
  } else {
    choices.forEach((rule, index) => validateRule(rule, `${path}.Choices[${index}]`, `rule Choices[${index}]`, true));
  }
  if (state.Default !== undefined) checkTarget(state.Default, `${path}.Default`, name, `"Default" of ${what}`, scope);

  function validateRule(rule: unknown, rulePath: string, ruleName: string, top: boolean): void {
    const issue = (where: string, message: string): void => {
      scope.issues.push({ state: name, path: where, message });
    };
    if (!isRecord(rule)) {
      issue(rulePath, `${ruleName} of ${what} must be a JSON object.`);
      return;
    }
    if (top) {
      if (rule.Next === undefined) {
        issue(
          `${rulePath}.Next`,
          `${ruleName} of ${what} has no "Next". Add "Next" with the state to go to when the rule matches.`,
        );
      } else {
        checkTarget(rule.Next, `${rulePath}.Next`, name, `"Next" of ${ruleName} in ${what}`, scope);
      }
    } else if (rule.Next !== undefined) {
      issue(
        `${rulePath}.Next`,
        `${ruleName} of ${what} is nested inside And/Or/Not and must not have "Next"; only top-level rules have it.`,
      );
    }
    if (typeof rule.Condition === 'string') return;

    const combinators = ['And', 'Or', 'Not'].filter((key) => rule[key] !== undefined);
    const operators = ruleOperators(rule);
    if (combinators.length + operators.length > 1) {
      issue(
        rulePath,
        `${ruleName} of ${what} mixes ${[...combinators, ...operators].join(', ')}; a rule has exactly one comparison or one of And/Or/Not.`,
      );
      return;
    }
    for (const key of ['And', 'Or'] as const) {
      if (rule[key] === undefined) continue;
      const list = rule[key];
      if (!Array.isArray(list) || list.length === 0) {
        issue(`${rulePath}.${key}`, `"${key}" in ${ruleName} of ${what} must be a non-empty array of rules.`);
      } else {
        list.forEach((inner, index) =>
          validateRule(inner, `${rulePath}.${key}[${index}]`, `${ruleName}.${key}[${index}]`, false),
        );
      }
      return;
    }
    if (rule.Not !== undefined) {
      validateRule(rule.Not, `${rulePath}.Not`, `${ruleName}.Not`, false);
      return;
    }
    const [operator] = operators;
    if (operator === undefined) {
      const unknown = Object.keys(rule).filter((key) => !['Variable', 'Next', 'Comment'].includes(key));
      issue(
        rulePath,
        `${ruleName} of ${what} has no comparison operator${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}. Add one such as "StringEquals" or "NumericGreaterThanEquals".`,
      );
      return;
    }
    if (typeof rule.Variable !== 'string' || !rule.Variable.startsWith('$')) {
      issue(
        `${rulePath}.Variable`,
        `${ruleName} of ${what} needs "Variable": a path into the input such as "$.status".`,
      );
    }
    const expected = operatorValueType(operator);
    const value = rule[operator];
    if (!valueHasType(value, expected)) {
      issue(`${rulePath}.${operator}`, `"${operator}" in ${ruleName} of ${what} must be ${describeType(expected)}.`);
    }
  }
}

type ValueType = 'string' | 'number' | 'boolean' | 'timestamp' | 'path';

function operatorValueType(operator: string): ValueType {
  if (operator.endsWith('Path')) return 'path';
  if (operator.startsWith('Is') || operator.startsWith('Boolean')) return 'boolean';
  if (operator.startsWith('Numeric')) return 'number';
  if (operator.startsWith('Timestamp')) return 'timestamp';
  return 'string';
}

function valueHasType(value: unknown, type: ValueType): boolean {
  switch (type) {
    case 'path':
      return typeof value === 'string' && value.startsWith('$');
    case 'timestamp':
      return typeof value === 'string' && RFC3339.test(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function describeType(type: ValueType): string {
  switch (type) {
    case 'path':
      return 'a path such as "$.other"';
    case 'timestamp':
      return 'an RFC 3339 timestamp such as "2024-08-18T17:33:00Z"';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return 'a string';
  }
}

function validateWait(
  state: Record<string, unknown>,
  path: string,
  what: string,
  issue: (where: string, message: string) => void,
): void {
  const present = WAIT_FIELDS.filter((field) => state[field] !== undefined);
  if (present.length !== 1) {
    issue(
      path,
      present.length === 0
        ? `${what} says nothing about how long to wait. Add exactly one of Seconds, Timestamp, SecondsPath or TimestampPath.`
        : `${what} has ${present.join(' and ')}; keep exactly one of Seconds, Timestamp, SecondsPath or TimestampPath.`,
    );
  }
  if (state.Seconds !== undefined && !(Number.isInteger(state.Seconds) && (state.Seconds as number) >= 0)) {
    issue(`${path}.Seconds`, `"Seconds" of ${what} must be a whole number of seconds, 0 or more.`);
  }
  if (state.Timestamp !== undefined && !(typeof state.Timestamp === 'string' && RFC3339.test(state.Timestamp))) {
    issue(`${path}.Timestamp`, `"Timestamp" of ${what} must be an RFC 3339 timestamp such as "2024-08-18T17:33:00Z".`);
  }
  for (const field of ['SecondsPath', 'TimestampPath'] as const) {
    const value = state[field];
    if (value !== undefined && !(typeof value === 'string' && value.startsWith('$'))) {
      issue(`${path}.${field}`, `"${field}" of ${what} must be a path into the input such as "$.delay".`);
    }
  }
}

function validateFail(
  state: Record<string, unknown>,
  path: string,
  what: string,
  issue: (where: string, message: string) => void,
): void {
  for (const field of ['Error', 'Cause', 'ErrorPath', 'CausePath'] as const) {
    if (state[field] !== undefined && typeof state[field] !== 'string') {
      issue(`${path}.${field}`, `"${field}" of ${what} must be a string.`);
    }
  }
  if (state.Error !== undefined && state.ErrorPath !== undefined) {
    issue(path, `${what} has both "Error" and "ErrorPath"; keep one.`);
  }
  if (state.Cause !== undefined && state.CausePath !== undefined) {
    issue(path, `${what} has both "Cause" and "CausePath"; keep one.`);
  }
}

function validateParallel(
  state: Record<string, unknown>,
  name: string,
  path: string,
  what: string,
  scope: Scope,
): void {
  const branches = state.Branches;
  if (!Array.isArray(branches) || branches.length === 0) {
    scope.issues.push({
      state: name,
      path: `${path}.Branches`,
      message: `${what} needs a non-empty "Branches" array; each branch has its own "StartAt" and "States".`,
    });
    return;
  }
  branches.forEach((branch, index) => {
    const branchPath = `${path}.Branches[${index}]`;
    const label = `branch ${index} of ${what}`;
    if (!isRecord(branch)) {
      scope.issues.push({
        state: name,
        path: branchPath,
        message: `${capitalise(label)} must be an object with "StartAt" and "States".`,
      });
      return;
    }
    validateMachine(branch, `${branchPath}.`, label, scope.issues);
  });
}

function validateMap(state: Record<string, unknown>, name: string, path: string, what: string, scope: Scope): void {
  const field =
    state.ItemProcessor !== undefined ? 'ItemProcessor' : state.Iterator !== undefined ? 'Iterator' : undefined;
  if (state.ItemProcessor !== undefined && state.Iterator !== undefined) {
    scope.issues.push({
      state: name,
      path,
      message: `${what} has both "ItemProcessor" and the older "Iterator"; keep only "ItemProcessor".`,
    });
  }
  if (field === undefined) {
    scope.issues.push({
      state: name,
      path: `${path}.ItemProcessor`,
      message: `${what} has no "ItemProcessor". Add one with "StartAt" and "States": the steps to run for each item.`,
    });
  } else {
    const processor = state[field];
    if (!isRecord(processor)) {
      scope.issues.push({
        state: name,
        path: `${path}.${field}`,
        message: `"${field}" of ${what} must be an object with "StartAt" and "States".`,
      });
    } else {
      validateMachine(processor, `${path}.${field}.`, `the ${field} of ${what}`, scope.issues);
    }
  }
  if (state.ItemsPath !== undefined && !(typeof state.ItemsPath === 'string' && state.ItemsPath.startsWith('$'))) {
    scope.issues.push({
      state: name,
      path: `${path}.ItemsPath`,
      message: `"ItemsPath" of ${what} must be a path to an array in the input, such as "$.items".`,
    });
  }
  if (
    state.MaxConcurrency !== undefined &&
    !(Number.isInteger(state.MaxConcurrency) && (state.MaxConcurrency as number) >= 0)
  ) {
    scope.issues.push({
      state: name,
      path: `${path}.MaxConcurrency`,
      message: `"MaxConcurrency" of ${what} must be a whole number, 0 or more (0 means no limit).`,
    });
  }
}

function validateHandlers(
  state: Record<string, unknown>,
  field: 'Retry' | 'Catch',
  name: string,
  path: string,
  what: string,
  scope: Scope,
): void {
  const list = state[field];
  if (list === undefined) return;
  const issue = (where: string, message: string): void => {
    scope.issues.push({ state: name, path: where, message });
  };
  const kind = field === 'Retry' ? 'retrier' : 'catcher';
  if (!Array.isArray(list)) {
    issue(`${path}.${field}`, `"${field}" of ${what} must be an array of ${kind}s.`);
    return;
  }
  list.forEach((entry, index) => {
    const entryPath = `${path}.${field}[${index}]`;
    const entryName = `${field}[${index}] of ${what}`;
    if (!isRecord(entry)) {
      issue(entryPath, `${entryName} must be an object with "ErrorEquals".`);
      return;
    }
    const errors = entry.ErrorEquals;
    if (errors === undefined) {
      issue(
        `${entryPath}.ErrorEquals`,
        `${entryName} has no "ErrorEquals". Add the error names it handles, e.g. ["States.TaskFailed"] or ["States.ALL"].`,
      );
    } else if (!Array.isArray(errors) || errors.length === 0 || errors.some((error) => typeof error !== 'string')) {
      issue(`${entryPath}.ErrorEquals`, `"ErrorEquals" in ${entryName} must be a non-empty array of error names.`);
    } else if (errors.includes('States.ALL')) {
      if (errors.length > 1) {
        issue(
          `${entryPath}.ErrorEquals`,
          `"States.ALL" in ${entryName} must appear alone in its ErrorEquals; remove the other error names.`,
        );
      }
      if (index !== list.length - 1) {
        issue(
          `${entryPath}.ErrorEquals`,
          `"States.ALL" in ${entryName} must be in the last ${kind}; move this ${kind} to the end of "${field}".`,
        );
      }
    }
    if (field === 'Retry') {
      if (
        entry.MaxAttempts !== undefined &&
        !(Number.isInteger(entry.MaxAttempts) && (entry.MaxAttempts as number) >= 0)
      ) {
        issue(`${entryPath}.MaxAttempts`, `"MaxAttempts" in ${entryName} must be a whole number, 0 or more.`);
      }
      for (const key of ['IntervalSeconds', 'MaxDelaySeconds'] as const) {
        if (entry[key] !== undefined && !isPositiveInteger(entry[key])) {
          issue(`${entryPath}.${key}`, `"${key}" in ${entryName} must be a positive whole number of seconds.`);
        }
      }
      if (entry.BackoffRate !== undefined && !(typeof entry.BackoffRate === 'number' && entry.BackoffRate >= 1)) {
        issue(`${entryPath}.BackoffRate`, `"BackoffRate" in ${entryName} must be a number of at least 1.0.`);
      }
    } else {
      if (entry.Next === undefined) {
        issue(`${entryPath}.Next`, `${entryName} has no "Next". Add the state to go to when the error is caught.`);
      } else {
        checkTarget(entry.Next, `${entryPath}.Next`, name, `"Next" of ${entryName}`, scope);
      }
      if (entry.ResultPath !== undefined && entry.ResultPath !== null && !isPath(entry.ResultPath)) {
        issue(`${entryPath}.ResultPath`, `"ResultPath" in ${entryName} must be null or a path such as "$.error".`);
      }
    }
  });
}

function checkPathField(
  state: Record<string, unknown>,
  field: 'InputPath' | 'OutputPath' | 'ResultPath',
  path: string,
  what: string,
  scope: Scope,
  name: string,
): void {
  const value = state[field];
  if (value === undefined || value === null || isPath(value)) return;
  scope.issues.push({
    state: name,
    path: `${path}.${field}`,
    message: `"${field}" of ${what} must be null or a path starting with "$", such as "$.result".`,
  });
}

function checkTarget(target: unknown, path: string, state: string, what: string, scope: Scope): void {
  if (typeof target !== 'string') {
    scope.issues.push({ state, path, message: `${what} must be a string: the name of a state.` });
    return;
  }
  if (!scope.names.includes(target)) {
    scope.issues.push({
      state,
      path,
      message: `${what} names "${target}", but ${scope.label} has no state called "${target}".${fixTarget(target, scope.names)}`,
    });
  }
}

function reportUnreachable(startAt: string, states: Record<string, unknown>, scope: Scope): void {
  const reached = new Set<string>([startAt]);
  const queue = [startAt];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const target of transitionTargets(states[current])) {
      if (target in states && !reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  for (const name of scope.names) {
    if (reached.has(name)) continue;
    scope.issues.push({
      state: name,
      path: `${scope.prefix}States.${name}`,
      message: `State "${name}" is unreachable: nothing in ${scope.label} leads to it from StartAt "${startAt}". Point a Next, Default or Catch at it, or remove it.`,
    });
  }
}

/** Every state name a state can transition to: Next, Choices[].Next, Default and Catch[].Next. */
export function transitionTargets(state: unknown): string[] {
  if (!isRecord(state)) return [];
  const targets: string[] = [];
  if (typeof state.Next === 'string') targets.push(state.Next);
  if (Array.isArray(state.Choices)) {
    for (const rule of state.Choices) if (isRecord(rule) && typeof rule.Next === 'string') targets.push(rule.Next);
  }
  if (typeof state.Default === 'string') targets.push(state.Default);
  if (Array.isArray(state.Catch)) {
    for (const catcher of state.Catch) {
      if (isRecord(catcher) && typeof catcher.Next === 'string') targets.push(catcher.Next);
    }
  }
  return targets;
}

function fixTarget(target: string, names: string[]): string {
  const close = closestName(target, names);
  if (close !== undefined) return ` Did you mean "${close}"?`;
  if (names.length === 0) return '';
  const shown = names.slice(0, 8).map((name) => `"${name}"`);
  return ` Use one of: ${shown.join(', ')}${names.length > shown.length ? ', ...' : ''}.`;
}

function closestName(target: string, names: string[]): string | undefined {
  const lower = target.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(target.length / 4)));
  return bestDistance <= allowed ? best : undefined;
}

/** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit. */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('$');
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** All operator names a Choice rule may use (re-exported for callers building editors or docs). */
export const ASL_CHOICE_OPERATORS = CHOICE_OPERATORS;
