/**
 * Model behind the deployment guardrails simulator: SageMaker's `DeploymentConfig` shapes and
 * their documented limits, a deterministic timeline for each update policy, what an alarm or a
 * timeout does to that timeline, the `UpdateEndpoint` request body, and shadow-test routing.
 *
 * Pure TypeScript: no DOM, no Astro.
 *
 * Sources (the spec):
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DeploymentConfig.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CapacitySize.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoRollbackConfig.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Alarm.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ShadowModelVariantConfig.html
 * - https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html
 * - https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-rolling.html
 *
 * Simulation assumptions (choices of this simulator, not AWS numbers):
 * - Provisioning instances takes PROVISION_SECONDS, whatever their number (they start in parallel).
 * - Traffic shifts and instance terminations are instantaneous (0 s).
 * - Traffic is shared by capacity: the share of traffic on green is the share of active
 *   instances that are green (a canary of 1 instance out of 4 takes 25% of requests).
 * - Every traffic step is followed by a baking period of WaitIntervalInSeconds, the last step
 *   included; the deployment counts as in progress (alarms watched) until blue is terminated.
 * - Rollback steps take no baking period; re-provisioning terminated old instances takes
 *   PROVISION_SECONDS.
 */

// ---------------------------------------------------------------------------------------------
// Shapes, named exactly as in the SageMaker API.
// ---------------------------------------------------------------------------------------------

/** How a size is expressed: a number of instances or a percentage of the variant's instances. */
export type CapacitySizeType = 'INSTANCE_COUNT' | 'CAPACITY_PERCENT';

/** SageMaker `CapacitySize`: a canary, linear step or rolling batch size. */
export interface CapacitySize {
  Type: CapacitySizeType;
  Value: number;
}

/** The three blue/green traffic-shifting modes. */
export type TrafficRoutingType = 'ALL_AT_ONCE' | 'CANARY' | 'LINEAR';

/** SageMaker `TrafficRoutingConfig`. */
export interface TrafficRoutingConfig {
  Type: TrafficRoutingType;
  WaitIntervalInSeconds: number;
  CanarySize?: CapacitySize;
  LinearStepSize?: CapacitySize;
}

/** SageMaker `BlueGreenUpdatePolicy`. */
export interface BlueGreenUpdatePolicy {
  TrafficRoutingConfiguration: TrafficRoutingConfig;
  TerminationWaitInSeconds?: number;
  MaximumExecutionTimeoutInSeconds?: number;
}

/** SageMaker `RollingUpdatePolicy`. */
export interface RollingUpdatePolicy {
  MaximumBatchSize: CapacitySize;
  WaitIntervalInSeconds: number;
  MaximumExecutionTimeoutInSeconds?: number;
  RollbackMaximumBatchSize?: CapacitySize;
}

/** SageMaker `Alarm`: a CloudWatch alarm, by name. */
export interface Alarm {
  AlarmName: string;
}

/** SageMaker `AutoRollbackConfig`. */
export interface AutoRollbackConfig {
  Alarms?: Alarm[];
}

/** SageMaker `DeploymentConfig`, as passed to `UpdateEndpoint`. */
export interface DeploymentConfig {
  BlueGreenUpdatePolicy?: BlueGreenUpdatePolicy;
  RollingUpdatePolicy?: RollingUpdatePolicy;
  AutoRollbackConfiguration?: AutoRollbackConfig;
}

// ---------------------------------------------------------------------------------------------
// Documented limits and simulation constants.
// ---------------------------------------------------------------------------------------------

/**
 * Assumed time to provision a fleet or a batch of instances, in seconds. A simulation
 * assumption so the timeline has a shape: AWS documents no provisioning time.
 */
export const PROVISION_SECONDS = 300;

/** The documented limits, for validation and for the bounds of the simulator's inputs. */
export const DEPLOYMENT_LIMITS = {
  /** TrafficRoutingConfig / RollingUpdatePolicy `WaitIntervalInSeconds`. */
  waitIntervalSeconds: { min: 0, max: 3600 },
  /** BlueGreenUpdatePolicy `TerminationWaitInSeconds` (default 0). */
  terminationWaitSeconds: { min: 0, max: 3600, default: 0 },
  /** `MaximumExecutionTimeoutInSeconds` on either policy. */
  executionTimeoutSeconds: { min: 600, max: 28800 },
  /** `CanarySize`: at most 50% of the variant's instance count. */
  canaryPercent: { max: 50 },
  /** `LinearStepSize`: 10–50% of the variant's instance count. */
  linearStepPercent: { min: 10, max: 50 },
  /** Rolling `MaximumBatchSize`: 5–50% of the variant's instance count. */
  rollingBatchPercent: { min: 5, max: 50 },
  /** `RollbackMaximumBatchSize` default: 100% of capacity. */
  rollbackBatchDefaultPercent: 100,
  /** `AutoRollbackConfig.Alarms`: 1–10 items. */
  alarms: { min: 1, max: 10 },
  /** `Alarm.AlarmName`: 1–255 characters, not only whitespace. */
  alarmNameLength: { min: 1, max: 255 },
  /** `ShadowModelVariantConfig.SamplingPercentage` (see validateSamplingPercent on the minimum). */
  samplingPercent: { min: 1, max: 100 },
} as const;

// ---------------------------------------------------------------------------------------------
// Validation.
// ---------------------------------------------------------------------------------------------

/**
 * One problem with a config. `field` is a dotted path inside `DeploymentConfig`
 * (`DeploymentConfig` itself for the whole object, `instanceCount` for the fleet size).
 * `error` breaks a documented limit; `warning` goes against a documented "should".
 */
