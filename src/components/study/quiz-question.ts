import {
  checkChoices,
  checkMatching,
  checkOrdering,
  type AnswerCheck,
  type PartMark,
} from '../../lib/study/answer-check.ts';

/**
 * One server-rendered question (QuizQuestion.astro) of any type, made answerable: it reads and
 * restores the reader's answer, grades it, and marks each choice, step or item in words and colour.
 * In a quiz (`checkable`), Check answer grades it and opens the explanation, Retry clears it for
 * another go, and after a right answer "That was hard" can be pressed; each check, and each press,
 * ends with a bubbling `quiz-checked` event.
 */
export class QuizQuestion {
  readonly key: string;
  readonly kind: string;
  /** Right or wrong, for each check in this sitting. */
  readonly attempts: boolean[] = [];
  /** Whether the reader said the right answer was hard. */
  hard = false;
  checked = false;
  /** Saves started, so only the latest one's line is shown. */
  private saves = 0;
  private readonly parts: HTMLElement[];
  private readonly controls: (HTMLInputElement | HTMLSelectElement)[];
  private readonly result: HTMLElement;
  private readonly answer: HTMLDetailsElement;

  /** `onCheck` records the answer and resolves to a line saying what was saved. */
  readonly element: HTMLElement;
  private readonly onCheck: ((question: QuizQuestion) => Promise<string>) | undefined;

