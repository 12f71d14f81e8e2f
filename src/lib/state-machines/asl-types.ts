/**
 * Types shared by the Amazon States Language (ASL) helpers: validation, diagram layout, SVG rendering and
 * the step-through interpreter. Definitions arrive as parsed JSON (`unknown`), so the state shapes below
 * are deliberately loose: every field is optional and the helpers check what they read.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The eight state types of the Amazon States Language. */
export const ASL_STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type AslStateType = (typeof ASL_STATE_TYPES)[number];

export function isAslStateType(value: unknown): value is AslStateType {
  return typeof value === 'string' && (ASL_STATE_TYPES as readonly string[]).includes(value);
}

/** A retrier in a state's `Retry` array. */
export interface AslRetrier {
  ErrorEquals?: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: string;
}

/** A catcher in a state's `Catch` array. */
export interface AslCatcher {
  ErrorEquals?: string[];
  Next?: string;
  ResultPath?: string | null;
}

/** A Choice rule: a comparison (`Variable` plus one operator), or `And` / `Or` / `Not`. */
export interface AslChoiceRule {
  Variable?: string;
  Next?: string;
  And?: AslChoiceRule[];
  Or?: AslChoiceRule[];
  Not?: AslChoiceRule;
  /** JSONata form; shown in diagrams but not evaluated by the interpreter. */
  Condition?: string;
  [operator: string]: unknown;
}

/** A (sub-)state machine: the top level, a Parallel branch or a Map item processor. */
export interface AslStateMachine {
  StartAt: string;
  States: Record<string, AslState>;
  Comment?: string;
  QueryLanguage?: string;
  TimeoutSeconds?: number;
  ProcessorConfig?: unknown;
}

export interface AslState {
  Type: AslStateType;
  Comment?: string;
  QueryLanguage?: string;
  Next?: string;
  End?: boolean;
  InputPath?: string | null;
  OutputPath?: string | null;
  ResultPath?: string | null;
  Parameters?: JsonValue;
  ResultSelector?: JsonValue;
  Result?: JsonValue;
  Resource?: string;
  TimeoutSeconds?: number;
  HeartbeatSeconds?: number;
  Retry?: AslRetrier[];
  Catch?: AslCatcher[];
  Choices?: AslChoiceRule[];
  Default?: string;
  Seconds?: number;
  Timestamp?: string;
  SecondsPath?: string;
  TimestampPath?: string;
  Error?: string;
  Cause?: string;
  ErrorPath?: string;
  CausePath?: string;
  Branches?: AslStateMachine[];
  ItemProcessor?: AslStateMachine;
  Iterator?: AslStateMachine;
  ItemsPath?: string;
  ItemSelector?: JsonValue;
  MaxConcurrency?: number;
}

/** One problem found by `validateAsl`. */
export interface AslIssue {
  /** The state the problem belongs to, when there is one. */
  state?: string | undefined;
  /** Where in the definition, e.g. `States.CheckAccuracy.Choices[0].Next`. */
  path: string;
  /** What is wrong and how to fix it, naming the state. */
  message: string;
}

/* ----------------------------------------------------------------------------------------------------------
 * Layout
 * -------------------------------------------------------------------------------------------------------- */

export type AslNodeType = AslStateType | 'Start' | 'End';
export type AslEdgeKind = 'next' | 'choice' | 'default' | 'catch';

export interface AslPoint {
  x: number;
  y: number;
}

