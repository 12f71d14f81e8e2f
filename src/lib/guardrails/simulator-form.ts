import { parseNumber } from './number-input.ts';
import type { CapacitySize, CapacitySizeType, DeploymentConfig } from './types.ts';

/** What the simulator's form holds; the same scenario is drawn at build time for readers without JavaScript. */
export interface SimulatorForm {
  policy: 'ALL_AT_ONCE' | 'CANARY' | 'LINEAR' | 'ROLLING';
  instanceCount: number;
  canarySize: CapacitySize;
  linearStepSize: CapacitySize;
  maximumBatchSize: CapacitySize;
  /** Left out of the config when undefined: SageMaker then rolls back the whole fleet at once. */
  rollbackMaximumBatchSize: CapacitySize | undefined;
  waitIntervalInSeconds: number;
  terminationWaitInSeconds: number;
  /** Left out of the config when undefined. */
  maximumExecutionTimeoutInSeconds: number | undefined;
  alarmNames: string[];
}

/**
 * The fleet sizes the simulator accepts. The API sets no maximum; 100 keeps every instance
 * count readable on the chart.
 */
export const INSTANCE_COUNT_BOUNDS = { min: 1, max: 100 } as const;

export const DEFAULT_FORM: SimulatorForm = {
  policy: 'CANARY',
  instanceCount: 4,
  canarySize: { Type: 'CAPACITY_PERCENT', Value: 25 },
  linearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 },
  maximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 },
  rollbackMaximumBatchSize: undefined,
  waitIntervalInSeconds: 600,
  terminationWaitInSeconds: 300,
  maximumExecutionTimeoutInSeconds: 7200,
  alarmNames: ['churn-endpoint-5xx-errors'],
};

/** The `DeploymentConfig` of `UpdateEndpoint` that the form describes, with only the fields that apply. */
export function toDeploymentConfig(form: SimulatorForm): DeploymentConfig {
  const rollback =
    form.alarmNames.length > 0
      ? { AutoRollbackConfiguration: { Alarms: form.alarmNames.map((AlarmName) => ({ AlarmName })) } }
      : {};
  const timeout =
    form.maximumExecutionTimeoutInSeconds === undefined
      ? {}
      : { MaximumExecutionTimeoutInSeconds: form.maximumExecutionTimeoutInSeconds };
  if (form.policy === 'ROLLING') {
    return {
      RollingUpdatePolicy: {
        MaximumBatchSize: form.maximumBatchSize,
        WaitIntervalInSeconds: form.waitIntervalInSeconds,
        ...timeout,
        ...(form.rollbackMaximumBatchSize ? { RollbackMaximumBatchSize: form.rollbackMaximumBatchSize } : {}),
      },
      ...rollback,
    };
  }
  const size =
    form.policy === 'CANARY'
      ? { CanarySize: form.canarySize }
      : form.policy === 'LINEAR'
        ? { LinearStepSize: form.linearStepSize }
        : {};
  return {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: { Type: form.policy, WaitIntervalInSeconds: form.waitIntervalInSeconds, ...size },
      TerminationWaitInSeconds: form.terminationWaitInSeconds,
      ...timeout,
    },
    ...rollback,
  };
}

/** A `CapacitySize` from a size field's unit and value; an unknown unit reads as a percentage. */
export function capacity(type: string, value: string): CapacitySize {
  return {
    Type: (type === 'INSTANCE_COUNT' ? 'INSTANCE_COUNT' : 'CAPACITY_PERCENT') as CapacitySizeType,
    Value: parseNumber(value),
  };
}
