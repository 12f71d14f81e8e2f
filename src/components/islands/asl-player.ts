/**
 * `<asl-player>`: steps through an execution of the state machine drawn in the same figure. It upgrades the
 * markup written by remark-asl-diagrams: fills the two textareas with the example, shows the controls, marks
 * the state that just ran on the diagram, and shows that state's input, output, Choice rule, retries and catches.
 */
import type { AslState, AslStateMachine, AslStepResult, JsonValue } from '../../lib/state-machines/asl-types.ts';
import { createExecution, type AslExecution } from '../../lib/state-machines/asl-interpreter.ts';
import { describeChoiceRule } from '../../lib/state-machines/asl-describe.ts';
import type { AslExample } from '../../lib/state-machines/asl-examples.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Field = 'input' | 'mocks';
const FIELD_NAMES: Record<Field, string> = { input: 'Execution input', mocks: 'Task results' };

class AslPlayer extends HTMLElement {
  private definition!: AslStateMachine;
  private example!: AslExample;
  private execution: AslExecution | undefined;
  private diagram: SVGSVGElement | null = null;
  private marker: SVGTextElement | undefined;

  connectedCallback(): void {
    if (this.definition) return;
    try {
      this.definition = JSON.parse(this.dataset.definition ?? '') as AslStateMachine;
      this.example = JSON.parse(this.dataset.example ?? '') as AslExample;
    } catch {
      return; // Written by the build; if it is ever broken, the no-script text stays.
    }
    this.diagram = this.closest('figure')?.querySelector<SVGSVGElement>('svg.asl-diagram') ?? null;
    this.field('input').value = pretty(this.example.input);
    this.field('mocks').value = pretty(this.example.scenarios[0]?.mocks ?? {});

    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button || !this.contains(button) || button.getAttribute('aria-disabled') === 'true') return;
      const { action, scenario } = button.dataset;
      if (action === 'step') this.step();
      else if (action === 'run') this.runToEnd();
      else if (action === 'reset') this.reset('Reset. Step runs the first state again.');
      else if (scenario !== undefined) this.useScenario(Number(scenario));
    });
    this.addEventListener('input', (event) => {
      const textarea = event.target;
      if (!(textarea instanceof HTMLTextAreaElement)) return;
      this.showError(textarea.name as Field, undefined);
      if (textarea.name === 'mocks') this.pressScenario(undefined);
      if (this.execution) this.reset('Changed: the next step starts a new execution.');
    });

    this.find('.asl-player-nojs').hidden = true;
    this.find('.asl-player-ui').hidden = false;
    // Silent on arrival: the live region speaks only in answer to the reader.
    this.reset();
    // The diagram opens at its start (the main flow is on the left); say so when more of it is off to the side.
    const scroller = this.diagram?.parentElement;
    const hint = this.closest('figure')?.querySelector<HTMLElement>('.asl-scroll-hint');
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

  private useScenario(index: number): void {
    const scenario = this.example.scenarios[index];
    if (!scenario) return;
    this.field('mocks').value = pretty(scenario.mocks);
    this.showError('mocks', undefined);
    this.pressScenario(index);
    this.reset(`Example results: ${scenario.label}. Step or run to end to see what happens.`);
  }

  private pressScenario(index: number | undefined): void {
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-scenario]')) {
      button.setAttribute('aria-pressed', String(button.dataset.scenario === String(index)));
    }
  }

  /** The running execution, started from the textareas on first use; undefined (and a message) if they are wrong. */
  private started(): AslExecution | undefined {
    if (this.execution) return this.execution;
    // One field at a time, so the message and the focus go to the first problem.
    const input = this.read('input');
    if (input === undefined) return undefined;
    const mocks = this.read('mocks');
    if (mocks === undefined) return undefined;
    if (typeof mocks !== 'object' || mocks === null || Array.isArray(mocks)) {
      this.fieldProblem('mocks', 'Task results must be an object: { "StateName": result, … }.');
      return undefined;
    }
    try {
      this.execution = createExecution(this.definition, input, mocks);
    } catch (error) {
      this.announce(`This state machine can't run here: ${messageOf(error)}`);
      return undefined;
    }
    return this.execution;
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
    const error = this.find(`#${textarea.id}-error`);
    error.textContent = message ?? '';
    if (message === undefined) textarea.removeAttribute('aria-invalid');
    else textarea.setAttribute('aria-invalid', 'true');
  }

  private step(): void {
    const execution = this.started();
    if (!execution || execution.done) return;
    const result = this.guard(() => execution.step());
    if (!result) return;
    this.show(result, execution);
    this.announce(`Step ${execution.history.length}: ${summarise(result, this.stateOf(result))}${ending(execution)}`);
  }

  private runToEnd(): void {
    const execution = this.started();
    if (!execution || execution.done) return;
    const steps = this.guard(() => execution.run());
    const last = steps?.at(-1);
    if (!steps || !last) return;
    this.show(last, execution);
    const path = steps.map((step) => step.state).join(', ');
    this.announce(`Ran ${steps.length} ${steps.length === 1 ? 'step' : 'steps'}: ${path}.${ending(execution)}`);
  }

  /** Runs interpreter work, turning an unexpected exception into a message. */
  private guard<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      this.announce(`The execution stopped: ${messageOf(error)}`);
      return undefined;
    }
  }

  /** Drops the execution; the next Step starts a new one from the textareas. */
  private reset(message = ''): void {
    this.execution = undefined;
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

  private stateOf(step: AslStepResult): AslState | undefined {
    return this.definition.States[step.state];
  }

  /** Marks the state on the diagram: a class (thick outline) and a "current" label beside it. */
  private mark(name: string | undefined): void {
    const svg = this.diagram;
    if (!svg) return;
    for (const group of svg.querySelectorAll('.asl-current')) group.classList.remove('asl-current');
    this.marker?.remove();
    this.marker = undefined;
    if (name === undefined) return;
    const group = svg.querySelector<SVGGElement>(`g[data-state="${CSS.escape(name)}"]`);
    if (!group) return;
    group.classList.add('asl-current');
    this.marker = placeMarker(svg, group);
    this.scrollToState(group);
  }

  /** Brings a state (and its label) into view sideways inside the diagram's scroll box, without scrolling the page. */
  private scrollToState(group: SVGGElement): void {
    const scroller = this.diagram?.parentElement;
    if (!scroller || scroller.scrollWidth <= scroller.clientWidth) return;
    const parts = [group, ...(this.marker ? [this.marker] : [])].map((part) => part.getBoundingClientRect());
    const left = Math.min(...parts.map((box) => box.left));
    const right = Math.max(...parts.map((box) => box.right));
    const frame = scroller.getBoundingClientRect();
    if (left >= frame.left && right <= frame.right) return;
    scroller.scrollLeft += (left + right) / 2 - (frame.left + frame.width / 2);
  }

  private show(step: AslStepResult, execution: AslExecution): void {
    this.mark(step.state);
    this.setRunnable(!execution.done);
    const rows: [string, string][] = [
      ['State', `${step.state} (${step.type})`],
      ['Step', String(execution.history.length)],
    ];
    const state = this.stateOf(step);
    if (step.choice !== undefined) rows.push(['Choice', choiceText(step, state)]);
    if (step.wait)
      rows.push([
        'Wait',
        `${step.wait.seconds ?? 0} s, simulated${step.wait.timestamp ? ` (until ${step.wait.timestamp})` : ''}`,
      ]);
    if (step.error) rows.push(['Error', `${step.error.Error}${step.error.Cause ? `: ${step.error.Cause}` : ''}`]);
    if (step.retry) rows.push(['Retry', retryText(step)]);
    if (step.caught) rows.push(['Catch', catchText(step)]);
    if (step.branches) rows.push([step.type === 'Map' ? 'Items' : 'Branches', branchesText(step)]);
    if (step.next !== undefined) rows.push(['Next', step.next]);
    rows.push(['Execution', statusText(execution)]);

    const list = element('dl', 'asl-player-facts');
    for (const [term, value] of rows) list.append(element('dt', '', term), element('dd', '', value));
    const prefix = this.dataset.diagram ?? 'asl';
    const data = element('div', 'asl-player-io');
    data.append(jsonBlock('Input', step.input, `${prefix}-step-input`));
    if (step.status !== 'failed') {
      const title = execution.status === 'succeeded' ? 'Output of the execution' : 'Output';
      data.append(jsonBlock(title, step.output, `${prefix}-step-output`));
    }
    const history = element('ol', 'asl-player-history');
    execution.history.forEach((entry) => history.append(element('li', '', historyText(entry))));
    const path = element('div', 'asl-player-path');
    path.append(element('p', 'asl-player-path-title', 'Steps so far'), history);
    this.find('.asl-player-panel').replaceChildren(list, data, path);
  }
}

