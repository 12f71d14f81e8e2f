import { describe, expect, it } from 'vitest';
import { renderDeploymentChart } from '../../../src/lib/guardrails/deployment-chart.ts';
import { planDeployment } from '../../../src/lib/guardrails/plan.ts';
import { renderShadowView } from '../../../src/lib/guardrails/shadow-view.ts';
import { simulateDeployment } from '../../../src/lib/guardrails/simulation.ts';
import { DEFAULT_FORM, toDeploymentConfig, type SimulatorForm } from '../../../src/lib/guardrails/simulator-form.ts';
import { alarmTimeText, defaultAlarmSeconds, renderSimulatorView } from '../../../src/lib/guardrails/simulator-view.ts';
import type { CapacitySize } from '../../../src/lib/guardrails/types.ts';
import { validateDeploymentConfig } from '../../../src/lib/guardrails/validation.ts';

const pct = (Value: number): CapacitySize => ({ Type: 'CAPACITY_PERCENT', Value });
const count = (Value: number): CapacitySize => ({ Type: 'INSTANCE_COUNT', Value });
const messages = (form: SimulatorForm) => renderSimulatorView(form).issues.map((issue) => issue.message);

describe('an emptied field', () => {
  it('asks for a whole number within that field’s bounds, never "NaN"', () => {
    const cases: [Partial<SimulatorForm>, string][] = [
      [{ instanceCount: Number.NaN }, "The variant's instance count is empty. Enter a whole number from 1 to 100."],
      [{ waitIntervalInSeconds: Number.NaN }, 'WaitIntervalInSeconds is empty. Enter a whole number from 0 to 3600.'],
      [
        { terminationWaitInSeconds: Number.NaN },
        'TerminationWaitInSeconds is empty. Enter a whole number from 0 to 3600.',
      ],
      [
        { maximumExecutionTimeoutInSeconds: Number.NaN },
        'MaximumExecutionTimeoutInSeconds is empty. Enter a whole number from 600 to 28800.',
      ],
      [{ canarySize: pct(Number.NaN) }, 'CanarySize is empty. Enter a whole number from 1 to 50 (% of the fleet).'],
      [{ canarySize: count(Number.NaN) }, 'CanarySize is empty. Enter a whole number from 1 to 2 (instances).'],
      [
        { policy: 'LINEAR', instanceCount: 20, linearStepSize: count(Number.NaN) },
        'LinearStepSize is empty. Enter a whole number from 2 to 10 (instances).',
      ],
      [
        { policy: 'ROLLING', maximumBatchSize: pct(Number.NaN) },
        'MaximumBatchSize is empty. Enter a whole number from 5 to 50 (% of the fleet).',
      ],
      [
        { policy: 'ROLLING', rollbackMaximumBatchSize: count(Number.NaN) },
        'RollbackMaximumBatchSize is empty. Enter a whole number from 1 to 4 (instances).',
      ],
    ];
    for (const [change, message] of cases) {
      expect(messages({ ...DEFAULT_FORM, ...change })).toEqual([message]);
    }
  });

  it('keeps the API’s own bounds when the caller sets no maximum fleet size', () => {
    expect(validateDeploymentConfig({}, Number.NaN)[0]?.message).toBe(
      "The variant's instance count is empty. Enter a whole number of at least 1.",
    );
    expect(validateDeploymentConfig({}, 500)).toEqual([]);
    expect(messages({ ...DEFAULT_FORM, instanceCount: 101 })).toEqual([
      "The variant's instance count must be a whole number from 1 to 100; got 101.",
    ]);
  });
});

