/**
 * Validates an ASL definition with asl-validator (the JSON schema, paths, JSONata, transitions, reachability)
 * and words its findings for authors: each issue names the state and where it is, with "did you mean" for a
 * misspelt state name. Our own checks cover what the library leaves out or words without the state: States.ALL
 * alone and last, empty ErrorEquals, Next and End, and transitions named with a close spelling.
 */
import validator from 'asl-validator';
import { closest, distance } from 'fastest-levenshtein';
import type { AslIssue } from './asl-types.ts';
import { ASL_STATE_TYPES, isAslStateType } from './asl-types.ts';
import { indexed, isRecord, ruleOperators, subMachines } from './asl-describe.ts';

/** A (sub-)machine: the top level, a Parallel branch or a Map item processor. */
interface Scope {
  machine: Record<string, unknown>;
  states: Record<string, unknown>;
  /** Prefix of every path inside: '' at the top, `States.P.Branches[0].` inside. */
  prefix: string;
  label: string;
}

const NO_TRANSITION = ['Choice', 'Succeed', 'Fail'];
const WAITS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];
const HINTS: Record<string, string> = {
  States: ' Add "States": { "Name": { "Type": ... } }.',
  StartAt: ' Add "StartAt" with the name of the first state.',
  ErrorEquals: ' Add the error names it handles, e.g. ["States.TaskFailed"] or ["States.ALL"].',
  Next: ' Add "Next" with the state to go to.',
};

const issue = (state: string | undefined, path: string, message: string): AslIssue => ({ state, path, message });
const described = (name: string, state: Record<string, unknown>) => `${String(state.Type)} state "${name}"`;
/** Lists what is wrong with a parsed definition; an empty list means it is valid. */
export function validateAsl(definition: unknown): AslIssue[] {
  if (!isRecord(definition)) {
    return [{ path: '(root)', message: 'The definition must be a JSON object with "StartAt" and "States".' }];
  }
  const scopes = collectScopes(definition, '', 'the state machine');
  // asl-validator throws on a state that is not an object, so those are reported on their own.
  const shapeless = scopes.flatMap(({ states, prefix }) =>
    Object.entries(states)
      .filter(([, state]) => !isRecord(state))
      .map(([name]) => issue(name, `${prefix}States.${name}`, `State "${name}" must be an object with a "Type".`)),
  );
  if (shapeless.length > 0) return shapeless;
  const issues = scopes.flatMap(checkScope);
  // The library adds default fields to the object it checks.
  for (const error of validator(structuredClone(definition)).errors) {
    issues.push(...translate(error.Message, error.schemaError?.instancePath, definition, scopes));
  }
  const seen = new Set<string>();
  const unique = issues.filter((found) => !seen.has(found.path) && seen.add(found.path));
  // "Never ends" and "does not fit" follow from a more precise problem when there is one.
  return unique.filter((found) =>
    found.path === '(terminal)'
      ? unique.length === 1
      : !found.message.includes('does not fit') || !unique.some((other) => other.path.startsWith(`${found.path}.`)),
  );
}

function collectScopes(machine: Record<string, unknown>, prefix: string, label: string): Scope[] {
  const states = isRecord(machine.States) ? machine.States : {};
  return [
    { machine, states, prefix, label },
    ...Object.entries(states).flatMap(([name, state]) =>
      (isRecord(state) ? subMachines(state) : []).flatMap(({ machine: sub, path }) => {
        const what = path.replace(/^Branches\[(\d+)\]$/, 'branch $1').replace(/^[A-Z]/, 'the $&');
        return collectScopes(
          sub,
          `${prefix}States.${name}.${path}.`,
          `${what} of ${described(name, state as Record<string, unknown>)}`,
        );
      }),
    ),
  ];
}

