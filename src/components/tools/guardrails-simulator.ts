import { parseNumber } from '../../lib/guardrails/number-input.ts';
import { capacity, type SimulatorForm } from '../../lib/guardrails/simulator-form.ts';
import { alarmTimeText, renderSimulatorView } from '../../lib/guardrails/simulator-view.ts';
import type { DeploymentPlan } from '../../lib/guardrails/plan.ts';
import type { ValidationIssue } from '../../lib/guardrails/types.ts';

/** Narrower than this, the chart's labels no longer fit: its box scrolls instead. */
const MIN_CHART_WIDTH = 280;

/**
 * The interactive guardrails simulator. It upgrades the server-rendered default scenario: every
 * change re-validates, re-plans and re-draws through the same renderer the build used; once an
 * alarm is tripped, the slider moves it.
 */
class GuardrailsSimulator extends HTMLElement {
  #form!: HTMLElement;
  #chartBox!: HTMLElement;
  #alarmAt: number | undefined;
  #plan: DeploymentPlan | undefined;
  #chartWidth = 0;

  connectedCallback(): void {
    this.#form = this.querySelector('.sim-form')!;
    this.#chartBox = this.querySelector('.sim-chart-box')!;
    this.#form.hidden = false;
    this.#form.addEventListener('input', (event) => {
      if ((event.target as HTMLInputElement).name !== 'alarmAt') this.#update();
      else if (this.#alarmAt === undefined) this.#showAlarmTime();
      else this.#tripAlarm();
    });
    this.querySelector('.sim-trip')!.addEventListener('click', () => this.#tripAlarm());
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
    // The chart is drawn at the width of its box, so its text keeps its size on a phone.
    new ResizeObserver(() => {
      if (Math.abs(this.#chartBox.clientWidth - this.#chartWidth) > 8) this.#update();
    }).observe(this.#chartBox);
  }

  #input(name: string): HTMLInputElement {
    return this.#form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  }

  #tripAlarm(): void {
    this.#alarmAt = Number(this.#input('alarmAt').value);
    this.#update();
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
    this.#chartWidth = this.#chartBox.clientWidth;
    const view = renderSimulatorView(form, {
      alarmAtSeconds: this.#alarmAt,
      chartWidth: Math.max(MIN_CHART_WIDTH, this.#chartWidth),
    });
    this.#plan = view.plan;
    this.#alarmAt = view.alarmAtSeconds;

    for (const control of this.#form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    for (const issue of view.issues) {
      if (issue.severity === 'error') this.#controlFor(issue)?.setAttribute('aria-invalid', 'true');
    }
    this.querySelector('.sim-issues')!.innerHTML = view.issuesHtml;
    this.#chartBox.innerHTML = view.chartHtml;
    this.querySelector('.sim-outcome')!.textContent = view.outcome;
    this.querySelector('.sim-phases')!.innerHTML = view.phasesHtml;
    this.querySelector('.sim-table tbody')!.innerHTML = view.tableRowsHtml;
    this.querySelector('.sim-json-code')!.textContent = view.requestJson;
    if (view.plan) this.#input('alarmAt').max = String(view.plan.totalSeconds);
    this.querySelector<HTMLButtonElement>('.sim-clear')!.disabled = this.#alarmAt === undefined;
    this.#showAlarmTime();
  }

  #showAlarmTime(): void {
    this.#form.querySelector('output')!.value = alarmTimeText(Number(this.#input('alarmAt').value), this.#plan);
  }
}

customElements.define('guardrails-simulator', GuardrailsSimulator);
