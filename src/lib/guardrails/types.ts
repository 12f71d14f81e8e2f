/**
 * SageMaker's `DeploymentConfig` shapes, named exactly as in the API, and their documented
 * limits: the vocabulary every other guardrails module speaks.
 *
 * Sources (the spec):
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DeploymentConfig.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CapacitySize.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoRollbackConfig.html
 * - https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Alarm.html
 * - https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html
 * - https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-rolling.html
 */

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
} as const;

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
