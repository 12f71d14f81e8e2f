/**
 * `<asl-player>`: steps through an execution of the state machine drawn in the same figure. It upgrades the
 * markup written by remark-asl-diagrams (the textareas hold the example): shows the controls, marks the state
 * that just ran on the diagram, and shows that state's input, output, Choice rule, retries and catches.
 */
import type { AslStateMachine, AslStepResult, JsonValue } from '../../lib/state-machines/asl-types.ts';
import { runExecution, type AslExecution } from '../../lib/state-machines/asl-interpreter.ts';
import { describeChoiceRule } from '../../lib/state-machines/asl-describe.ts';

type Field = 'input' | 'mocks';
const FIELD_NAMES: Record<Field, string> = { input: 'Execution input', mocks: 'Task results' };

class AslPlayer extends HTMLElement {
  private definition!: AslStateMachine;
  /** The whole execution, run on the first Step, and how many of its steps are shown. */
  private execution: AslExecution | undefined;
  private shown = 0;
  private diagram: SVGSVGElement | null = null;

  connectedCallback(): void {
    if (this.definition) return;
    try {
      this.definition = JSON.parse(this.dataset.definition ?? '') as AslStateMachine;
    } catch {
      return; // Written by the build; if it is ever broken, the no-script text stays.
    }
    const figure = this.closest('figure');
    this.diagram = figure?.querySelector<SVGSVGElement>('svg.asl-diagram') ?? null;
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button || !this.contains(button) || button.getAttribute('aria-disabled') === 'true') return;
      const { action, mocks } = button.dataset;
      if (action === 'step' || action === 'run') this.advance(action === 'run');
      else if (action === 'reset') this.reset('Reset. Step runs the first state again.');
      else if (mocks !== undefined) this.useScenario(button, mocks);
    });
    this.addEventListener('input', (event) => {
      if (!(event.target instanceof HTMLTextAreaElement)) return;
      this.showError(event.target.name as Field, undefined);
      if (event.target.name === 'mocks') this.pressScenario(undefined);
      if (this.execution) this.reset('Changed: the next step starts a new execution.');
    });
    this.find('.asl-player-nojs').hidden = true;
    this.find('.asl-player-ui').hidden = false;
    this.reset(); // Silent on arrival: the live region speaks only in answer to the reader.
    // The diagram opens at its start (the main flow is on the left); say so when more of it is off to the side.
    const scroller = this.diagram?.parentElement;
    const hint = figure?.querySelector<HTMLElement>('.asl-scroll-hint');
    if (scroller && hint) {
      new ResizeObserver(() => (hint.hidden = scroller.scrollWidth <= scroller.clientWidth)).observe(scroller);
    }
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private field(name: Field): HTMLTextAreaElement {
    return this.find<HTMLTextAreaElement>(`textarea[name="${name}"]`);
  }

  private useScenario(button: HTMLButtonElement, mocks: string): void {
    this.field('mocks').value = mocks;
    this.showError('mocks', undefined);
    this.pressScenario(button);
    this.reset(`Example results: ${button.textContent}. Step or run to end to see what happens.`);
  }

  private pressScenario(pressed: HTMLButtonElement | undefined): void {
    for (const button of this.querySelectorAll('button[data-mocks]')) {
      button.setAttribute('aria-pressed', String(button === pressed));
    }
  }

  /** The execution of the textareas' input and results, run on first use; undefined (and a message) if they are wrong. */
  private started(): AslExecution | undefined {
    if (this.execution) return this.execution;
    // One field at a time, so the message and the focus go to the first problem.
    const input = this.read('input');
    const mocks = input === undefined ? undefined : this.read('mocks');
    if (input === undefined || mocks === undefined) return undefined;
    if (typeof mocks !== 'object' || mocks === null || Array.isArray(mocks)) {
      this.fieldProblem('mocks', 'Task results must be an object: { "StateName": result, … }.');
      return undefined;
    }
    try {
      return (this.execution = runExecution(this.definition, input, mocks));
    } catch (error) {
      this.announce(`This state machine can't run here: ${messageOf(error)}`);
      return undefined;
    }
  }

  private read(name: Field): JsonValue | undefined {
    try {
      return JSON.parse(this.field(name).value) as JsonValue;
    } catch (error) {
      this.fieldProblem(name, `${FIELD_NAMES[name]} is not valid JSON: ${messageOf(error)}`);
      return undefined;
    }
  }

  private fieldProblem(name: Field, message: string): void {
    this.showError(name, message);
    this.announce(message);
    this.field(name).focus();
  }

  private showError(name: Field, message: string | undefined): void {
    const textarea = this.field(name);
    this.find(`#${textarea.id}-error`).textContent = message ?? '';
    if (message === undefined) textarea.removeAttribute('aria-invalid');
    else textarea.setAttribute('aria-invalid', 'true');
  }

  /** Runs one step, or all the rest, then shows the last and says what happened. */
  private advance(toEnd: boolean): void {
    const all = this.started()?.steps ?? [];
    const steps = all.slice(this.shown, toEnd ? undefined : this.shown + 1);
    const last = steps.at(-1);
    if (!last) return;
    this.shown += steps.length;
    const done = this.shown === all.length;
    this.show(last, all.slice(0, this.shown), done);
    const end = done ? ` Execution ${statusText(last)}`.replace(/([^.!?])$/, '$1.') : '';
    const count = `${steps.length} ${steps.length === 1 ? 'step' : 'steps'}`;
    const path = steps.map((step) => step.state).join(', ');
    const said = facts(last, this.definition).map(([term, text]) => (term === 'State' ? text : `${term}: ${text}`));
    const stepped = `Step ${this.shown}: ${said.join('; ')}.`;
    this.announce(toEnd ? `Ran ${count}: ${path}.${end}` : `${stepped}${end}`);
  }

  /** Drops the execution; the next Step starts a new one from the textareas. */
  private reset(message = ''): void {
    this.execution = undefined;
    this.shown = 0;
    this.mark(undefined);
    this.find('.asl-player-panel').replaceChildren();
    this.setRunnable(true);
    this.announce(message);
  }

  private setRunnable(runnable: boolean): void {
    // aria-disabled rather than disabled, so a button that was just used keeps the keyboard focus.
    for (const button of this.querySelectorAll('button[data-action="step"], button[data-action="run"]')) {
      button.setAttribute('aria-disabled', String(!runnable));
    }
  }

  private announce(message: string): void {
    this.find('.asl-player-status').textContent = message;
  }

  /** Marks the state on the diagram: a class shows its thick outline and "current" label; scrolled into view. */
  private mark(name: string | undefined): void {
    const svg = this.diagram;
    if (!svg) return;
    for (const group of svg.querySelectorAll('.asl-current')) group.classList.remove('asl-current');
    const group = name === undefined ? null : svg.querySelector<SVGGElement>(`g[data-state="${CSS.escape(name)}"]`);
    if (!group) return;
    group.classList.add('asl-current');
    // Sideways only, inside the diagram's scroll box, so the page itself does not jump.
    const scroller = svg.parentElement;
    if (!scroller || scroller.scrollWidth <= scroller.clientWidth) return;
    const [box, frame] = [group.getBoundingClientRect(), scroller.getBoundingClientRect()];
    if (box.left < frame.left || box.right > frame.right)
      scroller.scrollLeft += (box.left + box.right) / 2 - (frame.left + frame.width / 2);
  }

  /** Shows a step with the steps so far (it is the last of them); `done` once the execution is over. */
  private show(step: AslStepResult, history: AslStepResult[], done: boolean): void {
    this.mark(step.state);
    this.setRunnable(!done);
    const rows: [string, string][] = [
      ['Step', String(history.length)],
      ...facts(step, this.definition),
      ['Execution', statusText(step)],
    ];
    const terms = element('dl', 'asl-player-facts');
    for (const [term, text] of rows) terms.append(element('dt', '', term), element('dd', '', text));
    const prefix = this.dataset.diagram ?? 'asl';
    const data = element('div', 'asl-player-io');
    data.append(jsonBlock('Input', step.input, `${prefix}-step-input`));
    // What a Task sends and gets back: where InputPath and Parameters end and ResultSelector and ResultPath begin.
    if (step.request !== undefined)
      data.append(jsonBlock('Request to the service', step.request, `${prefix}-step-request`));
    if (step.result !== undefined) data.append(jsonBlock('Service result', step.result, `${prefix}-step-result`));
    if (step.status !== 'failed') {
      const title = step.status === 'succeeded' ? 'Output of the execution' : 'Output';
      data.append(jsonBlock(title, step.output, `${prefix}-step-output`));
    }
    const list = element('ol', 'asl-player-history');
    for (const entry of history) {
      const what = entry.retry ? ' failed, retried' : entry.caught ? ` failed, caught → ${entry.caught.next}` : '';
      const end = { running: '', succeeded: ' ✓ succeeded', failed: ' ✕ failed' }[entry.status];
      list.append(element('li', '', `${entry.state} (${entry.type})${what}${end}`));
    }
    const path = element('div', 'asl-player-path');
    path.append(element('p', 'asl-player-path-title', 'Steps so far'), list);
    this.find('.asl-player-panel').replaceChildren(terms, data, path);
  }
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pretty-printed JSON under a title; the box scrolls when long, so it is a labelled, focusable region. */
function jsonBlock(title: string, value: JsonValue, id: string): HTMLElement {
  const box = element('div', 'asl-player-json');
  const heading = element('p', 'asl-player-json-title', title);
  heading.id = id;
  const code = element('pre', '');
  code.tabIndex = 0;
  code.setAttribute('role', 'region');
  code.setAttribute('aria-labelledby', id);
  code.append(element('code', '', JSON.stringify(value, null, 2)));
  box.append(heading, code);
  return box;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function choiceText(step: AslStepResult, definition: AslStateMachine): string {
  if (step.choice === 'Default') return `no rule matched, so Default → ${step.next ?? '?'}`;
  const rule = definition.States[step.state]?.Choices?.[step.choice ?? -1];
  return `rule ${(step.choice ?? 0) + 1} matched: ${describeChoiceRule(rule)} → ${step.next ?? '?'}`;
}

function retryText({ retry }: AslStepResult): string {
  const { attempt, maxAttempts, intervalSeconds, retrier, errorEquals } = retry!;
  return `retry ${attempt} of ${maxAttempts} after ${intervalSeconds} s (Retry[${retrier}]: ${errorEquals.join(', ')})`;
}

function catchText({ caught }: AslStepResult): string {
  return `caught by Catch[${caught!.catcher}] (${caught!.errorEquals.join(', ')}) → ${caught!.next}`;
}

/** The execution's status after `step`. */
function statusText({ status, error }: AslStepResult): string {
  if (status === 'failed') return `failed ✕ with ${error!.Error}${error!.Cause ? `: ${error!.Cause}` : ''}`;
  return status === 'succeeded' ? 'succeeded ✓' : 'running';
}

/** What the step did, as [term, text] rows: the panel lists them, the live region says them in one sentence. */
function facts(step: AslStepResult, definition: AslStateMachine): [string, string][] {
  const { retry, caught, waitSeconds, error } = step;
  const rows: [string, string | false | undefined][] = [
    ['State', `${step.state} (${step.type})`],
    ['Choice', step.choice !== undefined && choiceText(step, definition)],
    ['Wait', waitSeconds !== undefined && `${waitSeconds} s, simulated`],
    // The error that failed the execution is in its status.
    ['Error', error && step.status !== 'failed' && `${error.Error}${error.Cause ? `: ${error.Cause}` : ''}`],
    ['Retry', retry && retryText(step)],
    ['Catch', caught && catchText(step)],
    // A Choice or a catcher names the next state already.
    ['Next', step.choice === undefined && !caught && step.next],
  ];
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

customElements.define('asl-player', AslPlayer);
