import { QuizQuestion } from './quiz-question.ts';
import { answerRecorder, loadScheduler } from './answer-recorder.ts';
import { gradeSitting, repeatInSession } from '../../lib/study/sitting-grade.ts';
import { nextDue, sessionOrder } from '../../lib/study/due-cards.ts';
import { loadProgress } from '../../browser/study-storage.ts';

/** Keys go to the session unless the reader is using another control (links still open with Enter). */
const OTHER_CONTROLS =
  'a, summary, select, textarea, button, input:not([type="radio"], [type="checkbox"]), dialog, .study-data, .review-toolbar';

function when(time: number, now: number): string {
  if (time <= now) return 'now';
  return new Date(time).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/**
 * A review session on the review page: one question at a time, due cards first (most overdue
 * first), then new ones; those answered wrong come back before the session ends. Keyboard: 1–6
 * choose, Enter checks, then Enter goes on. Or every question at once ("Show all questions").
 */
export class ReviewRun {
  private readonly questions = new Map<string, QuizQuestion>();
  private queue: string[] = [];
  private position = -1;
  private dueAtStart = 0;
  private rightFirstTime = 0;
  private current: QuizQuestion | undefined;
  private readonly find: <T extends HTMLElement = HTMLElement>(selector: string) => T;

  private readonly root: HTMLElement;
  private readonly changed: () => void;

  constructor(root: HTMLElement, elements: readonly HTMLElement[], changed: () => void) {
    this.root = root;
    this.changed = changed;
    this.find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
    const record = answerRecorder();
    for (const element of elements) {
      const question = new QuizQuestion(element, record);
      this.questions.set(question.key, question);
    }
    this.find('.review-next').addEventListener('click', () => this.advance(true));
    root.addEventListener('quiz-checked', (event) => this.checked(event.target as HTMLElement));
    root.addEventListener('quiz-saved', () => this.changed());
    // The reader is about to answer: fetch the scheduler now, so the first save is quick.
    void loadScheduler();
    document.addEventListener('keydown', (event) => this.key(event));
  }

  private topicKeys(): string[] {
    const topic = this.find<HTMLSelectElement>('#review-topic').value;
    return [...this.questions.values()]
      .filter((question) => !topic || question.element.dataset.topic === topic)
      .map((question) => question.key);
  }

  private key(event: KeyboardEvent): void {
    const question = this.current;
    if (!question || !this.root.classList.contains('is-session') || event.altKey || event.ctrlKey || event.metaKey)
      return;
    if (event.target instanceof Element && event.target.closest(OTHER_CONTROLS)) return;
    if (/^[1-6]$/.test(event.key)) {
      event.preventDefault();
      question.choose(Number(event.key) - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (question.checked) this.advance(true);
      else question.check();
    }
  }

  /** A new session over the chosen topic. */
  start(focus: boolean): void {
    const now = Date.now();
    const { cards } = loadProgress(now).progress;
    this.queue = sessionOrder(this.topicKeys(), cards, now);
    this.dueAtStart = this.queue.filter((key) => cards[key]).length;
    this.position = -1;
    this.rightFirstTime = 0;
    for (const question of this.questions.values()) {
      question.attempts.length = 0;
      question.hard = false;
    }
    this.root.classList.remove('is-browsing');
    this.root.classList.add('is-session');
    this.find('.review-done').hidden = true;
    this.advance(focus);
  }

  private advance(focus: boolean): void {
    this.current?.element.classList.remove('is-current');
    this.position++;
    const key = this.queue[this.position];
    this.find('.review-next-bar').hidden = true;
    if (key === undefined) {
      this.finish(focus);
      return;
    }
    const question = this.questions.get(key)!;
    if (question.checked) question.retry();
    question.element.classList.add('is-current');
    this.current = question;
    const kind =
      question.attempts.length > 0
        ? 'again, after a wrong answer'
        : this.position < this.dueAtStart
          ? 'due for review'
          : 'new question';
    this.find('.review-status').textContent = `Question ${this.position + 1} of ${this.queue.length}: ${kind}.`;
    if (focus) question.focus();
  }

  /** After a check in the session: ask again later if it was wrong, then offer the next question. */
  private checked(element: HTMLElement): void {
    const question = this.current;
    if (!this.root.classList.contains('is-session') || question?.element !== element) return;
    const next = this.find('.review-next-bar');
    if (!next.hidden) return; // "That was hard" pressed after the check: already counted.
    const last = question.attempts.at(-1) === true;
    if (last && question.attempts.length === 1) this.rightFirstTime++;
    if (repeatInSession(gradeSitting({ attempts: [last], hard: false }))) this.queue.push(question.key);
    next.hidden = false;
    this.find<HTMLButtonElement>('.review-next').focus();
  }

  private finish(focus: boolean): void {
    this.current = undefined;
    const now = Date.now();
    const next = nextDue(this.topicKeys(), loadProgress(now).progress.cards);
    const upcoming = next === undefined ? '' : ` The next question is due ${when(next, now)}.`;
    const answered = new Set(this.queue).size;
    const topic = this.find<HTMLSelectElement>('#review-topic').value;
    this.find('.review-summary').textContent =
      answered === 0
        ? `Nothing is due for review${topic ? ' in this topic' : ''}.${upcoming}`
        : `Session done: ${answered} ${answered === 1 ? 'question' : 'questions'}, ${this.rightFirstTime} right the first time.${upcoming}`;
    this.find('.review-status').textContent = '';
    this.find('.review-done').hidden = false;
    if (focus) this.find('.review-summary').focus();
  }

  /** Leaves the session for the full list, where every question can still be answered. */
  browse(): void {
    this.current?.element.classList.remove('is-current');
    this.current = undefined;
    this.root.classList.remove('is-session');
    this.root.classList.add('is-browsing');
    this.find('.review-next-bar').hidden = true;
    this.find('.review-done').hidden = true;
    this.find('.review-status').textContent =
      `All ${this.questions.size} questions. Answers you check here are saved too.`;
  }
}