describe('the simulator view', () => {
  it('draws the default scenario: chart, phases, table and request', () => {
    const view = renderSimulatorView(DEFAULT_FORM);
    expect(view.issuesHtml).toBe('');
    expect(view.plan?.totalSeconds).toBe(1800);
    expect(view.chartHtml).toMatch(/^<svg [^>]*aria-label="Canary deployment timeline"/);
    expect(view.phasesHtml.match(/<li>/g)).toHaveLength(view.plan!.phases.length);
    expect(view.phasesHtml).toContain('<li>Turn on the canary (1 green instance): green takes 25% of traffic.</li>');
    expect(view.tableRowsHtml.match(/<tr>/g)).toHaveLength(view.plan!.phases.length + 1);
    expect(JSON.parse(view.requestJson)).toEqual({
      EndpointName: 'churn-endpoint',
      EndpointConfigName: 'churn-config-v2',
      DeploymentConfig: toDeploymentConfig(DEFAULT_FORM),
    });
    expect(view.outcome).toMatch(/^The blue\/green canary deployment completed at 30 min/);
  });

  it('shows nothing of a plan while a value is invalid', () => {
    const view = renderSimulatorView({ ...DEFAULT_FORM, canarySize: pct(75) });
    expect(view.plan).toBeUndefined();
    expect(view.phasesHtml).toBe('');
    expect(view.tableRowsHtml).toBe('');
    expect(view.chartHtml).not.toContain('<svg');
    expect(view.outcome).toBe('Fix the errors above to see the deployment.');
    expect(view.issuesHtml).toBe(
      '<li class="sim-issue-error">Error: CanarySize must be at most 50% of the fleet; got 75%.</li>',
    );
  });

  it('keeps the whole plan on the time axis when an alarm stops it early, and the alarm within the plan', () => {
    const early = renderSimulatorView(DEFAULT_FORM, { alarmAtSeconds: 600 });
    expect(early.outcome).toMatch(/went into ALARM at 10 min during "Baking period/);
    expect(early.chartHtml).toContain('>30 min</text>');
    const late = renderSimulatorView(DEFAULT_FORM, { alarmAtSeconds: 99_999 });
    expect(late.alarmAtSeconds).toBe(1800);
  });

  it('draws the chart at the width it is given', () => {
    expect(renderSimulatorView(DEFAULT_FORM, { chartWidth: 300 }).chartHtml).toContain('viewBox="0 0 300 320"');
  });

  it('starts the alarm slider in the middle of the first baking period', () => {
    const plan = planDeployment(toDeploymentConfig(DEFAULT_FORM), 4);
    expect(defaultAlarmSeconds(plan)).toBe(600);
    expect(alarmTimeText(600, plan)).toBe('10 min of 30 min');
    const noBake = planDeployment(toDeploymentConfig({ ...DEFAULT_FORM, waitIntervalInSeconds: 0 }), 4);
    expect(defaultAlarmSeconds(noBake)).toBe(Math.floor(noBake.totalSeconds / 2 / 30) * 30);
  });
});

describe('the deployment chart’s layout', () => {
  const plan = planDeployment(toDeploymentConfig(DEFAULT_FORM), 4);
  const chart = (alarmAtSeconds: number, width = 640) =>
    renderDeploymentChart(simulateDeployment(plan, { alarmAtSeconds }), 4, {
      width,
      height: 320,
      title: 'Canary',
      alarmAtSeconds,
      axisEndSeconds: plan.totalSeconds,
    });
  const attributes = (svg: string, className: string) =>
    [...svg.matchAll(new RegExp(`<text class="${className}" ([^>]*)>`, 'g'))].map((match) =>
      Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
    );

  it('puts the alarm label in a lane of its own, above the panel titles', () => {
    for (const at of [0, 900, 1800]) {
      const svg = chart(at);
      const [alarm] = attributes(svg, 'sim-alarm-label');
      const titles = attributes(svg, 'sim-panel-title');
      for (const title of titles) expect(Number(title.y) - Number(alarm!.y)).toBeGreaterThanOrEqual(16);
    }
  });

  it('turns the alarm label inwards at the right edge', () => {
    expect(attributes(chart(0), 'sim-alarm-label')[0]).toMatchObject({ 'text-anchor': 'start' });
    expect(attributes(chart(1800), 'sim-alarm-label')[0]).toMatchObject({ 'text-anchor': 'end' });
  });

  it('gives a narrow chart fewer time ticks', () => {
    expect(attributes(chart(0, 640), 'sim-tick').length).toBeGreaterThan(attributes(chart(0, 300), 'sim-tick').length);
  });

  it('draws each blue line after the green ones, so blue dashes show where the fleets are equal', () => {
    const svg = chart(0);
    expect(svg.lastIndexOf('sim-line-green')).toBeLessThan(svg.indexOf('sim-line-blue'));
  });
});

describe('the shadow demo view', () => {
  it('routes the default 25% of 20 requests', () => {
    const view = renderShadowView(20, 25);
    expect(view.error).toBe('');
    expect(view.summary).toBe(
      '20 of 20 requests answered by production; 5 copies sent to the shadow variant, whose responses are discarded.',
    );
    expect(view.requestsHtml.match(/<li/g)).toHaveLength(20);
    expect(view.requestsHtml.match(/class="is-copied"/g)).toHaveLength(5);
  });

  it('asks for a whole number from 1 to 100 when emptied, and shows no older routing', () => {
    const view = renderShadowView(20, Number.NaN);
    expect(view.error).toBe('SamplingPercentage is empty. Enter a whole number from 1 to 100.');
    expect(view.requestsHtml).toBe('');
    expect(renderShadowView(20, 0).error).toMatch(/from 1 to 100 .*got 0\.$/);
  });
});
