import { gradeSitting, type Card } from '../../lib/study/review-scheduler.ts';
import { SAVE_FAILED, recordAnswer } from '../../lib/study/progress.ts';
import { loadProgress, updateProgress } from '../../browser/study-storage.ts';

/**
 * One server-rendered question (QuizQuestion.astro) made answerable: Check answer marks every
 * choice in words and colour and opens the explanation; Retry clears it for another go.
 * Each check ends with a bubbling `quiz-checked` event.
 */
export class QuizQuestion {
  readonly key: string;
  /** Right or wrong, for each check in this sitting. */
  readonly attempts: boolean[] = [];
  checked = false;
  private readonly inputs: HTMLInputElement[];
  private readonly checkButton: HTMLButtonElement;
  private readonly retryButton: HTMLButtonElement;
  private readonly result: HTMLElement;
  private readonly answer: HTMLDetailsElement;

  /** `onCheck` records the answer and returns a line saying what was saved. */
  constructor(
    readonly element: HTMLElement,
    private readonly onCheck: (question: QuizQuestion) => string,
  ) {
    this.key = element.dataset.card!;
    this.inputs = [...element.querySelectorAll<HTMLInputElement>('.quiz-choice input')];
    this.checkButton = element.querySelector('.quiz-check')!;
    this.retryButton = element.querySelector('.quiz-retry')!;
    this.result = element.querySelector('.quiz-result')!;
    this.answer = element.querySelector('.quiz-answer')!;
    element.querySelector<HTMLElement>('.quiz-actions')!.hidden = false;
    element.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
    this.retryButton.addEventListener('click', () => this.retry());
  }

  /** Checks the chosen answers; returns false when there was nothing to check. */
  check(): boolean {
    if (this.checked) return false;
    const chosen = this.inputs.filter((input) => input.checked);
    if (chosen.length === 0) {
      this.result.textContent = 'Choose an answer first.';
      return false;
    }
    const right = this.inputs.every((input) => input.checked === isCorrect(input));
    this.attempts.push(right);
    this.checked = true;
    for (const input of this.inputs) {
      input.disabled = true;
      const choice = input.closest<HTMLElement>('.quiz-choice')!;
      const mark = isCorrect(input) ? (input.checked ? 'right' : 'missed') : input.checked ? 'wrong' : undefined;
      if (mark) choice.dataset.mark = mark;
      choice.querySelector('.quiz-mark')!.textContent = mark ? MARKS[mark] : '';
    }
    this.element.dataset.outcome = right ? 'right' : 'wrong';
    const verdict = right ? 'Right.' : 'Not right: the right answer is marked and explained below.';
    this.result.textContent = `${verdict} ${this.onCheck(this)}`;
    this.answer.open = true;
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.retryButton.focus();
    this.element.dispatchEvent(new Event('quiz-checked', { bubbles: true }));
    return true;
  }

  /** Clears the marks and the choices for another attempt (the sitting's attempts are kept). */
  retry(): void {
    this.checked = false;
    delete this.element.dataset.outcome;
    for (const input of this.inputs) {
      input.disabled = false;
      input.checked = false;
      const choice = input.closest<HTMLElement>('.quiz-choice')!;
      delete choice.dataset.mark;
      choice.querySelector('.quiz-mark')!.textContent = '';
    }
    this.result.textContent = '';
    this.answer.open = false;
    this.checkButton.hidden = false;
    this.retryButton.hidden = true;
    this.inputs[0]?.focus();
  }

  /** Picks choice n (0-based): selects a single-answer choice, toggles a multiple-answer one. */
  choose(index: number): void {
    const input = this.inputs[index];
    if (!input || this.checked) return;
    input.checked = input.type === 'radio' ? true : !input.checked;
    input.focus();
  }
}

const MARKS = { right: '✓ Your choice: right', missed: '✓ The right answer', wrong: '✗ Your choice: wrong' } as const;

function isCorrect(input: HTMLInputElement): boolean {
  return input.closest<HTMLElement>('.quiz-choice')!.dataset.correct !== undefined;
}

/**
 * Records each check in the study store, graded for the whole sitting (right first time, right
 * after a retry, or not yet) against the card as it was before the sitting, so a retry regrades
 * the answer instead of counting as a second review.
 */
export function answerRecorder(now: () => number = Date.now): (question: QuizQuestion) => string {
  const before = new Map<string, Card | undefined>();
  return (question) => {
    const time = now();
    if (!before.has(question.key)) before.set(question.key, loadProgress(time).progress.cards[question.key]);
    const quality = gradeSitting(question.attempts);
    const { progress, saved } = updateProgress(
      (current) => recordAnswer(current, question.key, before.get(question.key), quality, time),
      time,
    );
    if (!saved) return SAVE_FAILED;
    const days = progress.cards[question.key]!.interval;
    return `Saved: it comes back for review ${days === 1 ? 'tomorrow' : `in ${days} days`}.`;
  };
}

/** Shows what the reader should know about their saved progress (upgraded, or unreadable and reset). */
export function showStorageNotice(area: HTMLElement | null, message: string | undefined): void {
  if (!area || !message) return;
  area.textContent = message;
  area.hidden = false;
}