/**
 * Puts a "current" label next to the state: on its right, else on its left, wherever it overlaps no other
 * state or edge label and stays inside the drawing; above the state if neither side is free.
 */
function placeMarker(svg: SVGSVGElement, group: SVGGElement): SVGTextElement {
  const box = group.getBBox();
  const view = svg.viewBox.baseVal;
  const obstacles = [
    ...svg.querySelectorAll<SVGGraphicsElement>('g.asl-state:not(.asl-container), g.asl-terminal, .asl-edge-label-bg'),
  ]
    .filter((other) => other !== group)
    .map((other) => other.getBBox());
  const marker = document.createElementNS(SVG_NS, 'text');
  marker.setAttribute('class', 'asl-current-label');
  marker.setAttribute('dominant-baseline', 'central');
  svg.append(marker);
  const y = box.y + box.height / 2;
  const fits = (x: number, width: number) =>
    x >= view.x &&
    x + width <= view.x + view.width &&
    obstacles.every(
      (other) => x + width < other.x || x > other.x + other.width || y + 9 < other.y || y - 9 > other.y + other.height,
    );
  marker.textContent = '◀ current';
  const width = marker.getComputedTextLength();
  if (fits(box.x + box.width + 6, width)) {
    marker.setAttribute('x', String(box.x + box.width + 6));
    marker.setAttribute('y', String(y));
  } else if (fits(box.x - 6 - width, width)) {
    marker.textContent = 'current ▶';
    marker.setAttribute('x', String(box.x - 6 - width));
    marker.setAttribute('y', String(y));
  } else {
    marker.textContent = 'current ▼';
    marker.setAttribute('x', String(box.x + box.width - width));
    marker.setAttribute('y', String(box.y - 10));
  }
  return marker;
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
  code.append(element('code', '', pretty(value)));
  box.append(heading, code);
  return box;
}

