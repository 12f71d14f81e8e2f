/**
 * Simulation: replays a plan, stopping it where a CloudWatch alarm or the execution timeout
 * does, and rolls it back as SageMaker would, with a plain-English account of what happened.
 *
 * Simulation assumptions (choices of this simulator, not AWS numbers): rollback steps take no
 * baking period; re-provisioning terminated old instances takes PROVISION_SECONDS.
 */
import { trafficPercent } from './capacity.ts';
import { formatDuration, formatPercent, plural } from './format.ts';
import { initialFleet, type DeploymentPlan, type FleetState, type PhaseKind } from './plan.ts';
import { PROVISION_SECONDS, type TrafficRoutingType } from './types.ts';

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

  const snapshots: DeploymentSnapshot[] = [{ t: 0, phase: 'start', ...initialFleet(plan.instanceCount) }];
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
    const before = last ? stateOf(last) : initialFleet(plan.instanceCount);
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
      const state = base ? stateOf(base) : initialFleet(plan.instanceCount);
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
