/**
 * Validates an ASL definition with asl-validator (the JSON schema, paths, JSONata, transitions, reachability)
 * and words its findings for authors: each issue names the state and where it is, with "did you mean" for a
 * misspelt state name. Our own checks cover what the library leaves out: States.ALL alone and last, empty
 * ErrorEquals, `"End": false` without Next, and transitions named with a close spelling.
 */
import validator from 'asl-validator';
import { closest, distance } from 'fastest-levenshtein';
import type { AslIssue } from './asl-types.ts';
import { ASL_STATE_TYPES, isAslStateType } from './asl-types.ts';
import { isRecord, ruleOperators } from './asl-describe.ts';

/** A (sub-)machine: the top level, a Parallel branch or a Map item processor. */
interface Scope {
  machine: Record<string, unknown>;
  states: Record<string, unknown>;
  /** Prefix of every path inside: '' at the top, `States.P.Branches[0].` inside. */
  prefix: string;
  label: string;
}

const NO_TRANSITION = new Set(['Choice', 'Succeed', 'Fail']);
const HANDLES_ERRORS = new Set(['Task', 'Parallel', 'Map']);
const WAITS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];
const HINTS: Record<string, string> = {
  States: ' Add "States": { "Name": { "Type": ... } }.',
  StartAt: ' Add "StartAt" with the name of the first state.',
  ErrorEquals: ' Add the error names it handles, e.g. ["States.TaskFailed"] or ["States.ALL"].',
  Next: ' Add "Next" with the state to go to.',
};

/** Lists what is wrong with a parsed definition; an empty list means it is valid. */
export function validateAsl(definition: unknown): AslIssue[] {
  if (!isRecord(definition)) {
    return [{ path: '(root)', message: 'The definition must be a JSON object with "StartAt" and "States".' }];
  }
  const scopes = collectScopes(definition, '', 'the state machine');
  const issues = scopes.flatMap(checkScope);
  // The library adds default fields to the object it checks.
  for (const error of validator(structuredClone(definition)).errors) {
    issues.push(...translate(error.Message, error.schemaError?.instancePath, definition, scopes));
  }
  const seen = new Set<string>();
  const unique = issues.filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
  // "No terminal state" and "does not fit" follow from a more precise problem when there is one.
  const vague = (issue: AslIssue) =>
    issue.path === '(terminal)'
      ? unique.length > 1
      : issue.message.includes('does not fit') && unique.some((other) => other.path.startsWith(`${issue.path}.`));
  return unique.filter((issue) => !vague(issue));
}

function collectScopes(machine: Record<string, unknown>, prefix: string, label: string): Scope[] {
  const states = isRecord(machine.States) ? machine.States : {};
  const scopes: Scope[] = [{ machine, states, prefix, label }];
  for (const [name, state] of Object.entries(states)) {
    if (!isRecord(state)) continue;
    const what = `${String(state.Type)} state "${name}"`;
    if (Array.isArray(state.Branches)) {
      state.Branches.forEach((branch, index) => {
        if (isRecord(branch)) {
          scopes.push(
            ...collectScopes(branch, `${prefix}States.${name}.Branches[${index}].`, `branch ${index} of ${what}`),
          );
        }
      });
    }
    for (const field of ['ItemProcessor', 'Iterator']) {
      const processor = state[field];
      if (isRecord(processor))
        scopes.push(...collectScopes(processor, `${prefix}States.${name}.${field}.`, `the ${field} of ${what}`));
    }
  }
  return scopes;
}

