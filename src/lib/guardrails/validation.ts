/**
 * Validation of a `DeploymentConfig` against SageMaker's documented limits, with messages that
 * name the field and the limit, so the simulator can show them next to its inputs.
 */
import { blueGreenStepInstances, capacityToInstances, isValidInstanceCount, isWholeNumber } from './capacity.ts';
import { plural } from './format.ts';
import {
  DEPLOYMENT_LIMITS,
  type AutoRollbackConfig,
  type BlueGreenUpdatePolicy,
  type CapacitySize,
  type DeploymentConfig,
  type RollingUpdatePolicy,
  type TrafficRoutingConfig,
  type TrafficRoutingType,
  type ValidationIssue,
} from './types.ts';

/** Thrown by planDeployment for a config with errors; carries every issue found. */
export class DeploymentConfigError extends Error {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
    this.name = 'DeploymentConfigError';
    this.issues = issues;
  }
}

/**
 * An empty form field reaches validation as NaN: the learner gets the range to type, not "NaN".
 * `range` is "from 0 to 3600" or "of at least 1".
 */
function emptyMessage(name: string, range: string): string {
  return `${name} is empty. Enter a whole number ${range}.`;
}

interface PercentBounds {
  min?: number;
  max?: number;
}

/**
 * The values a `CapacitySize` of `type` may take within `bounds` (percentages of the fleet),
 * as text: "from 1 to 50 (% of the fleet)", "from 2 to 10 (instances)".
 */
function capacityRangeText(type: CapacitySize['Type'], bounds: PercentBounds, instanceCount: number): string {
  if (type === 'CAPACITY_PERCENT') return `from ${bounds.min ?? 1} to ${bounds.max ?? 100} (% of the fleet)`;
  if (!isValidInstanceCount(instanceCount)) return 'of at least 1 (instances)';
  const lowest = Math.max(1, Math.ceil(((bounds.min ?? 0) * instanceCount) / 100));
  const highest = bounds.max === undefined ? instanceCount : Math.floor((bounds.max * instanceCount) / 100);
  // On a fleet too small for the limit no count fits; the range of the limit still says why.
  return highest >= lowest ? `from ${lowest} to ${highest} (instances)` : `of at least 1 (instances)`;
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
  if (Number.isNaN(value)) {
    issues.push({
      field: `${field}.Value`,
      message: emptyMessage(label, capacityRangeText(type, bounds, instanceCount)),
      severity: 'error',
    });
    return false;
  }
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
  const rangeText = percentRangeText(bounds);

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
  if (Number.isNaN(value)) {
    issues.push({ field, message: emptyMessage(name, `from ${rule.min} to ${rule.max}`), severity: 'error' });
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

/** The size field each stepped traffic mode requires, and the limit of that size. */
const STEP_SIZE_RULES = [
  { type: 'CANARY', key: 'CanarySize', bounds: DEPLOYMENT_LIMITS.canaryPercent },
  { type: 'LINEAR', key: 'LinearStepSize', bounds: DEPLOYMENT_LIMITS.linearStepPercent },
] as const satisfies readonly {
  type: TrafficRoutingType;
  key: keyof TrafficRoutingConfig;
  bounds: PercentBounds;
}[];

/** "at most 50%" or "10–50%": how the limits of a size read in messages. */
function percentRangeText({ min, max }: PercentBounds): string {
  return min === undefined ? `at most ${max}%` : `${min}–${max}%`;
}

/**
 * Checks the step sizes of a traffic routing config: the size its Type requires, and a warning for
 * a size another Type would use. Returns whether the steps can be planned.
 */
function checkStepSizes(
  issues: ValidationIssue[],
  field: string,
  routing: TrafficRoutingConfig,
  instanceCount: number,
): boolean {
  const type: unknown = routing.Type;
  let sizeOk = true;
  for (const rule of STEP_SIZE_RULES) {
    const size = routing[rule.key];
    const sizeField = `${field}.${rule.key}`;
    if (type === rule.type && !size) {
      sizeOk = false;
      issues.push({
        field: sizeField,
        message: `${rule.key} is required when Type is ${rule.type}: ${percentRangeText(rule.bounds)} of the fleet.`,
        severity: 'error',
      });
    } else if (type === rule.type && size) {
      sizeOk = checkCapacitySize(issues, sizeField, size, instanceCount, rule.bounds) && sizeOk;
    } else if (size) {
      issues.push({
        field: sizeField,
        message: `${rule.key} is only used when Type is ${rule.type}; it is ignored for ${String(type)}.`,
        severity: 'warning',
      });
    }
  }
  return sizeOk;
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

    const sizeOk = checkStepSizes(issues, rbase, routing, instanceCount);
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

/** Limits of the caller's own beyond the API's. */
export interface ValidationOptions {
  /** The most instances the fleet may have (the API sets no maximum; the simulator does, to keep its chart readable). */
  maxInstanceCount?: number;
}

/**
 * Lists every way `config` breaks SageMaker's documented limits for a variant of
 * `instanceCount` instances, so the simulator can show them next to the fields; empty when valid.
 */
export function validateDeploymentConfig(
  config: DeploymentConfig,
  instanceCount: number,
  options: ValidationOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { maxInstanceCount } = options;
  const range = maxInstanceCount === undefined ? 'of at least 1' : `from 1 to ${maxInstanceCount}`;
  if (Number.isNaN(instanceCount)) {
    issues.push({
      field: 'instanceCount',
      message: emptyMessage("The variant's instance count", range),
      severity: 'error',
    });
  } else if (!isValidInstanceCount(instanceCount) || instanceCount > (maxInstanceCount ?? Infinity)) {
    issues.push({
      field: 'instanceCount',
      message: `The variant's instance count must be a whole number ${range}; got ${String(instanceCount)}.`,
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