  constructor(element: HTMLElement, onCheck?: (question: QuizQuestion) => Promise<string>) {
    this.element = element;
    this.onCheck = onCheck;
    this.key = element.dataset.card!;
    this.kind = element.dataset.kind ?? 'choice';
    this.parts = [...element.querySelectorAll<HTMLElement>('.quiz-choice, .quiz-part')];
    this.controls = this.parts.map((part) =>
      part.querySelector<HTMLInputElement | HTMLSelectElement>('input, select')!,
    );
    this.result = element.querySelector('.quiz-result')!;
    this.answer = element.querySelector('.quiz-answer')!;
    element.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.onCheck) this.check();
    });
    if (!onCheck) return;
    element.querySelector<HTMLElement>('.quiz-actions')!.hidden = false;
    this.button('retry').addEventListener('click', () => this.retry());
    this.button('hard').addEventListener('click', () => this.toggleHard());
  }

  private button(name: 'check' | 'retry' | 'hard'): HTMLButtonElement {
    return this.element.querySelector(`.quiz-${name}`)!;
  }

  /** The reader's answer as strings: the chosen choices' positions, or each select's value ('' when unset). */
  values(): string[] {
    if (this.kind === 'choice')
      return this.controls.flatMap((control, index) => ((control as HTMLInputElement).checked ? [String(index)] : []));
    return this.controls.map((control) => control.value);
  }

  /** Puts back an answer given by values(). */
  restore(values: readonly string[]): void {
    this.controls.forEach((control, index) => {
      if (control instanceof HTMLInputElement) control.checked = values.includes(String(index));
      else control.value = values[index] ?? '';
    });
  }

  /** Whether the reader has given any answer at all. */
  answered(): boolean {
    return this.values().some((value) => value !== '');
  }

  /** Grades the current answer. */
  evaluate(): AnswerCheck {
    const rights = this.parts.map((part) => Number(part.dataset.right));
    const numbers = this.controls.map((control) => (control.value === '' ? undefined : Number(control.value)));
    if (this.kind === 'ordering') return checkOrdering(rights, numbers);
    if (this.kind === 'matching') return checkMatching(rights, numbers);
    return checkChoices(
      this.parts.map((part) => part.dataset.correct !== undefined),
      this.controls.map((control) => (control as HTMLInputElement).checked),
    );
  }

  /** Marks every part as graded, locks the controls, and opens the explanation. */
  showMarks(marks: readonly PartMark[], right: boolean): void {
    this.parts.forEach((part, index) => {
      const mark = marks[index];
      if (mark) part.dataset.mark = mark;
      else delete part.dataset.mark;
      part.querySelector('.quiz-mark')!.textContent = mark ? this.markText(mark, part) : '';
      this.controls[index]!.disabled = true;
    });
    this.element.dataset.outcome = right ? 'right' : 'wrong';
    this.answer.open = true;
  }

  /** Marks an unanswered question wrong, pointing out the right choices (or each part's right place). */
  showAnswer(): void {
    const marks = this.parts.map((part): PartMark => {
      if (this.kind !== 'choice') return 'wrong';
      return part.dataset.correct !== undefined ? 'missed' : undefined;
    });
    this.showMarks(marks, false);
  }

  private markText(mark: Exclude<PartMark, undefined>, part: HTMLElement): string {
    if (this.kind === 'choice') return CHOICE_MARKS[mark];
    if (mark === 'right') return '✓ Right';
    const select = part.querySelector('select')!;
    const right = select.options[Number(part.dataset.right) + 1]?.text ?? '';
    return this.kind === 'ordering' ? `✗ Wrong: it is step ${right}` : `✗ Wrong: it is ${right}`;
  }

  /** Unlocks and clears the answer and its marks. */
  clear(): void {
    delete this.element.dataset.outcome;
    this.parts.forEach((part, index) => {
      delete part.dataset.mark;
      part.querySelector('.quiz-mark')!.textContent = '';
      this.controls[index]!.disabled = false;
    });
    this.restore([]);
    this.answer.open = false;
  }

  /** Checks the answer; returns false when there was nothing (or not enough) to check. */
  check(): boolean {
    if (this.checked || !this.onCheck) return false;
    const verdict = this.evaluate();
    if (!verdict.complete) {
      this.result.textContent = verdict.problem;
      return false;
    }
    this.attempts.push(verdict.right);
    this.checked = true;
    this.hard = false;
    this.showMarks(verdict.marks, verdict.right);
    this.say(verdict.right);
    this.button('check').hidden = true;
    this.button('retry').hidden = false;
    const hard = this.button('hard');
    hard.hidden = !verdict.right;
    hard.ariaPressed = 'false';
    this.button('retry').focus();
    this.element.dispatchEvent(new Event('quiz-checked', { bubbles: true }));
    return true;
  }

  /** Says right or wrong at once, then adds what was saved; a later check or retry wins over a late save. */
  private say(right: boolean): void {
    const verdict = right
      ? this.hard
        ? 'Right, and marked as hard.'
        : 'Right.'
      : 'Not right: the right answer is marked and explained below.';
    this.result.textContent = verdict;
    const sitting = ++this.saves;
    void this.onCheck!(this).then((saved) => {
      if (sitting === this.saves && this.checked) this.result.textContent = `${verdict} ${saved}`;
      this.element.dispatchEvent(new Event('quiz-saved', { bubbles: true }));
    });
  }

  /** "That was hard": regrades the right answer (pressing again takes it back). */
  private toggleHard(): void {
    if (!this.checked || this.attempts.at(-1) !== true) return;
    this.hard = !this.hard;
    this.button('hard').ariaPressed = String(this.hard);
    this.say(true);
    this.element.dispatchEvent(new Event('quiz-checked', { bubbles: true }));
  }

  /** Clears the marks and the answer for another attempt (the sitting's attempts are kept). */
  retry(): void {
    this.checked = false;
    this.clear();
    this.result.textContent = '';
    this.button('check').hidden = false;
    this.button('retry').hidden = true;
    this.button('hard').hidden = true;
    this.controls[0]?.focus();
  }

  /** Picks choice n (0-based) of a choice question: selects a single answer, toggles one of several. */
  choose(index: number): void {
    const input = this.controls[index];
    if (!(input instanceof HTMLInputElement) || this.checked) return;
    input.checked = input.type === 'radio' ? true : !input.checked;
    input.focus();
  }

  /** Moves the keyboard focus to the first control. */
  focus(): void {
    this.controls[0]?.focus();
  }
}

const CHOICE_MARKS = {
  right: '✓ Your choice: right',
  missed: '✓ The right answer',
  wrong: '✗ Your choice: wrong',
} as const;