export interface ValidationIssue {
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Thrown by planDeployment for a config with errors; carries every issue found. */
export class DeploymentConfigError extends Error {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
    this.name = 'DeploymentConfigError';
    this.issues = issues;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isValidInstanceCount(instanceCount: number): boolean {
  return isWholeNumber(instanceCount) && instanceCount >= 1;
}

/**
 * Converts a `CapacitySize` to a number of instances out of `instanceCount`.
 *
 * Rounding choice: a CAPACITY_PERCENT is rounded DOWN, then raised to at least 1 instance;
 * an INSTANCE_COUNT above the fleet is capped at the fleet. The API reference does not say how
 * SageMaker rounds (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CapacitySize.html).
 * Rounding down is chosen because the limits that protect you are upper bounds (canary ≤ 50%,
 * step and batch ≤ 50%): it never exposes more of the fleet than asked for. The floor of 1 keeps
 * every step non-empty. A side effect: a lower bound can fall short in instance terms
 * (10% of 15 instances is 1 instance, 6.7%).
 */
export function capacityToInstances(size: CapacitySize, instanceCount: number): number {
  if (size.Type === 'INSTANCE_COUNT') return Math.max(1, Math.min(size.Value, instanceCount));
  return Math.min(instanceCount, Math.max(1, Math.floor((size.Value * instanceCount) / 100)));
}

interface PercentBounds {
  min?: number;
  max?: number;
}

/** Adds the issues of one `CapacitySize`; returns whether the size is usable for planning. */
function checkCapacitySize(
  issues: ValidationIssue[],
  field: string,
  size: CapacitySize,
  instanceCount: number,
  bounds: PercentBounds,
): boolean {
  const label = field.slice(field.lastIndexOf('.') + 1);
  const type: unknown = size.Type;
  if (type !== 'INSTANCE_COUNT' && type !== 'CAPACITY_PERCENT') {
    issues.push({
      field: `${field}.Type`,
      message: `${label}.Type must be INSTANCE_COUNT or CAPACITY_PERCENT; got ${JSON.stringify(type)}.`,
      severity: 'error',
    });
    return false;
  }
  const value = size.Value;
  if (!isWholeNumber(value) || value < 1) {
    issues.push({
      field: `${field}.Value`,
      message: `${label}.Value must be a whole number of at least 1; got ${String(value)}.`,
      severity: 'error',
    });
    return false;
  }
  if (type === 'CAPACITY_PERCENT' && value > 100) {
    issues.push({
      field: `${field}.Value`,
      message: `${label}.Value is a CAPACITY_PERCENT, so it can be at most 100; got ${value}%.`,
      severity: 'error',
    });
    return false;
  }

  const sizeIssue = (message: string) => {
    issues.push({ field: `${field}.Value`, message, severity: 'error' });
    return false;
  };
  const { min, max } = bounds;
  const rangeText = min === undefined ? `at most ${max}%` : `${min}–${max}%`;

  if (type === 'CAPACITY_PERCENT') {
    if (max !== undefined && value > max) {
      return sizeIssue(`${label} must be ${rangeText} of the fleet; got ${value}%.`);
    }
    if (min !== undefined && value < min) {
      return sizeIssue(`${label} must be ${rangeText} of the fleet; got ${value}%.`);
    }
    if (max !== undefined && isValidInstanceCount(instanceCount)) {
      // A percentage within the limit can still exceed it in instances on a tiny fleet: every
      // step takes at least 1 instance, and 50% of 1 instance is less than 1.
      const maxInstances = Math.floor((max * instanceCount) / 100);
      const instances = capacityToInstances(size, instanceCount);
      if (instances > maxInstances) {
        return sizeIssue(
          `${label} must be at most ${max}% of the fleet (${maxInstances} of ${plural(instanceCount, 'instance')}); ` +
            `${value}% still takes ${plural(instances, 'instance')}, so the fleet is too small for this step.`,
        );
      }
    }
    return true;
  }

  // INSTANCE_COUNT, compared exactly with the percentage of the fleet. For a whole number of
  // instances that is the same as rounding the upper bound down and the lower bound up:
  // "at most 50% of 3 instances" allows 1 instance, "at least 10% of 15" requires 2.
  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
  // ("Value must be between 5% to 50% of the variant's total instance count").
  if (!isValidInstanceCount(instanceCount)) return true;
  if (max !== undefined && value * 100 > max * instanceCount) {
    const maxInstances = Math.floor((max * instanceCount) / 100);
    return sizeIssue(
      `${label} must be ${rangeText} of the fleet (${min === undefined ? '' : 'at most '}${maxInstances} of ` +
        `${plural(instanceCount, 'instance')}); ` +
        `got ${plural(value, 'instance')}.`,
    );
  }
  if (min !== undefined && value * 100 < min * instanceCount) {
    const minInstances = Math.ceil((min * instanceCount) / 100);
    return sizeIssue(
      `${label} must be ${rangeText} of the fleet (at least ${minInstances} of ${plural(instanceCount, 'instance')}); ` +
        `got ${plural(value, 'instance')}.`,
    );
  }
  return true;
}

interface SecondsRule {
  min: number;
  max: number;
  required: boolean;
  requiredNote?: string;
}

/** Adds the issue of one whole-seconds field, if any; returns whether the value is usable. */
function checkSeconds(issues: ValidationIssue[], field: string, value: number | undefined, rule: SecondsRule): boolean {
  const name = field.slice(field.lastIndexOf('.') + 1);
  if (value === undefined || value === null) {
    if (!rule.required) return true;
    issues.push({
      field,
      message: `${name} is required: a whole number of seconds from ${rule.min} to ${rule.max}${rule.requiredNote ?? ''}.`,
      severity: 'error',
    });
    return false;
  }
  if (!isWholeNumber(value) || value < rule.min || value > rule.max) {
    issues.push({
      field,
      message: `${name} must be a whole number of seconds from ${rule.min} to ${rule.max}; got ${String(value)}.`,
      severity: 'error',
    });
    return false;
  }
  return true;
}

/** Instances turned on by each traffic step of a blue/green mode (all steps add up to the fleet). */
function blueGreenStepInstances(routing: TrafficRoutingConfig, instanceCount: number): number[] {
  if (routing.Type === 'CANARY' && routing.CanarySize) {
    const canary = capacityToInstances(routing.CanarySize, instanceCount);
    return canary >= instanceCount ? [instanceCount] : [canary, instanceCount - canary];
  }
  if (routing.Type === 'LINEAR' && routing.LinearStepSize) {
    return equalSteps(capacityToInstances(routing.LinearStepSize, instanceCount), instanceCount);
  }
  return [instanceCount];
}

/** Splits the fleet into steps of `stepSize` instances; the last step takes the remainder. */
function equalSteps(stepSize: number, instanceCount: number): number[] {
  const steps: number[] = [];
  for (let done = 0; done < instanceCount; done += stepSize) steps.push(Math.min(stepSize, instanceCount - done));
  return steps;
}

function validateBlueGreen(issues: ValidationIssue[], policy: BlueGreenUpdatePolicy, instanceCount: number): void {
  const base = 'BlueGreenUpdatePolicy';
  const routing = policy.TrafficRoutingConfiguration as TrafficRoutingConfig | undefined;
  let stepsKnown = false;
  let waitKnown = false;
  if (!routing) {
    issues.push({
      field: `${base}.TrafficRoutingConfiguration`,
      message:
        'TrafficRoutingConfiguration is required: Type (ALL_AT_ONCE, CANARY or LINEAR) and WaitIntervalInSeconds (0–3600).',
      severity: 'error',
    });
  } else {
    const rbase = `${base}.TrafficRoutingConfiguration`;
    const type: unknown = routing.Type;
    const typeOk = type === 'ALL_AT_ONCE' || type === 'CANARY' || type === 'LINEAR';
    if (!typeOk) {
      issues.push({
        field: `${rbase}.Type`,
        message: `Type must be ALL_AT_ONCE, CANARY or LINEAR; got ${JSON.stringify(type)}.`,
        severity: 'error',
      });
    }
    // Required for every Type, ALL_AT_ONCE included (API_TrafficRoutingConfig.html).
    waitKnown = checkSeconds(issues, `${rbase}.WaitIntervalInSeconds`, routing.WaitIntervalInSeconds, {
      ...DEPLOYMENT_LIMITS.waitIntervalSeconds,
      required: true,
      requiredNote: ', even for ALL_AT_ONCE',
    });

    let sizeOk = true;
    if (type === 'CANARY') {
      if (!routing.CanarySize) {
        sizeOk = false;
        issues.push({
          field: `${rbase}.CanarySize`,
          message: 'CanarySize is required when Type is CANARY: at most 50% of the fleet.',
          severity: 'error',
        });
      } else {
        sizeOk = checkCapacitySize(
          issues,
          `${rbase}.CanarySize`,
          routing.CanarySize,
          instanceCount,
          DEPLOYMENT_LIMITS.canaryPercent,
        );
      }
    } else if (routing.CanarySize) {
      issues.push({
        field: `${rbase}.CanarySize`,
        message: `CanarySize is only used when Type is CANARY; it is ignored for ${String(type)}.`,
        severity: 'warning',
      });
    }
    if (type === 'LINEAR') {
      if (!routing.LinearStepSize) {
        sizeOk = false;
        issues.push({
          field: `${rbase}.LinearStepSize`,
          message: 'LinearStepSize is required when Type is LINEAR: 10–50% of the fleet.',
          severity: 'error',
        });
      } else {
        sizeOk = checkCapacitySize(
          issues,
          `${rbase}.LinearStepSize`,
          routing.LinearStepSize,
          instanceCount,
          DEPLOYMENT_LIMITS.linearStepPercent,
        );
      }
    } else if (routing.LinearStepSize) {
      issues.push({
        field: `${rbase}.LinearStepSize`,
        message: `LinearStepSize is only used when Type is LINEAR; it is ignored for ${String(type)}.`,
        severity: 'warning',
      });
    }
    stepsKnown = typeOk && sizeOk && isValidInstanceCount(instanceCount);
  }

  const terminationOk = checkSeconds(issues, `${base}.TerminationWaitInSeconds`, policy.TerminationWaitInSeconds, {
    ...DEPLOYMENT_LIMITS.terminationWaitSeconds,
    required: false,
  });
  const timeoutOk = checkSeconds(
    issues,
    `${base}.MaximumExecutionTimeoutInSeconds`,
    policy.MaximumExecutionTimeoutInSeconds,
    { ...DEPLOYMENT_LIMITS.executionTimeoutSeconds, required: false },
  );

  // "The timeout value should be larger than the total waiting time specified in
  // TerminationWaitInSeconds and WaitIntervalInSeconds" (API_BlueGreenUpdatePolicy.html). The
  // page doesn't say whether WaitIntervalInSeconds counts once or once per step; it is counted
  // once per baking period here, since that is the time the deployment actually waits.
  const timeout = policy.MaximumExecutionTimeoutInSeconds;
  if (routing && timeout !== undefined && timeoutOk && terminationOk && waitKnown && stepsKnown) {
    const bakes = blueGreenStepInstances(routing, instanceCount).length;
    const totalWaits = bakes * routing.WaitIntervalInSeconds + (policy.TerminationWaitInSeconds ?? 0);
    if (timeout <= totalWaits) {
      issues.push({
        field: `${base}.MaximumExecutionTimeoutInSeconds`,
        message:
          `MaximumExecutionTimeoutInSeconds should be larger than the total configured waits ` +
          `(${bakes} × WaitIntervalInSeconds ${routing.WaitIntervalInSeconds} s + TerminationWaitInSeconds ` +
          `${policy.TerminationWaitInSeconds ?? 0} s = ${totalWaits} s); got ${timeout}.`,
        severity: 'warning',
      });
    }
  }
}

function validateRolling(issues: ValidationIssue[], policy: RollingUpdatePolicy, instanceCount: number): void {
  const base = 'RollingUpdatePolicy';
  const batch = policy.MaximumBatchSize as CapacitySize | undefined;
  if (!batch) {
    issues.push({
      field: `${base}.MaximumBatchSize`,
      message: 'MaximumBatchSize is required: 5–50% of the fleet.',
      severity: 'error',
    });
  } else {
    checkCapacitySize(issues, `${base}.MaximumBatchSize`, batch, instanceCount, DEPLOYMENT_LIMITS.rollingBatchPercent);
  }
  checkSeconds(issues, `${base}.WaitIntervalInSeconds`, policy.WaitIntervalInSeconds, {
    ...DEPLOYMENT_LIMITS.waitIntervalSeconds,
    required: true,
  });
  checkSeconds(issues, `${base}.MaximumExecutionTimeoutInSeconds`, policy.MaximumExecutionTimeoutInSeconds, {
    ...DEPLOYMENT_LIMITS.executionTimeoutSeconds,
    required: false,
  });
  // Optional; absent means 100% (the whole old fleet comes back at once). The reference gives
  // no range beyond CapacitySize's own (Value ≥ 1; a percentage can't pass 100).
  if (policy.RollbackMaximumBatchSize) {
    checkCapacitySize(issues, `${base}.RollbackMaximumBatchSize`, policy.RollbackMaximumBatchSize, instanceCount, {});
  }
}

function validateAlarms(issues: ValidationIssue[], autoRollback: AutoRollbackConfig): void {
  const alarms = autoRollback.Alarms;
  if (alarms === undefined) return;
  const field = 'AutoRollbackConfiguration.Alarms';
  const { min, max } = DEPLOYMENT_LIMITS.alarms;
  if (!Array.isArray(alarms) || alarms.length < min || alarms.length > max) {
    issues.push({
      field,
      message: `Alarms must list ${min} to ${max} CloudWatch alarms; got ${Array.isArray(alarms) ? alarms.length : 'no list'}.`,
      severity: 'error',
    });
    if (!Array.isArray(alarms)) return;
  }
  const { max: maxLength } = DEPLOYMENT_LIMITS.alarmNameLength;
  alarms.forEach((alarm, index) => {
    const name: unknown = alarm?.AlarmName;
    if (typeof name !== 'string' || name.trim() === '' || name.length > maxLength) {
      issues.push({
        field: `${field}[${index}].AlarmName`,
        message:
          `AlarmName must be the name of a CloudWatch alarm: 1 to ${maxLength} characters, not only spaces; ` +
          `got ${typeof name === 'string' ? `${name.length} characters` : String(name)}.`,
        severity: 'error',
      });
    }
  });
}

/**
 * Lists every way `config` breaks SageMaker's documented limits for a variant of
 * `instanceCount` instances, so the simulator can show them next to the fields; empty when valid.
 */
export function validateDeploymentConfig(config: DeploymentConfig, instanceCount: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isValidInstanceCount(instanceCount)) {
    issues.push({
      field: 'instanceCount',
      message: `The variant's instance count must be a whole number of at least 1; got ${String(instanceCount)}.`,
      severity: 'error',
    });
  }
  // "Only one update policy should be used in the deployment configuration. If no update policy
  // is specified, SageMaker uses a blue/green deployment strategy with all at once traffic
  // shifting by default." (API_BlueGreenUpdatePolicy.html) So none is valid; both is not.
  if (config.BlueGreenUpdatePolicy && config.RollingUpdatePolicy) {
    issues.push({
      field: 'DeploymentConfig',
      message:
        'Use exactly one update policy: BlueGreenUpdatePolicy or RollingUpdatePolicy, not both ' +
        '(with neither, SageMaker uses blue/green all at once).',
      severity: 'error',
    });
  }
  if (config.BlueGreenUpdatePolicy) validateBlueGreen(issues, config.BlueGreenUpdatePolicy, instanceCount);
  if (config.RollingUpdatePolicy) validateRolling(issues, config.RollingUpdatePolicy, instanceCount);
  if (config.AutoRollbackConfiguration) validateAlarms(issues, config.AutoRollbackConfiguration);
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Planning.
// ---------------------------------------------------------------------------------------------

/** What one stretch of the deployment does. */
export type PhaseKind =
  'provision-green' | 'provision-batch' | 'shift' | 'bake' | 'termination-wait' | 'terminate-blue' | 'complete';

/**
 * Instances of each fleet and where the traffic goes. "Blue" is the old fleet and "green" the
 * new one, in rolling deployments too. Running instances are billed; active ones take traffic.
 */
export interface FleetState {
  blueInstances: number;
  greenInstances: number;
  activeBlueInstances: number;
  activeGreenInstances: number;
  /** Share of requests served by green: active green instances over the fleet size. */
  greenTrafficPercent: number;
}

/** One phase of a plan, with the fleet state once the phase has ended. */
export interface DeploymentPhase extends FleetState {
  kind: PhaseKind;
  startSeconds: number;
  endSeconds: number;
  /** 1-based traffic step (blue/green) or batch (rolling) the phase belongs to. */
  step?: number;
  /** Instances provisioned, turned on or terminated by the phase. */
  instances?: number;
  description: string;
}

/** A deterministic timeline for one config on one fleet, plus what the simulation needs. */
export interface DeploymentPlan {
  strategy: 'BLUE_GREEN' | 'ROLLING';
  mode: TrafficRoutingType | 'ROLLING';
  /** True when the config named no update policy and SageMaker's default applies. */
  usesDefaultPolicy: boolean;
  instanceCount: number;
  /** Instances turned on by each traffic step or batch, in order; they add up to the fleet. */
  stepInstances: number[];
  waitIntervalInSeconds: number;
  /** 0 for rolling deployments, which have no termination wait. */
  terminationWaitInSeconds: number;
  maximumExecutionTimeoutInSeconds?: number;
  /** Old-fleet instances brought back per rollback step (the whole fleet for blue/green). */
  rollbackBatchInstances: number;
  /** Alarms that trigger auto-rollback; empty means nothing can trigger one. */
  alarmNames: string[];
  phases: DeploymentPhase[];
  /** When the deployment completes (blue terminated), in seconds from the start. */
  totalSeconds: number;
}

function trafficPercent(activeGreen: number, instanceCount: number): number {
  return (activeGreen / instanceCount) * 100;
}

function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** Formats seconds for display: "1 h 5 min", "10 min 30 s", "0 s". */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', seconds ? `${seconds} s` : ''];
  return parts.filter(Boolean).join(' ') || '0 s';
}

/** Accumulates phases against a running clock and fleet state. */
class PhaseBuilder {
  readonly phases: DeploymentPhase[] = [];
  clock = 0;
  state: FleetState;

