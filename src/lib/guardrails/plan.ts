/**
 * Planning: the deterministic timeline a valid `DeploymentConfig` runs on a fleet, phase by phase.
 *
 * Simulation assumptions (choices of this simulator, not AWS numbers):
 * - Provisioning instances takes PROVISION_SECONDS, whatever their number (they start in parallel).
 * - Traffic shifts and instance terminations are instantaneous (0 s).
 * - Traffic is shared by capacity: the share of traffic on green is the share of active
 *   instances that are green (a canary of 1 instance out of 4 takes 25% of requests).
 * - Every traffic step is followed by a baking period of WaitIntervalInSeconds, the last step
 *   included; the deployment counts as in progress (alarms watched) until blue is terminated.
 */
import { blueGreenStepInstances, capacityToInstances, equalSteps, trafficPercent } from './capacity.ts';
import { formatDuration, formatPercent, plural } from './format.ts';
import {
  DEPLOYMENT_LIMITS,
  PROVISION_SECONDS,
  type BlueGreenUpdatePolicy,
  type CapacitySize,
  type DeploymentConfig,
  type RollingUpdatePolicy,
  type TrafficRoutingConfig,
  type TrafficRoutingType,
} from './types.ts';
import { DeploymentConfigError, validateDeploymentConfig } from './validation.ts';

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

/** The fleets before a deployment starts: the whole old fleet serves every request. */
export function initialFleet(instanceCount: number): FleetState {
  return {
    blueInstances: instanceCount,
    greenInstances: 0,
    activeBlueInstances: instanceCount,
    activeGreenInstances: 0,
    greenTrafficPercent: 0,
  };
}

class PhaseBuilder {
  readonly phases: DeploymentPhase[] = [];
  clock = 0;
  state: FleetState;
  private readonly instanceCount: number;

  constructor(instanceCount: number) {
    this.instanceCount = instanceCount;
    this.state = initialFleet(instanceCount);
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