/** The checks asl-validator lacks or words without the state's name. */
function checkScope(scope: Scope): AslIssue[] {
  const issues: AslIssue[] = [];
  const names = Object.keys(scope.states);
  const target = (value: unknown, path: string, what: string, state?: string) => {
    if (typeof value !== 'string' || names.includes(value) || !isRecord(scope.machine.States)) return;
    const hint = suggestion(value, names);
    issues.push({
      state,
      path,
      message: `${what} names "${value}", but ${scope.label} has no state called "${value}".${hint}`,
    });
  };
  target(scope.machine.StartAt, `${scope.prefix}StartAt`, `"StartAt" of ${scope.label}`);
  for (const [name, state] of Object.entries(scope.states)) {
    if (!isRecord(state) || !isAslStateType(state.Type)) continue;
    const path = `${scope.prefix}States.${name}`;
    const what = `${state.Type} state "${name}"`;
    target(state.Next, `${path}.Next`, `"Next" of ${what}`, name);
    target(state.Default, `${path}.Default`, `"Default" of ${what}`, name);
    (Array.isArray(state.Choices) ? state.Choices : []).forEach((rule, index) => {
      // The schema lets a nested rule carry "Next"; Step Functions does not.
      const found = isRecord(rule)
        ? explainRule(rule, `${path}.Choices[${index}]`, `rule Choices[${index}]`, what, true)
        : undefined;
      if (found) issues.push({ state: name, path: found[0], message: found[1] });
      if (isRecord(rule))
        target(rule.Next, `${path}.Choices[${index}].Next`, `"Next" of rule Choices[${index}] in ${what}`, name);
    });
    if (!NO_TRANSITION.has(state.Type)) {
      const hasNext = state.Next !== undefined;
      if (hasNext && state.End === true) {
        issues.push({
          state: name,
          path,
          message: `${what} has both "Next" and "End": true. Keep "Next" to go on, or "End" to stop here.`,
        });
      } else if (!hasNext && state.End !== true) {
        issues.push({
          state: name,
          path,
          message: `${what} has neither "Next" nor "End": true. Add "Next" with the state to run afterwards, or "End": true.`,
        });
      }
    }
    for (const field of ['Retry', 'Catch'] as const) {
      const list = state[field];
      if (!Array.isArray(list)) continue;
      const kind = field === 'Retry' ? 'retrier' : 'catcher';
      list.forEach((entry, index) => {
        const at = `${path}.${field}[${index}].ErrorEquals`;
        const errors = isRecord(entry) ? entry.ErrorEquals : undefined;
        if (field === 'Catch' && isRecord(entry))
          target(entry.Next, `${path}.Catch[${index}].Next`, `"Next" of Catch[${index}] of ${what}`, name);
        if (!Array.isArray(errors)) return;
        const entryName = `${field}[${index}] of ${what}`;
        if (errors.length === 0)
          issues.push({
            state: name,
            path: at,
            message: `"ErrorEquals" in ${entryName} must be a non-empty array of error names.`,
          });
        if (!errors.includes('States.ALL')) return;
        if (errors.length > 1) {
          issues.push({
            state: name,
            path: at,
            message: `"States.ALL" in ${entryName} must appear alone in its ErrorEquals; remove the other error names.`,
          });
        } else if (index !== list.length - 1) {
          issues.push({
            state: name,
            path: at,
            message: `"States.ALL" in ${entryName} must be in the last ${kind}; move this ${kind} to the end of "${field}".`,
          });
        }
      });
    }
  }
  return issues;
}

/** One asl-validator finding in our words, or nothing when our own checks already say it better. */
function translate(
  message: string,
  pointer: string | undefined,
  definition: Record<string, unknown>,
  scopes: Scope[],
): AslIssue[] {
  const scopeOf = (name: string) => scopes.find((scope) => name in scope.states);
  const unreachable = /^State (.+) is not reachable$/.exec(message);
  if (unreachable) {
    const name = unreachable[1]!;
    const scope = scopeOf(name);
    const start = scope?.machine.StartAt;
    if (!scope || typeof start !== 'string' || !(start in scope.states)) return [];
    return [
      {
        state: name,
        path: `${scope.prefix}States.${name}`,
        message: `State "${name}" is unreachable: nothing in ${scope.label} leads to it from StartAt "${start}". Point a Next, Default or Catch at it, or remove it.`,
      },
    ];
  }
  if (/target: |missing a terminal state/.test(message) && pointer === undefined) {
    // Missing targets are reported by checkScope, with the state that names them.
    return /terminal/.test(message)
      ? [
          {
            path: '(terminal)',
            message:
              'A state machine or branch never ends: give one of its states "End": true, or add a Succeed or Fail state.',
          },
        ]
      : [];
  }
  const named = /^State "(.+?)" MUST contain (exactly|at most) one of (.+)$/.exec(message);
  if (named) {
    const name = named[1]!;
    const scope = scopeOf(name);
    const state = scope?.states[name];
    if (!scope || !isRecord(state)) return [];
    const path = `${scope.prefix}States.${name}`;
    const what = `${String(state.Type)} state "${name}"`;
    const fields = named[3]!.match(/"[^"]+"/g)?.map((field) => field.slice(1, -1)) ?? [];
    if (state.Type === 'Wait') fields.sort((a, b) => WAITS.indexOf(a) - WAITS.indexOf(b));
    const present = fields.filter((field) => state[field] !== undefined);
    const choices = `${fields.slice(0, -1).join(', ')} or ${fields.at(-1)}`;
    if (fields.includes('End')) return []; // Next and End: checkScope says which is wrong.
    if (present.length === 0 && state.Type === 'Wait') {
      return [
        { state: name, path, message: `${what} says nothing about how long to wait. Add exactly one of ${choices}.` },
      ];
    }
    if (present.length === 0) {
      const advice = fields.includes('ItemProcessor')
        ? ' Add one with "StartAt" and "States": the steps to run for each item.'
        : '';
      return [
        {
          state: name,
          path: `${path}.${fields[0]}`,
          message: `${what} has no "${fields[0]}"; it needs exactly one of ${choices}.${advice}`,
        },
      ];
    }
    return [
      {
        state: name,
        path,
        message: `${what} has ${present.join(' and ')}; keep ${named[2]} one of ${choices}.`,
      },
    ];
  }
  if (pointer === undefined) return [{ path: '(root)', message }];
  return [schemaIssue(pointer, message.replace(/^.*? is invalid\. /, ''), definition)];
}