  constructor(private readonly instanceCount: number) {
    this.state = {
      blueInstances: instanceCount,
      greenInstances: 0,
      activeBlueInstances: instanceCount,
      activeGreenInstances: 0,
      greenTrafficPercent: 0,
    };
  }

  add(
    kind: PhaseKind,
    seconds: number,
    description: string,
    change: Partial<Omit<FleetState, 'greenTrafficPercent'>> = {},
    extra: { step?: number; instances?: number } = {},
  ): void {
    const next = { ...this.state, ...change };
    next.greenTrafficPercent = trafficPercent(next.activeGreenInstances, this.instanceCount);
    this.state = next;
    const startSeconds = this.clock;
    this.clock += seconds;
    this.phases.push({
      kind,
      startSeconds,
      endSeconds: this.clock,
      ...(extra.step === undefined ? {} : { step: extra.step }),
      ...(extra.instances === undefined ? {} : { instances: extra.instances }),
      description,
      ...next,
    });
  }
}

/**
 * Lays out the deployment `config` would run on a variant of `instanceCount` instances, phase
 * by phase with start and end times, so the simulator can draw and replay it. Throws a
 * DeploymentConfigError if validateDeploymentConfig finds errors (warnings are allowed).
 */
export function planDeployment(config: DeploymentConfig, instanceCount: number): DeploymentPlan {
  const errors = validateDeploymentConfig(config, instanceCount).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new DeploymentConfigError(errors);
  const alarmNames = (config.AutoRollbackConfiguration?.Alarms ?? []).map((alarm) => alarm.AlarmName);
  return config.RollingUpdatePolicy
    ? planRolling(config.RollingUpdatePolicy, instanceCount, alarmNames)
    : planBlueGreen(config.BlueGreenUpdatePolicy, instanceCount, alarmNames);
}

function planBlueGreen(
  policy: BlueGreenUpdatePolicy | undefined,
  instanceCount: number,
  alarmNames: string[],
): DeploymentPlan {
  // With no policy, SageMaker uses blue/green all at once. The docs give that default no
  // baking period or termination wait, so both are taken as 0 here.
  const routing: TrafficRoutingConfig = policy?.TrafficRoutingConfiguration ?? {
    Type: 'ALL_AT_ONCE',
    WaitIntervalInSeconds: 0,
  };
  const wait = routing.WaitIntervalInSeconds;
  const terminationWait = policy?.TerminationWaitInSeconds ?? DEPLOYMENT_LIMITS.terminationWaitSeconds.default;
  const stepInstances = blueGreenStepInstances(routing, instanceCount);
  const build = new PhaseBuilder(instanceCount);

  build.add(
    'provision-green',
    PROVISION_SECONDS,
    `Provision the whole green fleet (${plural(instanceCount, 'instance')}) from the new endpoint config; blue keeps serving 100% of traffic.`,
    { greenInstances: instanceCount },
    { instances: instanceCount },
  );

  let activeGreen = 0;
  stepInstances.forEach((instances, index) => {
    const step = index + 1;
    activeGreen += instances;
    const percent = formatPercent(trafficPercent(activeGreen, instanceCount));
    const what =
      routing.Type === 'CANARY'
        ? step === 1 && stepInstances.length > 1
          ? `Turn on the canary (${plural(instances, 'green instance')})`
          : `Shift the rest of the traffic (${plural(instances, 'more green instance')})`
        : routing.Type === 'LINEAR'
          ? `Linear step ${step} of ${stepInstances.length}: turn on ${plural(instances, 'green instance')} and deactivate as many blue ones`
          : `Shift all traffic to green (${plural(instances, 'instance')})`;
    build.add(
      'shift',
      0,
      `${what}: green takes ${percent} of traffic.`,
      { activeGreenInstances: activeGreen, activeBlueInstances: instanceCount - activeGreen },
      { step, instances },
    );
    const last = step === stepInstances.length;
    build.add(
      'bake',
      wait,
      `${last && stepInstances.length > 1 ? 'Final baking period' : 'Baking period'} (${formatDuration(wait)}): alarms watch green at ${percent} of traffic.`,
      {},
      { step },
    );
  });

  build.add(
    'termination-wait',
    terminationWait,
    `Termination wait (${formatDuration(terminationWait)}): green serves everything, blue stays up (and billed) in case of rollback.`,
  );
  build.add(
    'terminate-blue',
    0,
    `Terminate the blue fleet (${plural(instanceCount, 'instance')}).`,
    { blueInstances: 0, activeBlueInstances: 0 },
    { instances: instanceCount },
  );
  build.add('complete', 0, 'Deployment complete: the endpoint is InService on the new endpoint config.');

  return {
    strategy: 'BLUE_GREEN',
    mode: routing.Type,
    usesDefaultPolicy: policy === undefined,
    instanceCount,
    stepInstances,
    waitIntervalInSeconds: wait,
    terminationWaitInSeconds: terminationWait,
    ...(policy?.MaximumExecutionTimeoutInSeconds === undefined
      ? {}
      : { maximumExecutionTimeoutInSeconds: policy.MaximumExecutionTimeoutInSeconds }),
    rollbackBatchInstances: instanceCount,
    alarmNames,
    phases: build.phases,
    totalSeconds: build.clock,
  };
}

function planRolling(policy: RollingUpdatePolicy, instanceCount: number, alarmNames: string[]): DeploymentPlan {
  const wait = policy.WaitIntervalInSeconds;
  const stepInstances = equalSteps(capacityToInstances(policy.MaximumBatchSize, instanceCount), instanceCount);
  // RollbackMaximumBatchSize "If this field is absent, the default value will be set to 100% of
  // total capacity" (API_RollingUpdatePolicy.html).
  const rollbackSize: CapacitySize = policy.RollbackMaximumBatchSize ?? {
    Type: 'CAPACITY_PERCENT',
    Value: DEPLOYMENT_LIMITS.rollbackBatchDefaultPercent,
  };
  const build = new PhaseBuilder(instanceCount);

  let replaced = 0;
  stepInstances.forEach((instances, index) => {
    const step = index + 1;
    const batchText = `batch ${step} of ${stepInstances.length}`;
    build.add(
      'provision-batch',
      PROVISION_SECONDS,
      `Provision ${batchText}: ${plural(instances, 'new instance')}.`,
      { greenInstances: replaced + instances },
      { step, instances },
    );
    replaced += instances;
    const percent = formatPercent(trafficPercent(replaced, instanceCount));
    build.add(
      'shift',
      0,
      `Turn on ${batchText} and deactivate as many old instances: new instances take ${percent} of traffic.`,
      { activeGreenInstances: replaced, activeBlueInstances: instanceCount - replaced },
      { step, instances },
    );
    build.add(
      'bake',
      wait,
      `Baking period (${formatDuration(wait)}) for ${batchText}: alarms watch the new instances.`,
      {},
      { step },
    );
    build.add(
      'terminate-blue',
      0,
      `Clean up ${plural(instances, 'old instance')}.`,
      { blueInstances: instanceCount - replaced },
      { step, instances },
    );
  });
  build.add('complete', 0, 'Deployment complete: every instance runs the new endpoint config.');

  return {
    strategy: 'ROLLING',
    mode: 'ROLLING',
    usesDefaultPolicy: false,
    instanceCount,
    stepInstances,
    waitIntervalInSeconds: wait,
    terminationWaitInSeconds: 0,
    ...(policy.MaximumExecutionTimeoutInSeconds === undefined
      ? {}
      : { maximumExecutionTimeoutInSeconds: policy.MaximumExecutionTimeoutInSeconds }),
    rollbackBatchInstances: capacityToInstances(rollbackSize, instanceCount),
    alarmNames,
    phases: build.phases,
    totalSeconds: build.clock,
  };
}

// ---------------------------------------------------------------------------------------------
// Simulation.
// ---------------------------------------------------------------------------------------------

/** What a snapshot marks: the start, the end of a plan phase, or an alarm, timeout or rollback step. */
export type SnapshotPhase =
  | 'start'
  | PhaseKind
  | 'alarm'
  | 'timeout'
  | 'rollback-provision-blue'
  | 'rollback-shift'
  | 'rollback-terminate-green'
  | 'rolled-back';

/** The fleets at one moment of the simulated deployment. */
export interface DeploymentSnapshot extends FleetState {
  t: number;
  phase: SnapshotPhase;
  event?: string;
}

/** How the simulated deployment ended. */
export type DeploymentOutcome = 'completed' | 'rolled-back' | 'timed-out';

/** A replayed deployment: snapshots in time order, the outcome and why. */
export interface DeploymentSimulation {
  snapshots: DeploymentSnapshot[];
  outcome: DeploymentOutcome;
  explanation: string;
  /** When the last snapshot happens: completion, or the end of the rollback. */
  endSeconds: number;
}

/** Inputs of a simulation run beyond the plan. */
export interface SimulationOptions {
  /** When a CloudWatch alarm goes into ALARM, in seconds from the start; omitted for none. */
  alarmAtSeconds?: number;
}

function stateOf(source: FleetState): FleetState {
  return {
    blueInstances: source.blueInstances,
    greenInstances: source.greenInstances,
    activeBlueInstances: source.activeBlueInstances,
    activeGreenInstances: source.activeGreenInstances,
    greenTrafficPercent: source.greenTrafficPercent,
  };
}

function initialState(instanceCount: number): FleetState {
  return {
    blueInstances: instanceCount,
    greenInstances: 0,
    activeBlueInstances: instanceCount,
    activeGreenInstances: 0,
    greenTrafficPercent: 0,
  };
}

function describeModeName(plan: DeploymentPlan): string {
  if (plan.strategy === 'ROLLING') return 'rolling deployment';
  const names: Record<TrafficRoutingType, string> = {
    ALL_AT_ONCE: 'all at once',
    CANARY: 'canary',
    LINEAR: 'linear',
  };
  return `blue/green ${names[plan.mode as TrafficRoutingType]} deployment`;
}

/**
 * Replays `plan`, optionally with a CloudWatch alarm firing at `alarmAtSeconds`, and returns
 * the fleets at every phase boundary (plus the alarm moment and any rollback steps) with the
 * outcome and a plain-English explanation, for the simulator's timeline.
 */
export function simulateDeployment(plan: DeploymentPlan, options: SimulationOptions = {}): DeploymentSimulation {
  const { alarmAtSeconds } = options;
  if (alarmAtSeconds !== undefined && (!Number.isFinite(alarmAtSeconds) || alarmAtSeconds < 0)) {
    throw new RangeError(`alarmAtSeconds must be a number of seconds of at least 0; got ${String(alarmAtSeconds)}.`);
  }
  const completion = plan.totalSeconds;
  const timeout = plan.maximumExecutionTimeoutInSeconds;
  // "Exceeding this limit causes a timeout" (API_RollingUpdatePolicy.html): finishing exactly on
  // the limit is not exceeding it.
  const timeoutAt = timeout !== undefined && completion > timeout ? timeout : undefined;
  const alarmsWatched = plan.alarmNames.length > 0;
  // The alarm counts only while the deployment runs, only if alarms are attached, and only if
  // the deployment hasn't already stopped on its timeout. On a tie with the timeout, the alarm wins.
  const alarmTriggers =
    alarmAtSeconds !== undefined &&
    alarmsWatched &&
    alarmAtSeconds < completion &&
    (timeoutAt === undefined || alarmAtSeconds <= timeoutAt);
  const stopAt = alarmTriggers ? alarmAtSeconds : timeoutAt;

  const snapshots: DeploymentSnapshot[] = [{ t: 0, phase: 'start', ...initialState(plan.instanceCount) }];
  for (const phase of plan.phases) {
    if (stopAt !== undefined && phase.endSeconds > stopAt) break;
    snapshots.push({ t: phase.endSeconds, phase: phase.kind, ...stateOf(phase) });
  }

  let outcome: DeploymentOutcome = 'completed';
  let explanation: string;
  let endSeconds = completion;

  if (stopAt === undefined) {
    explanation = completedExplanation(plan);
  } else {
    const running = plan.phases.find((phase) => phase.endSeconds > stopAt);
    const during = running ? ` during "${running.description.replace(/\.$/, '')}"` : '';
    const last = snapshots[snapshots.length - 1];
    const before = last ? stateOf(last) : initialState(plan.instanceCount);
    const cause = alarmTriggers
      ? `A CloudWatch alarm in AutoRollbackConfiguration (${plan.alarmNames.join(', ')}) went into ALARM at ${formatDuration(stopAt)}${during}.`
      : `The deployment needs ${formatDuration(completion)} but MaximumExecutionTimeoutInSeconds is ${timeout} s, so it timed out at ${formatDuration(stopAt)}${during}.`;
    snapshots.push({
      t: stopAt,
      phase: alarmTriggers ? 'alarm' : 'timeout',
      event: alarmTriggers
        ? 'CloudWatch alarm in ALARM: auto-rollback starts.'
        : 'Execution timeout reached: the deployment stops.',
      ...before,
    });
    const rollback =
      plan.strategy === 'BLUE_GREEN'
        ? rollBackBlueGreen(before, stopAt, snapshots)
        : rollBackRolling(plan, before, stopAt, snapshots);
    endSeconds = rollback.endSeconds;
    if (alarmTriggers) {
      outcome = 'rolled-back';
      explanation = `${cause} ${rollback.summary}`;
    } else {
      outcome = 'timed-out';
      // The API reference says only that exceeding the limit "causes a timeout"; it doesn't say
      // what happens next. This simulator treats a timeout like an alarm: it rolls back.
      explanation =
        `${cause} The AWS docs only say that exceeding the limit causes a timeout; this simulator ` +
        `assumes SageMaker then rolls back as it would for an alarm. ${rollback.summary}`;
    }
  }

  if (alarmAtSeconds !== undefined && !alarmTriggers) {
    const note = ignoredAlarmNote(plan, alarmAtSeconds, alarmsWatched, stopAt);
    explanation = `${explanation} ${note.explanation}`;
    if (note.event) {
      const at = lastIndexAtOrBefore(snapshots, alarmAtSeconds);
      const base = snapshots[at];
      const state = base ? stateOf(base) : initialState(plan.instanceCount);
      snapshots.splice(at + 1, 0, { t: alarmAtSeconds, phase: 'alarm', event: note.event, ...state });
      endSeconds = Math.max(endSeconds, alarmAtSeconds);
    }
  }

  return { snapshots, outcome, explanation, endSeconds };
}

function lastIndexAtOrBefore(snapshots: DeploymentSnapshot[], t: number): number {
  let index = -1;
  snapshots.forEach((snapshot, i) => {
    if (snapshot.t <= t) index = i;
  });
  return index;
}

/**
 * Why an alarm that fired did not roll anything back; `event` is set when the alarm moment
 * belongs on the timeline (not when the deployment had already stopped on its timeout).
 */
function ignoredAlarmNote(
  plan: DeploymentPlan,
  alarmAt: number,
  alarmsWatched: boolean,
  stoppedAt: number | undefined,
): { event?: string; explanation: string } {
  if (stoppedAt !== undefined && alarmAt > stoppedAt) {
    return {
      explanation: `The alarm at ${formatDuration(alarmAt)} came after the timeout had already stopped the deployment.`,
    };
  }
  if (!alarmsWatched) {
    return {
      event: 'A CloudWatch alarm went off, but none is attached to the deployment: nothing happens.',
      explanation:
        `The alarm at ${formatDuration(alarmAt)} changed nothing: AutoRollbackConfiguration lists no alarms, and ` +
        'auto-rollback is driven only by the alarms listed there.',
    };
  }
  return {
    event: 'Alarm after the deployment finished: no rollback.',
    explanation:
      `The alarm at ${formatDuration(alarmAt)} came after the deployment had already finished ` +
      `(${formatDuration(plan.totalSeconds)}); auto-rollback only watches alarms during the deployment, ` +
      'and the old fleet is gone by then.',
  };
}

function completedExplanation(plan: DeploymentPlan): string {
  const n = plural(plan.instanceCount, 'instance');
  const count = plan.stepInstances.length;
  const steps =
    plan.strategy === 'ROLLING' ? `${count} ${count === 1 ? 'batch' : 'batches'}` : plural(count, 'traffic step');
  if (plan.strategy === 'ROLLING') {
    return (
      `The ${describeModeName(plan)} completed at ${formatDuration(plan.totalSeconds)}: ${n} replaced in ${steps}, ` +
      'each baked without an alarm before its old instances were cleaned up.'
    );
  }
  return (
    `The ${describeModeName(plan)} completed at ${formatDuration(plan.totalSeconds)}: ${steps}, every baking period ` +
    `passed without an alarm, green serves 100% of traffic and blue (${n}) was terminated after a termination wait of ` +
    `${formatDuration(plan.terminationWaitInSeconds)}.`
  );
}

interface RollbackResult {
  endSeconds: number;
  summary: string;
}

function rollBackBlueGreen(before: FleetState, at: number, snapshots: DeploymentSnapshot[]): RollbackResult {
  // Blue is still fully provisioned until the very end, so 100% of traffic goes back at once.
  const shifted: FleetState = {
    ...before,
    activeBlueInstances: before.blueInstances,
    activeGreenInstances: 0,
    greenTrafficPercent: 0,
  };
  snapshots.push({ t: at, phase: 'rollback-shift', event: '100% of traffic back to blue.', ...shifted });
  const tornDown: FleetState = { ...shifted, greenInstances: 0 };
  snapshots.push({ t: at, phase: 'rollback-terminate-green', event: 'Green fleet torn down.', ...tornDown });
  snapshots.push({
    t: at,
    phase: 'rolled-back',
    event: 'Rolled back: the endpoint serves the old endpoint config.',
    ...tornDown,
  });
  const hadTraffic =
    before.greenTrafficPercent > 0 ? `from ${formatPercent(before.greenTrafficPercent)} on green ` : '';
  return {
    endSeconds: at,
    summary:
      `Blue had not been terminated, so SageMaker sent 100% of traffic ${hadTraffic}back to blue at once and tore ` +
      'down the green fleet: a complete rollback to the old endpoint config.',
  };
}

function rollBackRolling(
  plan: DeploymentPlan,
  before: FleetState,
  at: number,
  snapshots: DeploymentSnapshot[],
): RollbackResult {
  const n = plan.instanceCount;
  const batch = plan.rollbackBatchInstances;
  let t = at;
  let state: FleetState = { ...before };
  let steps = 0;

  while (state.activeBlueInstances < n) {
    steps += 1;
    const needed = Math.min(batch, n - state.activeBlueInstances);
    const idleOld = state.blueInstances - state.activeBlueInstances;
    const toProvision = needed - Math.min(needed, idleOld);
    if (toProvision > 0) {
      t += PROVISION_SECONDS;
      state = { ...state, blueInstances: state.blueInstances + toProvision };
      snapshots.push({
        t,
        phase: 'rollback-provision-blue',
        event: `Rollback step ${steps}: ${plural(toProvision, 'old-fleet instance')} provisioned again.`,
        ...state,
      });
    }
    const activeBlue = state.activeBlueInstances + needed;
    const activeGreen = Math.max(0, state.activeGreenInstances - needed);
    state = {
      ...state,
      activeBlueInstances: activeBlue,
      activeGreenInstances: activeGreen,
      greenTrafficPercent: trafficPercent(activeGreen, n),
    };
    snapshots.push({
      t,
      phase: 'rollback-shift',
      event: `Rollback step ${steps}: traffic moves back to ${plural(needed, 'old instance')}; new instances now take ${formatPercent(state.greenTrafficPercent)}.`,
      ...state,
    });
    if (state.greenInstances > activeGreen) {
      const terminated = state.greenInstances - activeGreen;
      state = { ...state, greenInstances: activeGreen };
      snapshots.push({
        t,
        phase: 'rollback-terminate-green',
        event: `Rollback step ${steps}: ${plural(terminated, 'new instance')} terminated.`,
        ...state,
      });
    }
  }
  if (state.greenInstances > 0) {
    // Only when the whole old fleet was still active (e.g. the alarm came while the first batch
    // was being provisioned): nothing to move back, only new capacity to remove.
    state = { ...state, greenInstances: 0, activeGreenInstances: 0, greenTrafficPercent: 0 };
    snapshots.push({ t, phase: 'rollback-terminate-green', event: 'New instances terminated.', ...state });
  }
  snapshots.push({
    t,
    phase: 'rolled-back',
    event: 'Rolled back: every instance runs the old endpoint config.',
    ...state,
  });

  const all = batch >= n;
  const how = all
    ? 'RollbackMaximumBatchSize is 100% (its default), so the whole old fleet came back at once, blue/green style'
    : `RollbackMaximumBatchSize is ${plural(batch, 'instance')}, so the old fleet came back in ${plural(steps, 'rollback step')}`;
  return {
    endSeconds: t,
    summary:
      `${how}: each step brings old-fleet capacity back, moves traffic to it and terminates new-fleet capacity. ` +
      `The rollback finished at ${formatDuration(t)} with 100% of traffic on the old endpoint config.`,
  };
}

// ---------------------------------------------------------------------------------------------
// UpdateEndpoint request.
// ---------------------------------------------------------------------------------------------

/** The `UpdateEndpoint` request body fields this simulator fills in. */
export interface UpdateEndpointRequest {
  EndpointName: string;
  EndpointConfigName: string;
  DeploymentConfig?: DeploymentConfig;
}

function copyCapacity(size: CapacitySize): CapacitySize {
  return { Type: size.Type, Value: size.Value };
}

/** Copies the listed keys of `source` whose value is not undefined, in the listed order. */
function definedOnly<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
  map: Partial<{ [P in K]: (value: NonNullable<T[P]>) => T[P] }> = {},
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    const transform = map[key];
    out[key] = transform ? transform(value as NonNullable<T[K]>) : value;
  }
  return out;
}

