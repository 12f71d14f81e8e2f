/** The `UpdateEndpoint` request body the simulator shows and copies. */
import type { CapacitySize, DeploymentConfig, RollingUpdatePolicy, TrafficRoutingConfig } from './types.ts';

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