/** A JSON-schema finding at `pointer`, explained where the schema's own words ("must match oneOf") say little. */
function schemaIssue(pointer: string, problem: string, definition: Record<string, unknown>): AslIssue {
  const segments = pointer.split('/').slice(1);
  let value: unknown = definition;
  let path = '';
  let state: string | undefined;
  let statePath = '';
  let stateValue: unknown;
  segments.forEach((segment, index) => {
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
    path += /^\d+$/.test(segment) ? `[${segment}]` : `${path ? '.' : ''}${segment}`;
    if (segments[index - 1] === 'States') [state, statePath, stateValue] = [segment, path, value];
  });
  const type = isRecord(stateValue) ? stateValue.Type : undefined;
  const what =
    state === undefined ? 'the state machine' : isAslStateType(type) ? `${type} state "${state}"` : `state "${state}"`;
  const field = segments.at(-1) ?? '';
  const subject = path === statePath ? capitalise(what) : `"${field}" of ${what}`;
  const issue = (at: string, message: string): AslIssue => ({
    ...(state === undefined ? {} : { state }),
    path: at,
    message,
  });
  const required = /^must have required property '(.+)'$/.exec(problem);
  if (required) {
    const where =
      path === '' || path === statePath || /\]$/.test(path)
        ? path === statePath || path === ''
          ? capitalise(what)
          : `${path.slice(statePath.length + 1)} of ${what}`
        : subject;
    return issue(
      `${path ? `${path}.` : ''}${required[1]}`,
      `${where} has no "${required[1]}".${HINTS[required[1]!] ?? ''}`,
    );
  }
  // A state that fits no state schema shows up as enum errors on Type or QueryLanguage: explain the state.
  const misfit = problem.includes('allowed values') && (field === 'QueryLanguage' || isAslStateType(value));
  if (field === 'Type' && !misfit) {
    const guess = typeof value === 'string' ? suggestion(value, [...ASL_STATE_TYPES]) : '';
    return issue(
      path,
      `State "${state}" has an unknown Type ${JSON.stringify(value)}. Use one of ${ASL_STATE_TYPES.join(', ')}.${guess}`,
    );
  }
  // The schema's deepest finding can sit far from the mistake; the common mistakes are looked for first.
  const found =
    isRecord(stateValue) && (misfit || problem.includes('oneOf'))
      ? explainState(stateValue, String(state), statePath, what)
      : undefined;
  if (found) return issue(found[0], found[1]);
  if (misfit)
    return issue(
      statePath,
      `${capitalise(what)} does not fit the ${String(type)} state's fields; check them against the Amazon States Language.`,
    );
  const format = /must match format "(.+)"/.exec(problem)?.[1];
  if (format?.startsWith('asl_') && format !== 'asl_arn' && format !== 'asl_payload_template') {
    return issue(path, `${subject} must be null or a path starting with "$", such as "$.result".`);
  }
  if (problem.includes('oneOf')) {
    const advice = typeof value === 'number' ? ': it must be a whole number, 0 or more' : '';
    return issue(path, `${subject} has an invalid value ${JSON.stringify(value)}${advice}.`);
  }
  const words = problem
    .replace(
      /must be (string|number|integer|boolean|object|array)\b/,
      (_, kind: string) => `must be ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`,
    )
    .replace('must NOT have fewer than 1 items', 'must be a non-empty array');
  return issue(path, `${subject} ${words}.`);
}

