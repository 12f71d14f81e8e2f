/**
 * What the simulator shows for a form: issues, chart, outcome, phases, table and request, as
 * markup. The build draws the default scenario with it and the island every change after, so the
 * markup is written once.
 */
import { escapeXml } from '../escape-xml.ts';
import { chartRows, renderDeploymentChart, CHART_GEOMETRY } from './deployment-chart.ts';
import { formatDuration } from './format.ts';
import { planDeployment, type DeploymentPlan } from './plan.ts';
import { toUpdateEndpointRequest } from './request.ts';
import { simulateDeployment } from './simulation.ts';
import { INSTANCE_COUNT_BOUNDS, toDeploymentConfig, type SimulatorForm } from './simulator-form.ts';
import type { ValidationIssue } from './types.ts';
import { validateDeploymentConfig } from './validation.ts';

/** The alarm slider moves in steps of this many seconds. */
export const ALARM_STEP_SECONDS = 30;

/** The names the `UpdateEndpoint` request shows: an example endpoint and its new config. */
const ENDPOINT_NAME = 'churn-endpoint';
const ENDPOINT_CONFIG_NAME = 'churn-config-v2';

const POLICY_TITLES: Record<SimulatorForm['policy'], string> = {
  ALL_AT_ONCE: 'All at once deployment timeline',
  CANARY: 'Canary deployment timeline',
  LINEAR: 'Linear deployment timeline',
  ROLLING: 'Rolling deployment timeline',
};

export interface SimulatorView {
  /** Every issue, for marking the fields they are about; `issuesHtml` lists them. */
  issues: ValidationIssue[];
  issuesHtml: string;
  /** The plan drawn; undefined while an error stops planning (nothing of an older plan is shown then). */
  plan: DeploymentPlan | undefined;
  /** The alarm moment drawn: the one asked for, brought within the plan. */
  alarmAtSeconds: number | undefined;
  chartHtml: string;
  outcome: string;
  phasesHtml: string;
  tableRowsHtml: string;
  requestJson: string;
}

export interface ViewOptions {
  /** When the alarm goes off; undefined until the learner trips it. */
  alarmAtSeconds?: number | undefined;
  /** The width the chart is drawn at: the build's default, or the width of its box on the page. */
  chartWidth?: number;
}

/** Validates, plans, simulates and renders `form`. */
export function renderSimulatorView(form: SimulatorForm, options: ViewOptions = {}): SimulatorView {
  const config = toDeploymentConfig(form);
  const issues = validateDeploymentConfig(config, form.instanceCount, {
    maxInstanceCount: INSTANCE_COUNT_BOUNDS.max,
  });
  const issuesHtml = issues
    .map((issue) =>
      issue.severity === 'error'
        ? `<li class="sim-issue-error">Error: ${escapeXml(issue.message)}</li>`
        : `<li class="sim-issue-warning">Warning: ${escapeXml(issue.message)}</li>`,
    )
    .join('');
  const requestJson = JSON.stringify(toUpdateEndpointRequest(ENDPOINT_NAME, ENDPOINT_CONFIG_NAME, config), null, 2);

  if (issues.some((issue) => issue.severity === 'error')) {
    return {
      issues,
      issuesHtml,
      plan: undefined,
      alarmAtSeconds: options.alarmAtSeconds,
      chartHtml: '<p class="sim-no-plan">No timeline while a value is invalid.</p>',
      outcome: 'Fix the errors above to see the deployment.',
      phasesHtml: '',
      tableRowsHtml: '',
      requestJson,
    };
  }

  const plan = planDeployment(config, form.instanceCount);
  const alarmAtSeconds =
    options.alarmAtSeconds === undefined ? undefined : Math.min(options.alarmAtSeconds, plan.totalSeconds);
  const simulation = simulateDeployment(plan, alarmAtSeconds === undefined ? {} : { alarmAtSeconds });
  const chartHtml = renderDeploymentChart(simulation, form.instanceCount, {
    ...CHART_GEOMETRY,
    width: options.chartWidth ?? CHART_GEOMETRY.width,
    title: POLICY_TITLES[form.policy],
    alarmAtSeconds,
    // The whole plan stays on the time axis, so an early alarm shows how far the deployment got.
    axisEndSeconds: plan.totalSeconds,
  });
  const cell = (text: string) => `<td>${escapeXml(text)}</td>`;
  return {
    issues,
    issuesHtml,
    plan,
    alarmAtSeconds,
    chartHtml,
    outcome: simulation.explanation,
    phasesHtml: plan.phases.map((phase) => `<li>${escapeXml(phase.description)}</li>`).join(''),
    tableRowsHtml: chartRows(simulation)
      .map(
        (row) =>
          `<tr>${[row.time, row.phase, row.greenTraffic, row.blue, row.green, row.event].map(cell).join('')}</tr>`,
      )
      .join(''),
    requestJson,
  };
}

/**
 * Where the alarm slider starts: in the middle of the first baking period, the moment the
 * guardrails are there for (an alarm at 0 s would roll back a deployment that had not started).
 */
export function defaultAlarmSeconds(plan: DeploymentPlan): number {
  const bake = plan.phases.find((phase) => phase.kind === 'bake' && phase.endSeconds > phase.startSeconds);
  const moment = bake ? (bake.startSeconds + bake.endSeconds) / 2 : plan.totalSeconds / 2;
  return Math.floor(moment / ALARM_STEP_SECONDS) * ALARM_STEP_SECONDS;
}

/** The slider's reading: "10 min of 30 min". */
export function alarmTimeText(alarmAtSeconds: number, plan: DeploymentPlan | undefined): string {
  return `${formatDuration(alarmAtSeconds)}${plan ? ` of ${formatDuration(plan.totalSeconds)}` : ''}`;
}
