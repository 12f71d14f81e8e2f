/** Capacity sizes in instances, and the traffic steps or batches they cut a fleet into. */
import type { CapacitySize, TrafficRoutingConfig } from './types.ts';

export function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function isValidInstanceCount(instanceCount: number): boolean {
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

/** Splits the fleet into steps of `stepSize` instances; the last step takes the remainder. */
export function equalSteps(stepSize: number, instanceCount: number): number[] {
  const steps: number[] = [];
  for (let done = 0; done < instanceCount; done += stepSize) steps.push(Math.min(stepSize, instanceCount - done));
  return steps;
}

/** Instances turned on by each traffic step of a blue/green mode (all steps add up to the fleet). */
export function blueGreenStepInstances(routing: TrafficRoutingConfig, instanceCount: number): number[] {
  if (routing.Type === 'CANARY' && routing.CanarySize) {
    const canary = capacityToInstances(routing.CanarySize, instanceCount);
    return canary >= instanceCount ? [instanceCount] : [canary, instanceCount - canary];
  }
  if (routing.Type === 'LINEAR' && routing.LinearStepSize) {
    return equalSteps(capacityToInstances(routing.LinearStepSize, instanceCount), instanceCount);
  }
  return [instanceCount];
}

/** Share of requests served by green: active green instances over the fleet size. */
export function trafficPercent(activeGreen: number, instanceCount: number): number {
  return (activeGreen / instanceCount) * 100;
}
