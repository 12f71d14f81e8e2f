import { describe, expect, it } from 'vitest';
import { capacityToInstances } from '../../../src/lib/guardrails/capacity.ts';
import { planDeployment, type DeploymentPlan } from '../../../src/lib/guardrails/plan.ts';
import { toUpdateEndpointRequest } from '../../../src/lib/guardrails/request.ts';
import { routeShadowRequests, validateSamplingPercent } from '../../../src/lib/guardrails/shadow-routing.ts';
import { simulateDeployment } from '../../../src/lib/guardrails/simulation.ts';
import {
  PROVISION_SECONDS,
  type CapacitySize,
  type DeploymentConfig,
  type TrafficRoutingConfig,
} from '../../../src/lib/guardrails/types.ts';
import { DeploymentConfigError, validateDeploymentConfig } from '../../../src/lib/guardrails/validation.ts';

const pct = (Value: number): CapacitySize => ({ Type: 'CAPACITY_PERCENT', Value });
const count = (Value: number): CapacitySize => ({ Type: 'INSTANCE_COUNT', Value });

const blueGreen = (routing: TrafficRoutingConfig, extra: Partial<DeploymentConfig> = {}): DeploymentConfig => ({
  BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: routing },
  ...extra,
});

const alarms = { AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'endpoint-5xx' }] } };

/** The worked example of the note: canary 25% on 4 instances, 10-minute waits, two alarms. */
const workedExample: DeploymentConfig = {
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: { Type: 'CANARY', CanarySize: pct(25), WaitIntervalInSeconds: 600 },
    TerminationWaitInSeconds: 600,
    MaximumExecutionTimeoutInSeconds: 3600,
  },
  AutoRollbackConfiguration: {
    Alarms: [{ AlarmName: 'churn-endpoint-5xx-errors' }, { AlarmName: 'churn-endpoint-new-fleet-latency' }],
  },
};

const errors = (config: DeploymentConfig, instanceCount: number) =>
  validateDeploymentConfig(config, instanceCount).filter((issue) => issue.severity === 'error');

const fieldsOf = (config: DeploymentConfig, instanceCount: number) =>
  errors(config, instanceCount).map((issue) => issue.field);

const shifts = (plan: DeploymentPlan) => plan.phases.filter((phase) => phase.kind === 'shift');
const bakes = (plan: DeploymentPlan) => plan.phases.filter((phase) => phase.kind === 'bake');