export interface AslLayoutNode {
  /** Unique within the layout: `States.Name`, `States.P.Branches[0].States.Name`, or `Start` / `End`. */
  id: string;
  /** The state's name (for Start and End: `Start` / `End`). */
  name: string;
  /** Text drawn in the node: the name, shortened with an ellipsis when very long. */
  label: string;
  /** A second, smaller line: the resource for a Task, the wait for a Wait, the error for a Fail, ... */
  subtitle?: string | undefined;
  type: AslNodeType;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The id of the Parallel or Map container this node is drawn inside. */
  parent?: string | undefined;
  /** 0 at the top level, 1 inside a container, and so on. */
  depth: number;
  /** The layer (row) within its own (sub-)machine, counted from 0. */
  layer: number;
  /** True for Parallel and Map, which are drawn as containers around their branches / item processor. */
  container: boolean;
  /** For containers: the area of each branch (Parallel) or of the item processor (Map). */
  lanes?: { x: number; y: number; width: number; height: number; label: string }[];
}

export interface AslLayoutEdge {
  id: string;
  from: string;
  to: string;
  kind: AslEdgeKind;
  /** The Choice condition in short form, `Default` for a default branch, or the error names of a catcher. */
  label?: string | undefined;
  /** Where to draw the label (its centre). */
  labelPosition?: AslPoint | undefined;
  /** The polyline to draw, from the source to the target (the arrowhead goes at the last point). */
  points: AslPoint[];
  /** True for an edge that goes back up (a loop); these are routed around the right-hand side. */
  back: boolean;
}

export interface AslLayout {
  width: number;
  height: number;
  nodes: AslLayoutNode[];
  edges: AslLayoutEdge[];
}

/* ----------------------------------------------------------------------------------------------------------
 * Interpreter
 * -------------------------------------------------------------------------------------------------------- */

/** The error output a failing state produces, as Step Functions hands it to a catcher. */
export interface AslErrorOutput {
  Error: string;
  Cause: string;
}

/** A mocked Task failure. */
export interface AslMockError {
  error: string;
  cause?: string;
}

/** What a mock function receives. */
export interface AslMockCall {
  /** The Task state's name. */
  state: string;
  /** The effective input (after InputPath and Parameters). */
  input: JsonValue;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
}

/**
 * A Task mock: the result JSON, an `{ error, cause? }` object to simulate a failure, or a function of the
 * call returning either (useful for "fail twice, then succeed" or per-item results inside a Map). A function
 * that throws fails the task with `States.TaskFailed` and the exception's message as the cause.
 * An object whose only keys are a string `error` and an optional string `cause` is read as a failure.
 */
export type AslMock = JsonValue | AslMockError | ((call: AslMockCall) => JsonValue | AslMockError);
export type AslMocks = Record<string, AslMock>;

export type AslExecutionStatus = 'running' | 'succeeded' | 'failed';

export interface AslRetryRecord {
  /** Which retry this is: 1 for the first retry. */
  attempt: number;
  maxAttempts: number;
  /** The (simulated) wait before this retry, after BackoffRate and MaxDelaySeconds. */
  intervalSeconds: number;
  /** The index of the retrier in the state's `Retry` array. */
  retrier: number;
  errorEquals: string[];
}

export interface AslCatchRecord {
  /** The index of the catcher in the state's `Catch` array. */
  catcher: number;
  errorEquals: string[];
  next: string;
}

export interface AslWaitRecord {
  seconds?: number;
  timestamp?: string;
}

/** One step of an execution: one state run once (or one failed attempt followed by a retry). */
export interface AslStepResult {
  state: string;
  type: AslStateType;
  /** The state's raw input. */
  input: JsonValue;
  /**
   * What the state passes on: its output after OutputPath; after a caught error, the catcher's ResultPath
   * output; before a retry, the same input again. `null` when the step failed the (sub-)execution.
   */
  output: JsonValue;
  /** The state that runs next, if any. */
  next?: string;
  status: AslExecutionStatus;
  error?: AslErrorOutput;
  retry?: AslRetryRecord;
  caught?: AslCatchRecord;
  wait?: AslWaitRecord;
  /** For a Choice: the index of the rule that matched, or `Default`. */
  choice?: number | 'Default';
  /** For Parallel (one list per branch) and Map (one list per item): the steps run inside. */
  branches?: AslStepResult[][];
}
