/**
 * Types of the Amazon States Language (ASL) helpers. Definitions arrive as parsed JSON and the build has
 * validated them, so a state is typed loosely: only the fields the interpreter and the player read.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export const ASL_STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type AslStateType = (typeof ASL_STATE_TYPES)[number];

export function isAslStateType(value: unknown): value is AslStateType {
  return ASL_STATE_TYPES.includes(value as AslStateType);
}

/** A retrier (`Retry`) or catcher (`Catch`) entry. */
export type AslErrorHandler = { ErrorEquals: string[]; Next?: string; ResultPath?: string | null } & Partial<
  Record<'IntervalSeconds' | 'MaxAttempts' | 'BackoffRate' | 'MaxDelaySeconds', number>
>;

/** A JSONPath Choice rule: `Variable` with one comparison operator, or `And` / `Or` / `Not`. */
export interface AslChoiceRule {
  Variable?: string;
  Next?: string;
  And?: AslChoiceRule[];
  Or?: AslChoiceRule[];
  Not?: AslChoiceRule;
  [operator: string]: unknown;
}

/** A state machine as the interpreter runs it (see unsupportedFeatures for what it leaves out). */
export interface AslStateMachine {
  StartAt: string;
  States: Record<string, AslState>;
}

export type AslState = { Type: AslStateType; End?: boolean; Seconds?: number; Choices?: AslChoiceRule[] } & Partial<
  Record<'InputPath' | 'OutputPath' | 'ResultPath', string | null> &
    Record<'Next' | 'Default' | 'Error' | 'Cause', string> &
    Record<'Parameters' | 'ResultSelector' | 'Result', JsonValue> &
    Record<'Retry' | 'Catch', AslErrorHandler[]>
>;

/** A problem `validateAsl` found: its state (if any), where (`States.Check.Choices[0].Next`), and what to do. */
export type AslIssue = { state?: string | undefined; path: string; message: string };

export type AslPoint = { x: number; y: number };
export type AslBox = AslPoint & { width: number; height: number };

export type AslLayoutNode = AslBox & {
  /** Unique within the layout: `States.Name`, `States.P.Branches[0].States.Name`, or `Start` / `End`. */
  id: string;
  name: string;
  /** The name, shortened with an ellipsis when very long. */
  label: string;
  /** A second line: a Task's resource, a Wait's time, a Fail's error, a Map's items. */
  subtitle?: string | undefined;
  type: AslStateType | 'Start' | 'End';
  /** The Parallel or Map container this node is drawn inside. */
  parent?: string | undefined;
  /** The row within its own (sub-)machine, counted from 0. */
  layer: number;
  /** Parallel and Map: drawn around their branches or item processor, one lane each. */
  container: boolean;
  lanes?: (AslBox & { label: string })[];
};

export interface AslLayoutEdge {
  id: string;
  from: string;
  to: string;
  kind: 'next' | 'choice' | 'default' | 'catch';
  /** The Choice condition in short form, `Default`, or a catcher's error names; drawn centred in labelBox. */
  label?: string | undefined;
  labelBox?: AslBox | undefined;
  /** The polyline from source to target (the arrowhead goes at the last point). */
  points: AslPoint[];
  /** An edge that goes back up (a loop). */
  back: boolean;
}

export type AslLayout = { width: number; height: number; nodes: AslLayoutNode[]; edges: AslLayoutEdge[] };

/** An error as Step Functions hands it to a catcher. */
export type AslErrorOutput = { Error: string; Cause: string };

/** Each Task state's mock, by name: its result JSON, or `{ "error": …, "cause"?: … }` (only those keys) to fail. */
export type AslMocks = Record<string, JsonValue>;

/** One step of an execution: one state run once, or one failed attempt before a retry. */
export interface AslStepResult {
  state: string;
  type: AslStateType;
  /** The state's raw input. */
  input: JsonValue;
  /** What the state passes on (after a retry: the same input again); null when the step failed the machine. */
  output: JsonValue;
  next?: string;
  status: 'running' | 'succeeded' | 'failed';
  error?: AslErrorOutput;
  /** `attempt` counts from 1; `intervalSeconds` is the simulated wait after BackoffRate and MaxDelaySeconds. */
  retry?: { attempt: number; maxAttempts: number; intervalSeconds: number; retrier: number; errorEquals: string[] };
  caught?: { catcher: number; errorEquals: string[]; next: string };
  /** For a Wait: its Seconds, added to the simulated clock. */
  waitSeconds?: number;
  /** For a Choice: the index of the rule that matched, or `Default`. */
  choice?: number | 'Default';
  /** For a Task: what it sends to its service, its input after InputPath and Parameters. */
  request?: JsonValue;
  /** For a Task that did not fail: what its service returned, before ResultSelector, ResultPath and OutputPath. */
  result?: JsonValue;
}