describe('validateDeploymentConfig: update policy', () => {
  it('accepts the worked example of the note', () => {
    expect(validateDeploymentConfig(workedExample, 4)).toEqual([]);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html
  // "Only one update policy should be used in the deployment configuration."
  it('rejects a config with both update policies', () => {
    const config: DeploymentConfig = {
      ...blueGreen({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 60 }),
      RollingUpdatePolicy: { MaximumBatchSize: pct(25), WaitIntervalInSeconds: 60 },
    };
    const issues = errors(config, 4);
    expect(issues.map((issue) => issue.field)).toEqual(['DeploymentConfig']);
    expect(issues[0]?.message).toMatch(/exactly one update policy/);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DeploymentConfig.html
  // "If no update policy is specified, SageMaker uses a blue/green deployment strategy with all at
  // once traffic shifting by default."
  it('accepts no update policy and plans the default blue/green all at once', () => {
    expect(validateDeploymentConfig({}, 3)).toEqual([]);
    const plan = planDeployment({}, 3);
    expect(plan.usesDefaultPolicy).toBe(true);
    expect(plan.strategy).toBe('BLUE_GREEN');
    expect(plan.mode).toBe('ALL_AT_ONCE');
    expect(shifts(plan)).toHaveLength(1);
  });

  it('rejects an instance count that is not a whole number of at least 1', () => {
    expect(fieldsOf({}, 0)).toEqual(['instanceCount']);
    expect(fieldsOf({}, 2.5)).toEqual(['instanceCount']);
    expect(errors({}, 0)[0]?.message).toMatch(/at least 1; got 0/);
  });
});

describe('validateDeploymentConfig: waits and timeout', () => {
  const waitField = 'BlueGreenUpdatePolicy.TrafficRoutingConfiguration.WaitIntervalInSeconds';

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html
  // WaitIntervalInSeconds: "Valid Range: Minimum value of 0. Maximum value of 3600. Required: Yes"
  it('accepts WaitIntervalInSeconds from 0 to 3600 and rejects values outside', () => {
    expect(errors(blueGreen({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 }), 2)).toEqual([]);
    expect(errors(blueGreen({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3600 }), 2)).toEqual([]);
    for (const bad of [-1, 3601, 1.5]) {
      const issues = errors(blueGreen({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: bad }), 2);
      expect(issues.map((issue) => issue.field)).toEqual([waitField]);
      expect(issues[0]?.message).toBe(
        `WaitIntervalInSeconds must be a whole number of seconds from 0 to 3600; got ${bad}.`,
      );
    }
  });

  // Same page: WaitIntervalInSeconds is "Required: Yes" for every Type, ALL_AT_ONCE included.
  it('requires WaitIntervalInSeconds even for ALL_AT_ONCE', () => {
    const routing = { Type: 'ALL_AT_ONCE' } as TrafficRoutingConfig;
    const issues = errors(blueGreen(routing), 2);
    expect(issues.map((issue) => issue.field)).toEqual([waitField]);
    expect(issues[0]?.message).toMatch(/required.*0 to 3600.*ALL_AT_ONCE/);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
  // WaitIntervalInSeconds: "Minimum value of 0. Maximum value of 3600. Required: Yes"
  it('applies the same 0–3600 rule to the rolling baking period', () => {
    const issues = errors({ RollingUpdatePolicy: { MaximumBatchSize: pct(25), WaitIntervalInSeconds: 4000 } }, 8);
    expect(issues.map((issue) => issue.field)).toEqual(['RollingUpdatePolicy.WaitIntervalInSeconds']);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html
  // TerminationWaitInSeconds: "Valid Range: Minimum value of 0. Maximum value of 3600."
  it('accepts TerminationWaitInSeconds from 0 to 3600 only', () => {
    const withTermination = (TerminationWaitInSeconds: number): DeploymentConfig => ({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
        TerminationWaitInSeconds,
      },
    });
    expect(errors(withTermination(3600), 2)).toEqual([]);
    expect(fieldsOf(withTermination(3601), 2)).toEqual(['BlueGreenUpdatePolicy.TerminationWaitInSeconds']);
    expect(fieldsOf(withTermination(-1), 2)).toEqual(['BlueGreenUpdatePolicy.TerminationWaitInSeconds']);
    expect(errors(withTermination(3601), 2)[0]?.message).toMatch(/from 0 to 3600; got 3601/);
  });

  // Same page: MaximumExecutionTimeoutInSeconds "Minimum value of 600. Maximum value of 28800."
  it('accepts MaximumExecutionTimeoutInSeconds from 600 to 28800 only, on both policies', () => {
    const bg = (timeout: number): DeploymentConfig => ({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 60 },
        MaximumExecutionTimeoutInSeconds: timeout,
      },
    });
    const rolling = (timeout: number): DeploymentConfig => ({
      RollingUpdatePolicy: {
        MaximumBatchSize: pct(50),
        WaitIntervalInSeconds: 60,
        MaximumExecutionTimeoutInSeconds: timeout,
      },
    });
    expect(validateDeploymentConfig(bg(600), 2)).toEqual([]);
    expect(validateDeploymentConfig(bg(28800), 2)).toEqual([]);
    expect(validateDeploymentConfig(rolling(600), 2)).toEqual([]);
    expect(fieldsOf(bg(599), 2)).toEqual(['BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds']);
    expect(fieldsOf(bg(28801), 2)).toEqual(['BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds']);
    expect(fieldsOf(rolling(599), 2)).toEqual(['RollingUpdatePolicy.MaximumExecutionTimeoutInSeconds']);
    expect(errors(bg(599), 2)[0]?.message).toMatch(/from 600 to 28800; got 599/);
  });

  // Same page: "the timeout value should be larger than the total waiting time specified in
  // TerminationWaitInSeconds and WaitIntervalInSeconds". A "should", so a warning.
  it('warns when the blue/green timeout is not larger than the total configured waits', () => {
    const config: DeploymentConfig = {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'CANARY', CanarySize: count(1), WaitIntervalInSeconds: 600 },
        TerminationWaitInSeconds: 600,
        MaximumExecutionTimeoutInSeconds: 1800, // two bakes + termination wait = 1800
      },
    };
    const issues = validateDeploymentConfig(config, 4);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      field: 'BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds',
      severity: 'warning',
    });
    expect(issues[0]?.message).toMatch(/larger than the total configured waits .*= 1800 s\); got 1800/);
    const longer = structuredClone(config);
    longer.BlueGreenUpdatePolicy!.MaximumExecutionTimeoutInSeconds = 1801;
    expect(validateDeploymentConfig(longer, 4)).toEqual([]);
  });
});

