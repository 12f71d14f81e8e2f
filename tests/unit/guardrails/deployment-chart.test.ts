import { describe, expect, it } from 'vitest';
import { planDeployment } from '../../../src/lib/guardrails/plan.ts';
import { simulateDeployment } from '../../../src/lib/guardrails/simulation.ts';
import { validateDeploymentConfig } from '../../../src/lib/guardrails/validation.ts';
import { escapeXml } from '../../../src/lib/escape-xml.ts';
import { chartRows, renderDeploymentChart, stepPath, timeTicks } from '../../../src/lib/guardrails/deployment-chart.ts';
import { parseNumber } from '../../../src/lib/guardrails/number-input.ts';
import { DEFAULT_FORM, capacity, toDeploymentConfig } from '../../../src/lib/guardrails/simulator-form.ts';

describe('simulator form to DeploymentConfig', () => {
  it('turns the default canary scenario into a valid UpdateEndpoint DeploymentConfig', () => {
    const config = toDeploymentConfig(DEFAULT_FORM);
    expect(config).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'CANARY',
          WaitIntervalInSeconds: 600,
          CanarySize: { Type: 'CAPACITY_PERCENT', Value: 25 },
        },
        TerminationWaitInSeconds: 300,
        MaximumExecutionTimeoutInSeconds: 7200,
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'churn-endpoint-5xx-errors' }] },
    });
    expect(
      validateDeploymentConfig(config, DEFAULT_FORM.instanceCount).filter((issue) => issue.severity === 'error'),
    ).toEqual([]);
  });

  it('writes a rolling policy without blue/green fields, and leaves out what is unset', () => {
    const config = toDeploymentConfig({
      ...DEFAULT_FORM,
      policy: 'ROLLING',
      alarmNames: [],
      maximumExecutionTimeoutInSeconds: undefined,
    });
    expect(config).toEqual({
      RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 }, WaitIntervalInSeconds: 600 },
    });
  });

  it('reads empty fields as NaN so validation reports them', () => {
    expect(parseNumber('')).toBeNaN();
    expect(capacity('INSTANCE_COUNT', '3')).toEqual({ Type: 'INSTANCE_COUNT', Value: 3 });
    expect(capacity('bogus', '3').Type).toBe('CAPACITY_PERCENT');
  });
});

describe('deployment chart', () => {
  const plan = planDeployment(toDeploymentConfig(DEFAULT_FORM), 4);

  it('draws a step line that holds each value until the next snapshot', () => {
    const snapshots = simulateDeployment(plan).snapshots;
    const path = stepPath(
      snapshots,
      (snapshot) => snapshot.greenTrafficPercent,
      (t) => t,
      (v) => 100 - v,
      3000,
    );
    expect(path.startsWith('M0.0,100.0')).toBe(true);
    expect(path).toMatch(/ V75\.0 /); // the canary: 25% of traffic on green
    expect(path.endsWith('H3000.0')).toBe(true);
  });

  it('marks the alarm and labels both panels, escaping the title', () => {
    const simulation = simulateDeployment(plan, { alarmAtSeconds: 700 });
    const svg = renderDeploymentChart(simulation, 4, {
      width: 640,
      height: 300,
      title: 'Canary <rollback>',
      alarmAtSeconds: 700,
    });
    expect(svg).toContain('aria-label="Canary &lt;rollback&gt;"');
    expect(svg).toContain('class="sim-alarm"');
    expect(svg).toContain('Traffic on the green (new) fleet');
    expect(svg).not.toContain('style=');
  });

  it('gives a table row per moment, ending with the rollback when an alarm trips', () => {
    const rows = chartRows(simulateDeployment(plan, { alarmAtSeconds: 700 }));
    expect(rows[0]).toEqual(expect.objectContaining({ phase: 'start', greenTraffic: '0%' }));
    expect(rows.at(-1)!.greenTraffic).toBe('0%');
    expect(rows.some((row) => row.phase === 'alarm')).toBe(true);
  });

  it('picks readable time ticks and escapes text', () => {
    expect(timeTicks(1800)).toEqual([0, 300, 600, 900, 1200, 1500, 1800]);
    expect(timeTicks(200)).toEqual([0, 60, 120, 180]);
    expect(escapeXml(`"a" & <b> 'c'`)).toBe('&quot;a&quot; &amp; &lt;b&gt; &#39;c&#39;');
  });
});