/** The checks asl-validator lacks or words without the state's name. */
function checkScope({ machine, states, prefix, label }: Scope): AslIssue[] {
  const issues: AslIssue[] = [];
  const names = Object.keys(states);
  const target = (value: unknown, path: string, what: string, state?: string) => {
    if (typeof value !== 'string' || names.includes(value) || !isRecord(machine.States)) return;
    const message = `${what} names "${value}", but ${label} has no state called "${value}".${suggestion(value, names)}`;
    issues.push(issue(state, path, message));
  };
  target(machine.StartAt, `${prefix}StartAt`, `"StartAt" of ${label}`);
  for (const [name, state] of Object.entries(states)) {
    if (!isRecord(state) || !isAslStateType(state.Type)) continue;
    const path = `${prefix}States.${name}`;
    const what = described(name, state);
    const add = (at: string, message: string) => issues.push(issue(name, at, message));
    target(state.Next, `${path}.Next`, `"Next" of ${what}`, name);
    target(state.Default, `${path}.Default`, `"Default" of ${what}`, name);
    for (const [index, rule] of indexed(state.Choices)) {
      // The schema lets a nested rule carry "Next"; Step Functions does not.
      const found = explainRule(rule, `${path}.Choices[${index}]`, `rule Choices[${index}]`, what, true);
      if (found) add(...found);
      target(rule.Next, `${path}.Choices[${index}].Next`, `"Next" of rule Choices[${index}] in ${what}`, name);
    }
    if (!NO_TRANSITION.includes(state.Type) && (state.Next !== undefined) === (state.End === true)) {
      add(
        path,
        state.Next === undefined
          ? `${what} has neither "Next" nor "End": true. Add "Next" with the state to run afterwards, or "End": true.`
          : `${what} has both "Next" and "End": true. Keep "Next" to go on, or "End" to stop here.`,
      );
    }
    for (const field of ['Retry', 'Catch'] as const) {
      const last = Array.isArray(state[field]) ? state[field].length - 1 : 0;
      const kind = field === 'Retry' ? 'retrier' : 'catcher';
      for (const [index, handler] of indexed(state[field])) {
        const at = `${path}.${field}[${index}].ErrorEquals`;
        const entry = `${field}[${index}] of ${what}`;
        if (field === 'Catch') target(handler.Next, `${path}.Catch[${index}].Next`, `"Next" of ${entry}`, name);
        const errors = Array.isArray(handler.ErrorEquals) ? handler.ErrorEquals : undefined;
        if (errors?.length === 0) add(at, `"ErrorEquals" in ${entry} must be a non-empty array of error names.`);
        if (!errors?.includes('States.ALL')) continue;
        if (errors.length > 1) {
          add(at, `"States.ALL" in ${entry} must appear alone in its ErrorEquals; remove the other error names.`);
        } else if (index !== last) {
          add(at, `"States.ALL" in ${entry} must be in the last ${kind}; move this ${kind} to the end of "${field}".`);
        }
      }
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
  const stateNamed = (name: string) => {
    const scope = scopes.find((candidate) => name in candidate.states);
    const state = scope?.states[name];
    return scope && isRecord(state) ? { scope, state, path: `${scope.prefix}States.${name}` } : undefined;
  };
  const unreachable = /^State (.+) is not reachable$/.exec(message)?.[1];
  if (unreachable !== undefined) {
    const found = stateNamed(unreachable);
    const start = found?.scope.machine.StartAt;
    if (!found || typeof start !== 'string' || !(start in found.scope.states)) return [];
    const advice = 'Point a Next, Default or Catch at it, or remove it.';
    const why = `nothing in ${found.scope.label} leads to it from StartAt "${start}"`;
    return [issue(unreachable, found.path, `State "${unreachable}" is unreachable: ${why}. ${advice}`)];
  }
  if (pointer === undefined && /missing a terminal state/.test(message)) {
    const advice = 'give one of its states "End": true, or add a Succeed or Fail state.';
    return [issue(undefined, '(terminal)', `A state machine or branch never ends: ${advice}`)];
  }
  // Missing targets, and Next with End, are reported by checkScope with the state that names them.
  if (pointer === undefined && /target: /.test(message)) return [];
  const named = /^State "(.+?)" MUST contain (exactly|at most) one of (.+)$/.exec(message);
  if (named) {
    const [, name = '', how, list = ''] = named;
    const found = stateNamed(name);
    const fields = list.match(/"[^"]+"/g)?.map((field) => field.slice(1, -1)) ?? [];
    if (!found || fields.includes('End')) return [];
    const { state, path } = found;
    const what = described(name, state);
    if (state.Type === 'Wait') fields.sort((a, b) => WAITS.indexOf(a) - WAITS.indexOf(b));
    const present = fields.filter((field) => state[field] !== undefined);
    const choices = `${fields.slice(0, -1).join(', ')} or ${fields.at(-1)}`;
    if (present.length > 0)
      return [issue(name, path, `${what} has ${present.join(' and ')}; keep ${how} one of ${choices}.`)];
    if (state.Type === 'Wait') {
      return [issue(name, path, `${what} says nothing about how long to wait. Add exactly one of ${choices}.`)];
    }
    const advice = fields.includes('ItemProcessor')
      ? ' Add one with "StartAt" and "States": the steps to run for each item.'
      : '';
    return [
      issue(
        name,
        `${path}.${fields[0]}`,
        `${what} has no "${fields[0]}"; it needs exactly one of ${choices}.${advice}`,
      ),
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
  const required = /^must have required property '(.+)'$/.exec(problem)?.[1];
  if (required !== undefined) {
    const owner =
      path === statePath
        ? capitalise(what)
        : /\]$/.test(path)
          ? `${path.slice(statePath.length + 1)} of ${what}`
          : subject;
    return issue(
      state,
      `${path ? `${path}.` : ''}${required}`,
      `${owner} has no "${required}".${HINTS[required] ?? ''}`,
    );
  }
  // A state that fits no state schema shows up as enum errors on Type or QueryLanguage: explain the state.
  const misfit = problem.includes('allowed values') && (field === 'QueryLanguage' || isAslStateType(value));
  if (field === 'Type' && !misfit) {
    const guess = typeof value === 'string' ? suggestion(value, [...ASL_STATE_TYPES]) : '';
    const types = ASL_STATE_TYPES.join(', ');
    return issue(
      state,
      path,
      `State "${state}" has an unknown Type ${JSON.stringify(value)}. Use one of ${types}.${guess}`,
    );
  }
  // The schema's deepest finding can sit far from the mistake; the common mistakes are looked for first.
  const explained =
    isRecord(stateValue) && (misfit || problem.includes('oneOf'))
      ? explainState(stateValue, String(state), statePath, what)
      : undefined;
  if (explained) return issue(state, ...explained);
  if (misfit) {
    const message = `${capitalise(what)} does not fit the ${String(type)} state's fields; check them against the Amazon States Language.`;
    return issue(state, statePath, message);
  }
  const format = /must match format "(.+)"/.exec(problem)?.[1];
  if (format?.startsWith('asl_') && format !== 'asl_arn' && format !== 'asl_payload_template') {
    // Only these three may be null (the input, or the result, is then discarded).
    const orNull = ['InputPath', 'OutputPath', 'ResultPath'].includes(field) ? 'null or ' : '';
    return issue(state, path, `${subject} must be ${orNull}a path starting with "$", such as "$.result".`);
  }
  if (problem.includes('oneOf')) {
    const advice = typeof value === 'number' ? ': it must be a whole number, 0 or more' : '';
    return issue(state, path, `${subject} has an invalid value ${JSON.stringify(value)}${advice}.`);
  }
  const words = problem
    .replace(
      /must be (string|number|integer|boolean|object|array)\b/,
      (_, kind: string) => `must be ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`,
    )
    .replace('must NOT have fewer than 1 items', 'must be a non-empty array');
  return issue(state, path, `${subject} ${words}.`);
}

/** Why a state matches none of the state schemas, for the mistakes authors make most: [path, message]. */
function explainState(
  state: Record<string, unknown>,
  name: string,
  path: string,
  what: string,
): [string, string] | undefined {
  const type = state.Type;
  if (type === undefined)
    return [`${path}.Type`, `State "${name}" has no "Type". Set it to one of ${ASL_STATE_TYPES.join(', ')}.`];
  const wrong = (field: string, why: string): [string, string] | undefined =>
    state[field] === undefined ? undefined : [`${path}.${field}`, `${what} ${why}`];
  const ending =
    type === 'Choice'
      ? 'a Choice state goes on through the "Next" inside each rule of "Choices" and through "Default"'
      : `a ${String(type)} state always ends the execution (or its branch)`;
  const handling = 'only Task, Parallel and Map states handle errors. Remove it.';
  const found =
    (NO_TRANSITION.includes(String(type)) &&
      (wrong('Next', `must not have "Next": ${ending}. Remove it.`) ??
        wrong('End', `must not have "End": ${ending}. Remove it.`))) ||
    (!['Task', 'Parallel', 'Map'].includes(String(type)) &&
      (wrong('Retry', `can't have "Retry": ${handling}`) ?? wrong('Catch', `can't have "Catch": ${handling}`)));
  if (found) return found;
  if (type === 'Choice') {
    if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
      const example = '{ "Variable": "$.x", "NumericGreaterThan": 0, "Next": "..." }';
      return [`${path}.Choices`, `${what} needs a non-empty "Choices" array: add a rule such as ${example}.`];
    }
    for (const [index, rule] of indexed(state.Choices)) {
      const problem = explainRule(rule, `${path}.Choices[${index}]`, `rule Choices[${index}]`, what, true);
      if (problem) return problem;
    }
  }
  if (type === 'Task' && state.Resource === undefined) {
    return [
      `${path}.Resource`,
      `${what} has no "Resource". Add the ARN of what to call, e.g. "arn:aws:states:::lambda:invoke".`,
    ];
  }
  if (type === 'Parallel' && (!Array.isArray(state.Branches) || state.Branches.length === 0)) {
    return [
      `${path}.Branches`,
      `${what} needs a non-empty "Branches" array; each branch has its own "StartAt" and "States".`,
    ];
  }
  return undefined;
}

/** Why a Choice rule is invalid, as [path, message]: a missing or misplaced Next, no comparison, or several. */
function explainRule(
  rule: Record<string, unknown>,
  path: string,
  name: string,
  what: string,
  top: boolean,
): [string, string] | undefined {
  if (top && rule.Next === undefined) {
    return [`${path}.Next`, `${name} of ${what} has no "Next". Add the state to go to when the rule matches.`];
  }
  if (!top && rule.Next !== undefined) {
    const why = 'is nested inside And/Or/Not and must not have "Next"; only top-level rules have it.';
    return [`${path}.Next`, `${name} of ${what} ${why}`];
  }
  if (typeof rule.Condition === 'string') return undefined;
  const parts = [...['And', 'Or', 'Not'].filter((key) => rule[key] !== undefined), ...ruleOperators(rule)];
  if (parts.length === 0) {
    const example = 'Add one such as "StringEquals" or "NumericGreaterThanEquals".';
    return [path, `${name} of ${what} has no comparison operator. ${example}`];
  }
  if (parts.length > 1) {
    const why = 'a rule has exactly one comparison or one of And/Or/Not.';
    return [path, `${name} of ${what} mixes ${parts.join(', ')}; ${why}`];
  }
  for (const [index, inner] of indexed(rule.Not === undefined ? (rule.And ?? rule.Or) : [rule.Not])) {
    const at = parts[0] === 'Not' ? `${path}.Not` : `${path}.${parts[0]}[${index}]`;
    const found = explainRule(inner, at, `${name}.${at.slice(path.length + 1)}`, what, false);
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
  const match = names.find((candidate) => candidate.toLowerCase() === best);
  if (distance(name.toLowerCase(), best) <= Math.max(2, Math.min(3, Math.floor(name.length / 4)))) {
    return ` Did you mean "${match}"?`;
  }
  const shown = names.slice(0, 8).map((candidate) => `"${candidate}"`);
  return ` Use one of: ${shown.join(', ')}${names.length > shown.length ? ', ...' : ''}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