function pretty(value: JsonValue): string {
  return JSON.stringify(value, null, 2);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function choiceText(step: AslStepResult, state: AslState | undefined): string {
  if (step.choice === 'Default') return `no rule matched, so Default → ${step.next ?? '?'}`;
  const rule = state?.Choices?.[step.choice ?? -1];
  return `rule ${(step.choice ?? 0) + 1} matched: ${describeChoiceRule(rule)} → ${step.next ?? '?'}`;
}

function retryText(step: AslStepResult): string {
  const retry = step.retry!;
  return `retry ${retry.attempt} of ${retry.maxAttempts} after ${retry.intervalSeconds} s (Retry[${retry.retrier}]: ${retry.errorEquals.join(', ')})`;
}

function catchText(step: AslStepResult): string {
  const caught = step.caught!;
  return `caught by Catch[${caught.catcher}] (${caught.errorEquals.join(', ')}) → ${caught.next}`;
}

function branchesText(step: AslStepResult): string {
  return (step.branches ?? [])
    .map((branch, index) => `${index + 1}: ${branch.map((inner) => inner.state).join(' → ') || 'no states'}`)
    .join('; ');
}

function statusText(execution: AslExecution): string {
  if (execution.status === 'succeeded') return 'succeeded ✓';
  if (execution.status === 'failed') {
    const error = execution.error;
    return `failed ✕${error ? ` with ${error.Error}${error.Cause ? `: ${error.Cause}` : ''}` : ''}`;
  }
  return `running; next: ${execution.currentState ?? '?'}`;
}

function historyText(step: AslStepResult): string {
  const what = step.retry ? ' failed, retried' : step.caught ? ` failed, caught → ${step.caught.next}` : '';
  const end = step.status === 'succeeded' ? ' ✓ succeeded' : step.status === 'failed' ? ' ✕ failed' : '';
  return `${step.state} (${step.type})${what}${end}`;
}

/** One sentence for the live region: what the state did and where the execution goes next. */
function summarise(step: AslStepResult, state: AslState | undefined): string {
  const parts = [`${step.state} (${step.type})`];
  if (step.choice !== undefined) parts.push(`Choice: ${choiceText(step, state)}`);
  if (step.error) parts.push(`error ${step.error.Error}`);
  if (step.retry) parts.push(retryText(step));
  if (step.caught) parts.push(catchText(step));
  if (step.next !== undefined && step.choice === undefined && !step.caught) parts.push(`next: ${step.next}`);
  return `${parts.join('; ')}.`;
}

function ending(execution: AslExecution): string {
  if (!execution.done) return '';
  const text = ` Execution ${statusText(execution)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

customElements.define('asl-player', AslPlayer);
