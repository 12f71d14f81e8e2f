import { formatDuration } from '../../lib/guardrails/format.ts';
import { planDeployment, type DeploymentPlan } from '../../lib/guardrails/plan.ts';
import { toUpdateEndpointRequest } from '../../lib/guardrails/request.ts';
import { simulateDeployment } from '../../lib/guardrails/simulation.ts';
import type { ValidationIssue } from '../../lib/guardrails/types.ts';
import { DeploymentConfigError, validateDeploymentConfig } from '../../lib/guardrails/validation.ts';
import { chartRows, renderDeploymentChart } from '../../lib/guardrails/deployment-chart.ts';
import { capacity, parseNumber, toDeploymentConfig, type SimulatorForm } from '../../lib/guardrails/simulator-form.ts';

/**
 * The interactive guardrails simulator. It upgrades the server-rendered default scenario: every
 * change re-validates the config against the documented limits, re-plans and re-draws; the
 * alarm controls replay the same plan with an alarm at a chosen moment.
 */
class GuardrailsSimulator extends HTMLElement {
  #form!: HTMLElement;
  #alarmAt: number | undefined;
  #plan: DeploymentPlan | undefined;

  connectedCallback(): void {
    this.#form = this.querySelector('.sim-form')!;
    this.#form.hidden = false;
    this.#form.addEventListener('input', (event) => {
      if ((event.target as HTMLInputElement).name === 'alarmAt') this.#showAlarmTime();
      else this.#update();
    });
    this.querySelector('.sim-trip')!.addEventListener('click', () => {
      this.#alarmAt = Number(this.#input('alarmAt').value);
      this.#update();
    });
    this.querySelector('.sim-clear')!.addEventListener('click', () => {
      this.#alarmAt = undefined;
      this.#update();
    });
    const copy = this.querySelector<HTMLButtonElement>('.sim-copy')!;
    if (navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', async () => {
        await navigator.clipboard.writeText(this.querySelector('.sim-json-code')!.textContent ?? '');
        copy.textContent = 'Copied';
        setTimeout(() => (copy.textContent = 'Copy JSON'), 2000);
      });
    }
    this.#update();
  }

  #input(name: string): HTMLInputElement {
    return this.#form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  }

  #readForm(): SimulatorForm {
    const value = (name: string) => this.#input(name).value;
    const rollback = value('RollbackMaximumBatchSize.Value').trim();
    const timeout = value('MaximumExecutionTimeoutInSeconds').trim();
    return {
      policy: (this.#form.querySelector<HTMLInputElement>('input[name="policy"]:checked')?.value ??
        'CANARY') as SimulatorForm['policy'],
      instanceCount: parseNumber(value('instanceCount')),
      canarySize: capacity(value('CanarySize.Type'), value('CanarySize.Value')),
      linearStepSize: capacity(value('LinearStepSize.Type'), value('LinearStepSize.Value')),
      maximumBatchSize: capacity(value('MaximumBatchSize.Type'), value('MaximumBatchSize.Value')),
      rollbackMaximumBatchSize:
        rollback === '' ? undefined : capacity(value('RollbackMaximumBatchSize.Type'), rollback),
      waitIntervalInSeconds: parseNumber(value('WaitIntervalInSeconds')),
      terminationWaitInSeconds: parseNumber(value('TerminationWaitInSeconds')),
      maximumExecutionTimeoutInSeconds: timeout === '' ? undefined : parseNumber(timeout),
      alarmNames: value('alarms')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    };
  }

  /** The form control a validation issue is about, from the end of its field path. */
  #controlFor(issue: ValidationIssue): HTMLInputElement | undefined {
    const segments = issue.field.replace(/\[\d+\]/g, '').split('.');
    if (segments[0] === 'AutoRollbackConfiguration') return this.#input('alarms');
    for (const name of [segments.slice(-2).join('.'), segments.at(-1)!, `${segments.at(-1)}.Value`]) {
      const control = this.#form.querySelector(`input[name="${name}"]`);
      if (control instanceof HTMLInputElement) return control;
    }
    return undefined;
  }

  #update(): void {
    const form = this.#readForm();
    for (const field of this.#form.querySelectorAll<HTMLElement>('[data-policies]')) {
      field.hidden = !field.dataset.policies!.split(' ').includes(form.policy);
    }
    const config = toDeploymentConfig(form);
    const issues = validateDeploymentConfig(config, form.instanceCount);
    const list = this.querySelector('.sim-issues')!;
    list.replaceChildren();
    for (const control of this.#form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    for (const issue of issues) {
      const item = document.createElement('li');
      item.className = issue.severity === 'error' ? 'sim-issue-error' : 'sim-issue-warning';
      item.textContent = `${issue.severity === 'error' ? 'Error' : 'Warning'}: ${issue.message}`;
      list.append(item);
      if (issue.severity === 'error') this.#controlFor(issue)?.setAttribute('aria-invalid', 'true');
    }
    let plan: DeploymentPlan;
    try {
      plan = planDeployment(config, form.instanceCount);
    } catch (error) {
      if (!(error instanceof DeploymentConfigError)) throw error;
      this.querySelector('.sim-outcome')!.textContent = 'Fix the errors above to see the deployment.';
      return;
    }
    this.#plan = plan;
    const slider = this.#input('alarmAt');
    slider.max = String(plan.totalSeconds);
    if (this.#alarmAt !== undefined && this.#alarmAt > plan.totalSeconds) this.#alarmAt = plan.totalSeconds;
    this.#showAlarmTime();
    (this.querySelector('.sim-clear') as HTMLButtonElement).disabled = this.#alarmAt === undefined;

    const simulation = simulateDeployment(plan, this.#alarmAt === undefined ? {} : { alarmAtSeconds: this.#alarmAt });
    const title = `${form.policy === 'ROLLING' ? 'Rolling' : form.policy.replace(/_/g, ' ').toLowerCase()} deployment timeline`;
    this.querySelector('.sim-chart-box')!.innerHTML = renderDeploymentChart(simulation, form.instanceCount, {
      width: 640,
      height: 300,
      title,
      alarmAtSeconds: this.#alarmAt,
    });
    this.querySelector('.sim-outcome')!.textContent = simulation.explanation;
    this.querySelector('.sim-phases')!.replaceChildren(
      ...plan.phases.map((phase) => Object.assign(document.createElement('li'), { textContent: phase.description })),
    );
    this.querySelector('.sim-table tbody')!.replaceChildren(
      ...chartRows(simulation).map((row) => {
        const tr = document.createElement('tr');
        for (const cell of [row.time, row.phase, row.greenTraffic, row.blue, row.green, row.event])
          tr.append(Object.assign(document.createElement('td'), { textContent: cell }));
        return tr;
      }),
    );
    this.querySelector('.sim-json-code')!.textContent = JSON.stringify(
      toUpdateEndpointRequest('churn-endpoint', 'churn-config-v2', config),
      null,
      2,
    );
  }

  #showAlarmTime(): void {
    const slider = this.#input('alarmAt');
    const output = this.#form.querySelector('output')!;
    output.value = `${formatDuration(Number(slider.value))}${this.#plan ? ` of ${formatDuration(this.#plan.totalSeconds)}` : ''}`;
  }
}

customElements.define('guardrails-simulator', GuardrailsSimulator);