/** Why a state matches none of the state schemas, for the mistakes authors make most. */
function explainState(
  state: Record<string, unknown>,
  name: string,
  path: string,
  what: string,
): [string, string] | undefined {
  const type = state.Type;
  if (type === undefined)
    return [`${path}.Type`, `State "${name}" has no "Type". Set it to one of ${ASL_STATE_TYPES.join(', ')}.`];
  if (typeof type === 'string' && NO_TRANSITION.has(type)) {
    const advice =
      type === 'Choice'
        ? 'a Choice state goes on through the "Next" inside each rule of "Choices" and through "Default"'
        : `a ${type} state always ends the execution (or its branch)`;
    for (const field of ['Next', 'End']) {
      if (state[field] !== undefined)
        return [`${path}.${field}`, `${what} must not have "${field}": ${advice}. Remove it.`];
    }
  }
  if (typeof type === 'string' && !HANDLES_ERRORS.has(type)) {
    for (const field of ['Retry', 'Catch']) {
      if (state[field] !== undefined)
        return [
          `${path}.${field}`,
          `${what} can't have "${field}": only Task, Parallel and Map states handle errors. Remove it.`,
        ];
    }
  }
  if (type === 'Choice') {
    if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
      return [
        `${path}.Choices`,
        `${what} needs a non-empty "Choices" array: add a rule such as { "Variable": "$.x", "NumericGreaterThan": 0, "Next": "..." }.`,
      ];
    }
    for (const [index, rule] of state.Choices.entries()) {
      const found = isRecord(rule)
        ? explainRule(rule, `${path}.Choices[${index}]`, `rule Choices[${index}]`, what, true)
        : undefined;
      if (found) return found;
    }
  }
  if (type === 'Task' && state.Resource === undefined)
    return [
      `${path}.Resource`,
      `${what} has no "Resource". Add the ARN of what to call, e.g. "arn:aws:states:::lambda:invoke".`,
    ];
  if (type === 'Parallel' && (!Array.isArray(state.Branches) || state.Branches.length === 0)) {
    return [
      `${path}.Branches`,
      `${what} needs a non-empty "Branches" array; each branch has its own "StartAt" and "States".`,
    ];
  }
  return undefined;
}

/** Why a Choice rule is invalid: a missing or misplaced Next, no comparison, or several. */
function explainRule(
  rule: Record<string, unknown>,
  path: string,
  name: string,
  what: string,
  top: boolean,
): [string, string] | undefined {
  if (top && rule.Next === undefined)
    return [`${path}.Next`, `${name} of ${what} has no "Next". Add the state to go to when the rule matches.`];
  if (!top && rule.Next !== undefined)
    return [
      `${path}.Next`,
      `${name} of ${what} is nested inside And/Or/Not and must not have "Next"; only top-level rules have it.`,
    ];
  if (typeof rule.Condition === 'string') return undefined;
  const parts = [...['And', 'Or', 'Not'].filter((key) => rule[key] !== undefined), ...ruleOperators(rule)];
  if (parts.length === 0)
    return [
      path,
      `${name} of ${what} has no comparison operator. Add one such as "StringEquals" or "NumericGreaterThanEquals".`,
    ];
  if (parts.length > 1)
    return [
      path,
      `${name} of ${what} mixes ${parts.join(', ')}; a rule has exactly one comparison or one of And/Or/Not.`,
    ];
  const nested = Array.isArray(rule.And)
    ? rule.And
    : Array.isArray(rule.Or)
      ? rule.Or
      : isRecord(rule.Not)
        ? [rule.Not]
        : [];
  const key = parts[0];
  for (const [index, inner] of nested.entries()) {
    const at = key === 'Not' ? `${path}.Not` : `${path}.${key}[${index}]`;
    const found = isRecord(inner)
      ? explainRule(inner, at, `${name}.${at.slice(path.length + 1)}`, what, false)
      : undefined;
    if (found) return found;
  }
  return undefined;
}

/** ` Did you mean "X"?` for a close name, else the names to choose from. */
function suggestion(name: string, names: string[]): string {
  if (names.length === 0) return '';
  const best = closest(
    name.toLowerCase(),
    names.map((candidate) => candidate.toLowerCase()),
  );
  const match = names.find((candidate) => candidate.toLowerCase() === best)!;
  if (distance(name.toLowerCase(), best) <= Math.max(2, Math.min(3, Math.floor(name.length / 4))))
    return ` Did you mean "${match}"?`;
  const shown = names.slice(0, 8).map((candidate) => `"${candidate}"`);
  return ` Use one of: ${shown.join(', ')}${names.length > shown.length ? ', ...' : ''}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every state name a state can go to: Next, each Choice rule's Next, Default and each catcher's Next. */
export function transitionTargets(state: unknown): string[] {
  if (!isRecord(state)) return [];
  const rules = [
    ...(Array.isArray(state.Choices) ? state.Choices : []),
    ...(Array.isArray(state.Catch) ? state.Catch : []),
  ];
  return [state.Next, ...rules.map((rule) => (isRecord(rule) ? rule.Next : undefined)), state.Default].filter(
    (target): target is string => typeof target === 'string',
  );
}