/**
 * Builds the `UpdateEndpoint` request body for display and copying, keeping only the fields
 * that were set (no `undefined` keys, nothing outside the API's field names).
 */
export function toUpdateEndpointRequest(
  endpointName: string,
  endpointConfigName: string,
  config: DeploymentConfig,
): UpdateEndpointRequest {
  const deployment: DeploymentConfig = {};
  const blueGreen = config.BlueGreenUpdatePolicy;
  if (blueGreen) {
    const routing = blueGreen.TrafficRoutingConfiguration;
    deployment.BlueGreenUpdatePolicy = {
      TrafficRoutingConfiguration: definedOnly(
        routing,
        ['Type', 'CanarySize', 'LinearStepSize', 'WaitIntervalInSeconds'],
        { CanarySize: copyCapacity, LinearStepSize: copyCapacity },
      ) as TrafficRoutingConfig,
      ...definedOnly(blueGreen, ['TerminationWaitInSeconds', 'MaximumExecutionTimeoutInSeconds']),
    };
  }
  const rolling = config.RollingUpdatePolicy;
  if (rolling) {
    deployment.RollingUpdatePolicy = definedOnly(
      rolling,
      ['MaximumBatchSize', 'WaitIntervalInSeconds', 'MaximumExecutionTimeoutInSeconds', 'RollbackMaximumBatchSize'],
      { MaximumBatchSize: copyCapacity, RollbackMaximumBatchSize: copyCapacity },
    ) as RollingUpdatePolicy;
  }
  const autoRollback = config.AutoRollbackConfiguration;
  if (autoRollback) {
    deployment.AutoRollbackConfiguration =
      autoRollback.Alarms === undefined
        ? {}
        : { Alarms: autoRollback.Alarms.map((alarm) => ({ AlarmName: alarm.AlarmName })) };
  }
  return {
    EndpointName: endpointName,
    EndpointConfigName: endpointConfigName,
    ...(Object.keys(deployment).length > 0 ? { DeploymentConfig: deployment } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Shadow tests.
// ---------------------------------------------------------------------------------------------

/**
 * Checks a shadow variant's `SamplingPercentage`, returning the issues (empty when valid). The
 * API reference gives "Type: Integer, Valid Range: Maximum value of 100" and no minimum
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ShadowModelVariantConfig.html);
 * 1 is required here because 0% would copy no request to the shadow variant.
 */
export function validateSamplingPercent(samplingPercent: number): ValidationIssue[] {
  const { min, max } = DEPLOYMENT_LIMITS.samplingPercent;
  if (isWholeNumber(samplingPercent) && samplingPercent >= min && samplingPercent <= max) return [];
  return [
    {
      field: 'ShadowModelVariantConfig.SamplingPercentage',
      message:
        `SamplingPercentage must be a whole number from ${min} to ${max} (the API's maximum is 100; ` +
        `0 would copy nothing to the shadow variant); got ${String(samplingPercent)}.`,
      severity: 'error',
    },
  ];
}

/** Where one request went in a shadow test. */
export interface ShadowRoute {
  request: number;
  copiedToShadow: boolean;
  /** Always production: the shadow variant's responses are never returned to the caller. */
  respondedBy: 'production';
}

/** The routing of a run of requests in a shadow test. */
export interface ShadowRouting {
  routes: ShadowRoute[];
  shadowCopies: number;
  productionResponses: number;
}

/** Deterministic xorshift32 generator of numbers in [0, 1) for a given seed. */
function seededRandom(seed: number): () => number {
  let x = Math.trunc(seed) >>> 0 || 0x2545f491;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/**
 * Decides, for each of `requestCount` requests, whether a copy goes to the shadow variant at
 * `samplingPercent`, so the simulator can show that production answers every request. Without
 * a seed the copies are spread evenly (exactly ⌊count × percent / 100⌋ of them); with a seed
 * each request is sampled independently from a seeded generator. Throws a RangeError on bad input.
 */
export function routeShadowRequests(requestCount: number, samplingPercent: number, seed?: number): ShadowRouting {
  if (!isWholeNumber(requestCount) || requestCount < 0) {
    throw new RangeError(`requestCount must be a whole number of at least 0; got ${String(requestCount)}.`);
  }
  const issue = validateSamplingPercent(samplingPercent)[0];
  if (issue) throw new RangeError(issue.message);

  const random = seed === undefined ? undefined : seededRandom(seed);
  const routes: ShadowRoute[] = [];
  let shadowCopies = 0;
  for (let i = 0; i < requestCount; i += 1) {
    // Even spreading: request i is copied when the running total of copies owed,
    // ⌊(i + 1) × p / 100⌋, goes up by one.
    const copiedToShadow = random
      ? random() < samplingPercent / 100
      : Math.floor(((i + 1) * samplingPercent) / 100) > Math.floor((i * samplingPercent) / 100);
    if (copiedToShadow) shadowCopies += 1;
    routes.push({ request: i + 1, copiedToShadow, respondedBy: 'production' });
  }
  return { routes, shadowCopies, productionResponses: requestCount };
}