describe('validateDeploymentConfig: canary and linear sizes', () => {
  const canaryValue = 'BlueGreenUpdatePolicy.TrafficRoutingConfiguration.CanarySize.Value';
  const linearValue = 'BlueGreenUpdatePolicy.TrafficRoutingConfiguration.LinearStepSize.Value';
  const canary = (size: CapacitySize) => blueGreen({ Type: 'CANARY', CanarySize: size, WaitIntervalInSeconds: 60 });
  const linear = (size: CapacitySize) => blueGreen({ Type: 'LINEAR', LinearStepSize: size, WaitIntervalInSeconds: 60 });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html
  // CanarySize: "Value must be less than or equal to 50% of the variant's total instance count."
  it('rejects a canary above 50% of the fleet, naming the field and the limit', () => {
    expect(errors(canary(count(2)), 4)).toEqual([]);
    expect(errors(canary(pct(50)), 4)).toEqual([]);
    expect(errors(canary(count(3)), 4)).toEqual([
      {
        field: canaryValue,
        message: 'CanarySize must be at most 50% of the fleet (2 of 4 instances); got 3 instances.',
        severity: 'error',
      },
    ]);
    expect(errors(canary(pct(60)), 4)[0]?.message).toBe('CanarySize must be at most 50% of the fleet; got 60%.');
  });

  it('rejects any canary on a single-instance fleet, where 50% is less than one instance', () => {
    expect(fieldsOf(canary(count(1)), 1)).toEqual([canaryValue]);
    expect(fieldsOf(canary(pct(50)), 1)).toEqual([canaryValue]);
    expect(errors(canary(pct(50)), 1)[0]?.message).toMatch(/at most 50% of the fleet \(0 of 1 instance\)/);
  });

  it('requires CanarySize for CANARY and LinearStepSize for LINEAR', () => {
    expect(fieldsOf(blueGreen({ Type: 'CANARY', WaitIntervalInSeconds: 60 }), 4)).toEqual([
      'BlueGreenUpdatePolicy.TrafficRoutingConfiguration.CanarySize',
    ]);
    expect(fieldsOf(blueGreen({ Type: 'LINEAR', WaitIntervalInSeconds: 60 }), 4)).toEqual([
      'BlueGreenUpdatePolicy.TrafficRoutingConfiguration.LinearStepSize',
    ]);
  });

  // Same page: LinearStepSize "Value must be 10-50% of the variant's total instance count."
  it('accepts a linear step of 10–50% of the fleet only', () => {
    expect(errors(linear(pct(10)), 10)).toEqual([]);
    expect(errors(linear(pct(50)), 10)).toEqual([]);
    expect(errors(linear(count(2)), 20)).toEqual([]);
    expect(errors(linear(pct(9)), 10)[0]).toMatchObject({
      field: linearValue,
      message: 'LinearStepSize must be 10–50% of the fleet; got 9%.',
    });
    expect(errors(linear(pct(51)), 10)[0]?.message).toBe('LinearStepSize must be 10–50% of the fleet; got 51%.');
    expect(errors(linear(count(1)), 20)[0]?.message).toBe(
      'LinearStepSize must be 10–50% of the fleet (at least 2 of 20 instances); got 1 instance.',
    );
    expect(errors(linear(count(3)), 4)[0]?.message).toBe(
      'LinearStepSize must be 10–50% of the fleet (at most 2 of 4 instances); got 3 instances.',
    );
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CapacitySize.html
  // Value: "Type: Integer. Valid Range: Minimum value of 1."
  it('rejects a CapacitySize Value that is not a whole number of at least 1, and a percentage above 100', () => {
    expect(errors(canary(count(0)), 4)[0]).toMatchObject({
      field: canaryValue,
      message: 'CanarySize.Value must be a whole number of at least 1; got 0.',
    });
    expect(fieldsOf(canary(pct(12.5)), 4)).toEqual([canaryValue]);
    expect(fieldsOf(canary({ Type: 'CAPACITY_PERCENTAGE' as 'CAPACITY_PERCENT', Value: 25 }), 4)).toEqual([
      'BlueGreenUpdatePolicy.TrafficRoutingConfiguration.CanarySize.Type',
    ]);
    const rollback: DeploymentConfig = {
      RollingUpdatePolicy: { MaximumBatchSize: pct(25), WaitIntervalInSeconds: 60, RollbackMaximumBatchSize: pct(150) },
    };
    expect(errors(rollback, 8)[0]).toMatchObject({
      field: 'RollingUpdatePolicy.RollbackMaximumBatchSize.Value',
      message: 'RollbackMaximumBatchSize.Value is a CAPACITY_PERCENT, so it can be at most 100; got 150%.',
    });
  });
});

describe('validateDeploymentConfig: rolling batches and alarms', () => {
  const rolling = (size: CapacitySize, rollbackSize?: CapacitySize): DeploymentConfig => ({
    RollingUpdatePolicy: {
      MaximumBatchSize: size,
      WaitIntervalInSeconds: 60,
      ...(rollbackSize ? { RollbackMaximumBatchSize: rollbackSize } : {}),
    },
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
  // MaximumBatchSize: "Value must be between 5% to 50% of the variant's total instance count."
  it('accepts a rolling batch of 5–50% of the fleet only', () => {
    expect(errors(rolling(pct(5)), 20)).toEqual([]);
    expect(errors(rolling(pct(50)), 20)).toEqual([]);
    expect(errors(rolling(count(1)), 20)).toEqual([]); // exactly 5%
    expect(errors(rolling(pct(4)), 20)[0]).toMatchObject({
      field: 'RollingUpdatePolicy.MaximumBatchSize.Value',
      message: 'MaximumBatchSize must be 5–50% of the fleet; got 4%.',
    });
    expect(errors(rolling(pct(51)), 20)[0]?.message).toBe('MaximumBatchSize must be 5–50% of the fleet; got 51%.');
    expect(errors(rolling(count(1)), 30)[0]?.message).toBe(
      'MaximumBatchSize must be 5–50% of the fleet (at least 2 of 30 instances); got 1 instance.',
    );
    expect(errors(rolling(count(11)), 20)[0]?.message).toBe(
      'MaximumBatchSize must be 5–50% of the fleet (at most 10 of 20 instances); got 11 instances.',
    );
  });

  it('requires MaximumBatchSize', () => {
    const config = { RollingUpdatePolicy: { WaitIntervalInSeconds: 60 } } as DeploymentConfig;
    expect(fieldsOf(config, 8)).toEqual(['RollingUpdatePolicy.MaximumBatchSize']);
  });

  // Same page: RollbackMaximumBatchSize is "Required: No".
  it('treats RollbackMaximumBatchSize as optional', () => {
    expect(errors(rolling(pct(25)), 8)).toEqual([]);
    expect(errors(rolling(pct(25), pct(100)), 8)).toEqual([]);
    expect(errors(rolling(pct(25), count(3)), 8)).toEqual([]);
    expect(fieldsOf(rolling(pct(25), count(0)), 8)).toEqual(['RollingUpdatePolicy.RollbackMaximumBatchSize.Value']);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoRollbackConfig.html
  // Alarms: "Array Members: Minimum number of 1 item. Maximum number of 10 items."
  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Alarm.html
  // AlarmName: "Minimum length of 1. Maximum length of 255. Pattern: (?!\s*$).+"
  it('accepts 1–10 alarms with non-empty names', () => {
    const withAlarms = (names: string[]): DeploymentConfig => ({
      AutoRollbackConfiguration: { Alarms: names.map((AlarmName) => ({ AlarmName })) },
    });
    const ten = Array.from({ length: 10 }, (_, i) => `alarm-${i}`);
    expect(errors(withAlarms(['a']), 2)).toEqual([]);
    expect(errors(withAlarms(ten), 2)).toEqual([]);
    expect(errors(withAlarms([]), 2)).toEqual([
      {
        field: 'AutoRollbackConfiguration.Alarms',
        message: 'Alarms must list 1 to 10 CloudWatch alarms; got 0.',
        severity: 'error',
      },
    ]);
    expect(errors(withAlarms([...ten, 'eleven']), 2)[0]?.message).toMatch(/1 to 10 .*got 11/);
    expect(fieldsOf(withAlarms(['ok', '']), 2)).toEqual(['AutoRollbackConfiguration.Alarms[1].AlarmName']);
    expect(fieldsOf(withAlarms(['   ']), 2)).toEqual(['AutoRollbackConfiguration.Alarms[0].AlarmName']);
    expect(fieldsOf(withAlarms(['x'.repeat(256)]), 2)).toEqual(['AutoRollbackConfiguration.Alarms[0].AlarmName']);
    expect(errors(withAlarms(['x'.repeat(255)]), 2)).toEqual([]);
  });

  it('names the field and states a numeric limit in every message', () => {
    const broken: [DeploymentConfig, number][] = [
      [blueGreen({ Type: 'CANARY', CanarySize: count(3), WaitIntervalInSeconds: 5000 }), 4],
      [blueGreen({ Type: 'LINEAR', LinearStepSize: pct(70), WaitIntervalInSeconds: -5 }), 10],
      [rolling(pct(2), count(0)), 10],
      [{ ...rolling(pct(25)), ...blueGreen({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 1 }) }, 4],
      [{ AutoRollbackConfiguration: { Alarms: [{ AlarmName: '' }] } }, 0],
    ];
    let checked = 0;
    for (const [config, instanceCount] of broken) {
      for (const issue of validateDeploymentConfig(config, instanceCount)) {
        // The field itself, or for a CapacitySize's Value or Type, the size it belongs to.
        const segments = issue.field.split('.').filter((segment) => segment !== 'Value' && segment !== 'Type');
        const name = segments.at(-1)!.replace(/\[\d+\]$/, '');
        if (name === 'DeploymentConfig') expect(issue.message).toMatch(/update policy/);
        else if (name === 'instanceCount') expect(issue.message).toMatch(/instance count/);
        else expect(issue.message).toContain(name);
        // Every limit but "one update policy" is a number.
        if (name !== 'DeploymentConfig') expect(issue.message).toMatch(/\d/);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});

describe('planDeployment: blue/green all at once', () => {
  const config = blueGreen({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 600 });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-all-at-once.html
  // "SageMaker AI routes 100% of the traffic to the new fleet ... the baking period begins. If no
  // alarms trip during the baking period, SageMaker AI terminates the old fleet."
  it('provisions green, shifts 100% in one step, bakes once, then terminates blue', () => {
    const plan = planDeployment(config, 4);
    expect(plan.phases.map((phase) => phase.kind)).toEqual([
      'provision-green',
      'shift',
      'bake',
      'termination-wait',
      'terminate-blue',
      'complete',
    ]);
    expect(shifts(plan).map((phase) => phase.greenTrafficPercent)).toEqual([100]);
    expect(bakes(plan).map((phase) => phase.endSeconds - phase.startSeconds)).toEqual([600]);
    expect(plan.totalSeconds).toBe(PROVISION_SECONDS + 600);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html
  // TerminationWaitInSeconds: "Default is 0."
  it('uses a termination wait of 0 when TerminationWaitInSeconds is left out', () => {
    const plan = planDeployment(config, 4);
    const wait = plan.phases.find((phase) => phase.kind === 'termination-wait')!;
    expect(wait.endSeconds - wait.startSeconds).toBe(0);
    expect(plan.terminationWaitInSeconds).toBe(0);
  });

  // Same page: "Additional waiting time in seconds after the completion of an endpoint deployment
  // before terminating the old endpoint fleet."
  it('terminates blue only after the last bake plus TerminationWaitInSeconds', () => {
    const plan = planDeployment(
      { BlueGreenUpdatePolicy: { ...config.BlueGreenUpdatePolicy!, TerminationWaitInSeconds: 900 } },
      4,
    );
    const lastBake = bakes(plan).at(-1)!;
    const terminate = plan.phases.find((phase) => phase.kind === 'terminate-blue')!;
    expect(terminate.startSeconds).toBe(lastBake.endSeconds + 900);
    expect(plan.totalSeconds).toBe(PROVISION_SECONDS + 600 + 900);
  });
});

describe('planDeployment: blue/green canary', () => {
  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-canary.html
  // Two steps: the canary, a baking period, the rest of the traffic, a final baking period, then
  // blue is terminated.
  it('runs two shifts, each followed by a bake, on the worked example', () => {
    const plan = planDeployment(workedExample, 4);
    expect(plan.phases.map((phase) => phase.kind)).toEqual([
      'provision-green',
      'shift',
      'bake',
      'shift',
      'bake',
      'termination-wait',
      'terminate-blue',
      'complete',
    ]);
    expect(shifts(plan).map((phase) => [phase.instances, phase.greenTrafficPercent])).toEqual([
      [1, 25],
      [3, 100],
    ]);
    expect(shifts(plan).map((phase) => [phase.activeGreenInstances, phase.activeBlueInstances])).toEqual([
      [1, 3],
      [4, 0],
    ]);
    expect(plan.totalSeconds).toBe(PROVISION_SECONDS + 600 + 600 + 600);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html
  // The whole green fleet is provisioned first; blue is kept until it is terminated at the end.
  it('provisions the whole green fleet up front and keeps the whole blue fleet until the end', () => {
    const plan = planDeployment(workedExample, 4);
    expect(plan.phases[0]).toMatchObject({ kind: 'provision-green', greenInstances: 4, greenTrafficPercent: 0 });
    const beforeTermination = plan.phases.slice(
      0,
      plan.phases.findIndex((phase) => phase.kind === 'terminate-blue'),
    );
    expect(beforeTermination.every((phase) => phase.blueInstances === 4)).toBe(true);
    expect(plan.phases.at(-1)).toMatchObject({ blueInstances: 0, greenInstances: 4, greenTrafficPercent: 100 });
  });

  it('rounds a small canary percentage up to one instance, never zero', () => {
    const plan = planDeployment(blueGreen({ Type: 'CANARY', CanarySize: pct(10), WaitIntervalInSeconds: 60 }), 4);
    expect(plan.stepInstances).toEqual([1, 3]);
  });
});

describe('planDeployment: blue/green linear', () => {
  const linear = (size: CapacitySize) =>
    blueGreen({ Type: 'LINEAR', LinearStepSize: size, WaitIntervalInSeconds: 300 });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-linear.html
  // "n steps", "For each step, there is a baking period". The note: a 20% step gives five shifts.
  it('gives five shifts of 20%, each followed by a bake', () => {
    const plan = planDeployment(linear(pct(20)), 10);
    expect(shifts(plan).map((phase) => phase.greenTrafficPercent)).toEqual([20, 40, 60, 80, 100]);
    expect(bakes(plan)).toHaveLength(5);
    const kinds = plan.phases.map((phase) => phase.kind);
    kinds.forEach((kind, i) => {
      if (kind === 'shift') expect(kinds[i + 1]).toBe('bake');
    });
    expect(plan.totalSeconds).toBe(PROVISION_SECONDS + 5 * 300);
  });

  // Same page: "SageMaker AI deactivates the same size portion of the blue fleet".
  it('deactivates as many blue instances as it turns on green ones', () => {
    const plan = planDeployment(linear(count(2)), 6);
    for (const phase of shifts(plan)) expect(phase.activeBlueInstances + phase.activeGreenInstances).toBe(6);
    expect(shifts(plan).map((phase) => phase.activeBlueInstances)).toEqual([4, 2, 0]);
  });

  it('lets the last step take the remainder', () => {
    expect(planDeployment(linear(count(2)), 5).stepInstances).toEqual([2, 2, 1]);
    expect(planDeployment(linear(pct(30)), 10).stepInstances).toEqual([3, 3, 3, 1]);
  });
});

describe('planDeployment: rolling', () => {
  const rolling = (size: CapacitySize): DeploymentConfig => ({
    RollingUpdatePolicy: { MaximumBatchSize: size, WaitIntervalInSeconds: 600 },
  });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-rolling.html
  // Provision a batch, shift part of the traffic, bake, clean up a batch of old instances; repeat.
  it('provisions, shifts, bakes and cleans up batch by batch', () => {
    const plan = planDeployment(rolling(pct(25)), 8);
    expect(plan.strategy).toBe('ROLLING');
    expect(plan.stepInstances).toEqual([2, 2, 2, 2]);
    expect(plan.phases.slice(0, 4).map((phase) => phase.kind)).toEqual([
      'provision-batch',
      'shift',
      'bake',
      'terminate-blue',
    ]);
    const cleanups = plan.phases.filter((phase) => phase.kind === 'terminate-blue');
    expect(cleanups.map((phase) => phase.blueInstances)).toEqual([6, 4, 2, 0]);
    expect(shifts(plan).map((phase) => phase.greenTrafficPercent)).toEqual([25, 50, 75, 100]);
    expect(plan.totalSeconds).toBe(4 * (PROVISION_SECONDS + 600));
  });

  // Same page: old instances are cleaned up after each batch, so far fewer extra instances run.
  it('never runs more than the fleet plus one batch', () => {
    const plan = planDeployment(rolling(pct(25)), 8);
    const peak = Math.max(...plan.phases.map((phase) => phase.blueInstances + phase.greenInstances));
    expect(peak).toBe(10);
  });

  it('lets the last batch take the remainder and rounds percentages to at least one instance', () => {
    expect(planDeployment(rolling(count(3)), 10).stepInstances).toEqual([3, 3, 3, 1]);
    expect(planDeployment(rolling(pct(5)), 10).stepInstances).toEqual(Array(10).fill(1));
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
  // RollbackMaximumBatchSize: "If this field is absent, the default value will be set to 100% of
  // total capacity".
  it('defaults RollbackMaximumBatchSize to 100% of the fleet', () => {
    expect(planDeployment(rolling(pct(25)), 8).rollbackBatchInstances).toBe(8);
  });
});

describe('planDeployment: rounding and invalid configs', () => {
  it('never produces a 0-instance step, and the steps always add up to the fleet', () => {
    for (let n = 2; n <= 40; n += 1) {
      const configs: DeploymentConfig[] = [];
      for (let p = 1; p <= 50; p += 1) {
        configs.push(blueGreen({ Type: 'CANARY', CanarySize: pct(p), WaitIntervalInSeconds: 0 }));
        if (p >= 10) configs.push(blueGreen({ Type: 'LINEAR', LinearStepSize: pct(p), WaitIntervalInSeconds: 0 }));
        if (p >= 5) configs.push({ RollingUpdatePolicy: { MaximumBatchSize: pct(p), WaitIntervalInSeconds: 0 } });
      }
      for (const config of configs) {
        const plan = planDeployment(config, n);
        expect(plan.stepInstances.every((instances) => instances >= 1)).toBe(true);
        expect(plan.stepInstances.reduce((sum, instances) => sum + instances, 0)).toBe(n);
        expect(shifts(plan).every((phase) => (phase.instances ?? 0) >= 1)).toBe(true);
      }
    }
  });

  it('converts CAPACITY_PERCENT by rounding down, with a floor of one instance', () => {
    expect(capacityToInstances(pct(50), 3)).toBe(1);
    expect(capacityToInstances(pct(10), 4)).toBe(1);
    expect(capacityToInstances(pct(25), 10)).toBe(2);
    expect(capacityToInstances(pct(100), 7)).toBe(7);
    expect(capacityToInstances(count(12), 7)).toBe(7);
  });

  it('refuses to plan a config with errors, but plans one with only warnings', () => {
    expect(() =>
      planDeployment(blueGreen({ Type: 'CANARY', CanarySize: count(3), WaitIntervalInSeconds: 0 }), 4),
    ).toThrow(DeploymentConfigError);
    const warnedOnly: DeploymentConfig = {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 600 },
        MaximumExecutionTimeoutInSeconds: 600,
      },
    };
    expect(validateDeploymentConfig(warnedOnly, 2).map((issue) => issue.severity)).toEqual(['warning']);
    expect(planDeployment(warnedOnly, 2).totalSeconds).toBe(PROVISION_SECONDS + 600);
  });
});

describe('simulateDeployment: blue/green', () => {
  const plan = planDeployment(workedExample, 4);

  it('completes with green serving everything and blue terminated when no alarm fires', () => {
    const run = simulateDeployment(plan);
    expect(run.outcome).toBe('completed');
    expect(run.snapshots[0]).toMatchObject({ t: 0, phase: 'start', blueInstances: 4, greenTrafficPercent: 0 });
    expect(run.snapshots).toHaveLength(plan.phases.length + 1);
    expect(run.snapshots.at(-1)).toMatchObject({
      t: 2100,
      phase: 'complete',
      blueInstances: 0,
      greenInstances: 4,
      greenTrafficPercent: 100,
    });
    expect(run.endSeconds).toBe(2100);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-canary.html
  // "If any alarms trip during the baking period ... all traffic shifts back to the blue fleet."
  it('sends 100% of traffic back to blue when an alarm trips during the canary bake', () => {
    const run = simulateDeployment(plan, { alarmAtSeconds: 600 });
    expect(run.outcome).toBe('rolled-back');
    const alarm = run.snapshots.find((snapshot) => snapshot.phase === 'alarm')!;
    expect(alarm).toMatchObject({ t: 600, greenTrafficPercent: 25, activeGreenInstances: 1 });
    expect(run.snapshots.at(-1)).toMatchObject({
      t: 600,
      phase: 'rolled-back',
      blueInstances: 4,
      activeBlueInstances: 4,
      greenInstances: 0,
      greenTrafficPercent: 0,
    });
    expect(run.snapshots.some((snapshot) => snapshot.phase === 'terminate-blue')).toBe(false);
    expect(run.explanation).toMatch(/100% of traffic from 25% on green back to blue/);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-linear.html
  // "If alarms trip during any of the baking periods, 100% of the endpoint traffic rolls back to
  // the blue fleet." Not just the last step's share.
  it('rolls all traffic back from a late linear step, not just the last step', () => {
    const linear = planDeployment(
      { ...blueGreen({ Type: 'LINEAR', LinearStepSize: pct(20), WaitIntervalInSeconds: 300 }), ...alarms },
      10,
    );
    const run = simulateDeployment(linear, { alarmAtSeconds: PROVISION_SECONDS + 3 * 300 + 10 }); // 4th bake
    expect(run.snapshots.find((snapshot) => snapshot.phase === 'alarm')?.greenTrafficPercent).toBe(80);
    const back = run.snapshots.filter((snapshot) => snapshot.phase === 'rollback-shift');
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ greenTrafficPercent: 0, activeBlueInstances: 10 });
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html
  // Blue is terminated only after TerminationWaitInSeconds, so it is still there to roll back to.
  it('still rolls back during the termination wait, while blue is up', () => {
    const run = simulateDeployment(plan, { alarmAtSeconds: 1800 });
    expect(run.outcome).toBe('rolled-back');
    expect(run.snapshots.at(-1)).toMatchObject({ greenTrafficPercent: 0, activeBlueInstances: 4 });
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoRollbackConfig.html
  // "If any alarms are tripped during a deployment, SageMaker rolls back the deployment."
  it('ignores an alarm after completion and says why', () => {
    const run = simulateDeployment(plan, { alarmAtSeconds: 2100 });
    expect(run.outcome).toBe('completed');
    expect(run.snapshots.at(-1)).toMatchObject({ t: 2100, phase: 'alarm', greenTrafficPercent: 100, blueInstances: 0 });
    expect(run.snapshots.at(-1)?.event).toMatch(/after the deployment finished/);
    expect(run.explanation).toMatch(/already finished.*only watches alarms during the deployment/);
    expect(simulateDeployment(plan, { alarmAtSeconds: 5000 }).endSeconds).toBe(5000);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html
  // Auto-rollback is driven by the alarms you list; with none listed nothing triggers it.
  it('does not roll back when no alarms are attached', () => {
    const noAlarms = planDeployment({ BlueGreenUpdatePolicy: workedExample.BlueGreenUpdatePolicy! }, 4);
    const run = simulateDeployment(noAlarms, { alarmAtSeconds: 600 });
    expect(run.outcome).toBe('completed');
    expect(run.snapshots.find((snapshot) => snapshot.phase === 'alarm')).toMatchObject({
      t: 600,
      greenTrafficPercent: 25,
    });
    expect(run.explanation).toMatch(/lists no alarms/);
  });

  it('is deterministic and rejects a negative alarm time', () => {
    expect(simulateDeployment(plan, { alarmAtSeconds: 700 })).toEqual(
      simulateDeployment(plan, { alarmAtSeconds: 700 }),
    );
    expect(() => simulateDeployment(plan, { alarmAtSeconds: -1 })).toThrow(RangeError);
  });
});

describe('simulateDeployment: timeout', () => {
  // Two 600 s bakes (1200 s of waits) under a 1300 s timeout: valid, but with the 300 s
  // provisioning assumption the deployment needs 1500 s.
  const config: DeploymentConfig = {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: { Type: 'LINEAR', LinearStepSize: pct(50), WaitIntervalInSeconds: 600 },
      MaximumExecutionTimeoutInSeconds: 1300,
    },
    ...alarms,
  };

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
  // MaximumExecutionTimeoutInSeconds: "Exceeding this limit causes a timeout." The docs don't say
  // what follows; the simulator treats it as a rollback.
  it('times out at the limit and rolls back', () => {
    expect(validateDeploymentConfig(config, 4)).toEqual([]);
    const run = simulateDeployment(planDeployment(config, 4));
    expect(run.outcome).toBe('timed-out');
    expect(run.snapshots.find((snapshot) => snapshot.phase === 'timeout')).toMatchObject({
      t: 1300,
      greenTrafficPercent: 100,
    });
    expect(run.snapshots.at(-1)).toMatchObject({ phase: 'rolled-back', greenTrafficPercent: 0, greenInstances: 0 });
    expect(run.explanation).toMatch(/assumes SageMaker then rolls back/);
  });

  it('lets an earlier alarm win, and ignores an alarm after the timeout', () => {
    const plan = planDeployment(config, 4);
    expect(simulateDeployment(plan, { alarmAtSeconds: 400 }).outcome).toBe('rolled-back');
    const late = simulateDeployment(plan, { alarmAtSeconds: 1400 });
    expect(late.outcome).toBe('timed-out');
    expect(late.explanation).toMatch(/after the timeout had already stopped the deployment/);
  });

  it('does not time out when the deployment finishes exactly on the limit', () => {
    const exact = structuredClone(config);
    exact.BlueGreenUpdatePolicy!.MaximumExecutionTimeoutInSeconds = 1500;
    expect(simulateDeployment(planDeployment(exact, 4)).outcome).toBe('completed');
  });
});

describe('simulateDeployment: rolling rollback', () => {
  const rolling = (rollbackSize?: CapacitySize): DeploymentConfig => ({
    RollingUpdatePolicy: {
      MaximumBatchSize: pct(25),
      WaitIntervalInSeconds: 600,
      ...(rollbackSize ? { RollbackMaximumBatchSize: rollbackSize } : {}),
    },
    ...alarms,
  });
  const duringThirdBake = 3 * PROVISION_SECONDS + 2 * 600 + 300;

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CapacitySize.html
  // "For a rollback strategy, if you don't specify the fields in this object, or if you set the
  // Value to 100%, then SageMaker uses a blue/green rollback strategy and rolls all traffic back."
  it('brings the whole old fleet back at once by default', () => {
    const run = simulateDeployment(planDeployment(rolling(), 8), { alarmAtSeconds: duringThirdBake });
    expect(run.outcome).toBe('rolled-back');
    expect(run.snapshots.find((snapshot) => snapshot.phase === 'alarm')).toMatchObject({
      blueInstances: 4,
      activeBlueInstances: 2,
      greenInstances: 6,
      greenTrafficPercent: 75,
    });
    const back = run.snapshots.filter((snapshot) => snapshot.phase === 'rollback-shift');
    expect(back.map((snapshot) => snapshot.greenTrafficPercent)).toEqual([0]);
    expect(run.snapshots.at(-1)).toMatchObject({ blueInstances: 8, activeBlueInstances: 8, greenInstances: 0 });
    // The 4 cleaned-up old instances have to be provisioned again.
    expect(run.endSeconds).toBe(duringThirdBake + PROVISION_SECONDS);
    expect(run.explanation).toMatch(/100% \(its default\)/);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html
  // RollbackMaximumBatchSize: "Each rolling step to provision capacity and turn on traffic on the
  // old endpoint fleet, and terminate capacity on the new endpoint fleet."
  it('moves traffic back in RollbackMaximumBatchSize steps, terminating new capacity each time', () => {
    const run = simulateDeployment(planDeployment(rolling(count(2)), 8), { alarmAtSeconds: duringThirdBake });
    const back = run.snapshots.filter((snapshot) => snapshot.phase === 'rollback-shift');
    expect(back.map((snapshot) => snapshot.greenTrafficPercent)).toEqual([50, 25, 0]);
    const terminated = run.snapshots.filter((snapshot) => snapshot.phase === 'rollback-terminate-green');
    expect(terminated.map((snapshot) => snapshot.greenInstances)).toEqual([4, 2, 0]);
    expect(run.snapshots.filter((snapshot) => snapshot.phase === 'rollback-provision-blue')).toHaveLength(2);
    expect(run.endSeconds).toBe(duringThirdBake + 2 * PROVISION_SECONDS);
  });
});

describe('toUpdateEndpointRequest', () => {
  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html
  it('builds the request body of the worked example', () => {
    const request = toUpdateEndpointRequest('churn-endpoint', 'churn-config-v2', workedExample);
    expect(request).toEqual({
      EndpointName: 'churn-endpoint',
      EndpointConfigName: 'churn-config-v2',
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            CanarySize: { Type: 'CAPACITY_PERCENT', Value: 25 },
            WaitIntervalInSeconds: 600,
          },
          TerminationWaitInSeconds: 600,
          MaximumExecutionTimeoutInSeconds: 3600,
        },
        AutoRollbackConfiguration: {
          Alarms: [{ AlarmName: 'churn-endpoint-5xx-errors' }, { AlarmName: 'churn-endpoint-new-fleet-latency' }],
        },
      },
    });
    expect(JSON.parse(JSON.stringify(request))).toEqual(request);
    expect(request.DeploymentConfig).toEqual(workedExample);
  });

  it('keeps only the fields that were set', () => {
    const config = {
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1, note: 'ui-only' },
        WaitIntervalInSeconds: 0,
        MaximumExecutionTimeoutInSeconds: undefined,
        RollbackMaximumBatchSize: undefined,
      },
      BlueGreenUpdatePolicy: undefined,
    } as unknown as DeploymentConfig;
    const request = toUpdateEndpointRequest('e', 'c', config);
    expect(JSON.stringify(request)).toBe(
      '{"EndpointName":"e","EndpointConfigName":"c","DeploymentConfig":{"RollingUpdatePolicy":' +
        '{"MaximumBatchSize":{"Type":"INSTANCE_COUNT","Value":1},"WaitIntervalInSeconds":0}}}',
    );
    expect(toUpdateEndpointRequest('e', 'c', {})).toEqual({ EndpointName: 'e', EndpointConfigName: 'c' });
  });
});

describe('shadow tests', () => {
  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ShadowModelVariantConfig.html
  // SamplingPercentage: "Type: Integer. Valid Range: Maximum value of 100."
  it('validates SamplingPercentage as a whole number from 1 to 100', () => {
    expect(validateSamplingPercent(1)).toEqual([]);
    expect(validateSamplingPercent(100)).toEqual([]);
    for (const bad of [0, 101, 12.5, -3]) {
      const issues = validateSamplingPercent(bad);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.field).toBe('ShadowModelVariantConfig.SamplingPercentage');
      expect(issues[0]?.message).toMatch(new RegExp(`from 1 to 100 .*got ${bad}\\.$`));
    }
  });

  // https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-create.html
  // The production variant receives and responds to 100% of requests; the shadow variant gets a
  // copy of a percentage of them and returns no response.
  it('copies an evenly spread share of requests and always answers from production', () => {
    const routing = routeShadowRequests(200, 25);
    expect(routing.shadowCopies).toBe(50);
    expect(routing.productionResponses).toBe(200);
    expect(routing.routes.every((route) => route.respondedBy === 'production')).toBe(true);
    for (let i = 0; i < 200; i += 4) {
      expect(routing.routes.slice(i, i + 4).filter((route) => route.copiedToShadow)).toHaveLength(1);
    }
    expect(routeShadowRequests(7, 100).shadowCopies).toBe(7);
    expect(routeShadowRequests(99, 1).shadowCopies).toBe(0);
    expect(routeShadowRequests(100, 1).routes.findIndex((route) => route.copiedToShadow)).toBe(99);
  });

  it('samples reproducibly from a seed, close to the percentage', () => {
    const a = routeShadowRequests(10_000, 30, 42);
    expect(routeShadowRequests(10_000, 30, 42)).toEqual(a);
    expect(routeShadowRequests(10_000, 30, 7).routes).not.toEqual(a.routes);
    expect(a.shadowCopies).toBeGreaterThan(2800);
    expect(a.shadowCopies).toBeLessThan(3200);
    expect(a.productionResponses).toBe(10_000);
  });

  it('refuses an invalid sampling percentage or request count', () => {
    expect(() => routeShadowRequests(10, 0)).toThrow(RangeError);
    expect(() => routeShadowRequests(10, 101)).toThrow(RangeError);
    expect(() => routeShadowRequests(-1, 50)).toThrow(RangeError);
  });
});
