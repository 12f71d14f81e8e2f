import { QuizQuestion, answerRecorder, showStorageNotice } from './quiz-question.ts';
import { downloadProgress, readChosenFile } from './progress-file.ts';
import { gradeSitting, nextDue, repeatToday, sessionOrder, topicScores } from '../../lib/study/review-scheduler.ts';
import { SAVE_FAILED, emptyProgress, importProgress, mergeProgress, statusMessage } from '../../lib/study/progress.ts';
import { loadProgress, resetProgress, updateProgress } from '../../browser/study-storage.ts';

/** Keys go to the session unless the reader is using another control (links still open with Enter). */
const OTHER_CONTROLS =
  'a, summary, select, textarea, input:not([type="radio"], [type="checkbox"]), dialog, .study-data, .review-toolbar';

function parts(root: HTMLElement) {
  const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  return {
    notice: find('.study-notice'),
    status: find('.review-status'),
    topic: find<HTMLSelectElement>('.review-filter select'),
    nextBar: find('.review-next-bar'),
    next: find<HTMLButtonElement>('.review-next'),
    done: find('.review-done'),
    summary: find('.review-summary'),
    browse: find<HTMLButtonElement>('.review-browse'),
    dataResult: find('.study-data-result'),
  };
}

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
 * The review page. Turns the server-rendered list of every question into a session showing one
 * at a time: due cards first (most overdue first), then new ones; those answered wrong come back
 * before the session ends (SM-2's same-day repetition). Keyboard: 1–6 choose, Enter checks, then
 * Enter goes on. Also shows the scores per topic and runs export, import and reset.
 */
class ReviewSession extends HTMLElement {
  private readonly questions = new Map<string, QuizQuestion>();
  private queue: string[] = [];
  private position = -1;
  private dueAtStart = 0;
  private rightFirstTime = 0;
  private current: QuizQuestion | undefined;
  private ui!: ReturnType<typeof parts>;

  connectedCallback(): void {
    this.ui = parts(this);
    const record = answerRecorder();
    for (const element of this.querySelectorAll<HTMLElement>('.quiz-question')) {
      const question = new QuizQuestion(element, record);
      this.questions.set(question.key, question);
    }
    for (const selector of ['.review-panel', '.review-scores', '.study-data'])
      this.querySelector<HTMLElement>(selector)!.hidden = false;
    const ui = this.ui;
    showStorageNotice(ui.notice, statusMessage(loadProgress(Date.now()).status));
    ui.topic.addEventListener('change', () => this.start());
    ui.next.addEventListener('click', () => this.advance(true));
    this.querySelector('.review-restart')!.addEventListener('click', () => this.start(true));
    ui.browse.addEventListener('click', () => this.browse());
    this.addEventListener('quiz-checked', (event) => this.checked(event.target as HTMLElement));
    document.addEventListener('keydown', (event) => this.key(event));
    this.setUpData();
    this.showScores();
    this.start();
  }

  private key(event: KeyboardEvent): void {
    const question = this.current;
    if (!question || !this.classList.contains('is-session') || event.altKey || event.ctrlKey || event.metaKey) return;
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
  private start(focus = false): void {
    const now = Date.now();
    const topic = this.ui.topic.value;
    const keys = [...this.questions.values()]
      .filter((question) => !topic || question.element.dataset.topic === topic)
      .map((question) => question.key);
    const { cards } = loadProgress(now).progress;
    this.queue = sessionOrder(keys, cards, now);
    this.dueAtStart = this.queue.filter((key) => cards[key]).length;
    this.position = -1;
    this.rightFirstTime = 0;
    for (const question of this.questions.values()) question.attempts.length = 0;
    this.classList.add('is-session');
    this.ui.done.hidden = true;
    this.ui.browse.hidden = false;
    this.advance(focus);
  }

  private advance(focus: boolean): void {
    this.current?.element.classList.remove('is-current');
    this.position++;
    const key = this.queue[this.position];
    this.ui.nextBar.hidden = true;
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
    this.ui.status.textContent = `Question ${this.position + 1} of ${this.queue.length}: ${kind}.`;
    if (focus) question.element.querySelector('input')?.focus();
  }

  /** After a check in the session: ask again later if it was wrong, then offer the next question. */
  private checked(element: HTMLElement): void {
    this.showScores();
    const question = this.current;
    if (!this.classList.contains('is-session') || question?.element !== element) return;
    const last = question.attempts.at(-1) === true;
    if (last && question.attempts.length === 1) this.rightFirstTime++;
    if (repeatToday(gradeSitting([last]))) this.queue.push(question.key);
    this.ui.nextBar.hidden = false;
    this.ui.next.focus();
  }

  private finish(focus: boolean): void {
    this.current = undefined;
    const now = Date.now();
    const topic = this.ui.topic.value;
    const keys = [...this.questions.values()]
      .filter((question) => !topic || question.element.dataset.topic === topic)
      .map((question) => question.key);
    const next = nextDue(keys, loadProgress(now).progress.cards);
    const upcoming = next === undefined ? '' : ` The next question is due ${when(next, now)}.`;
    const answered = new Set(this.queue).size;
    this.ui.summary.textContent =
      answered === 0
        ? `Nothing is due for review${topic ? ' in this topic' : ''}.${upcoming}`
        : `Session done: ${answered} ${answered === 1 ? 'question' : 'questions'}, ${this.rightFirstTime} right the first time.${upcoming}`;
    this.ui.status.textContent = '';
    this.ui.done.hidden = false;
    if (focus) this.ui.summary.focus();
  }

  /** Leaves the session for the full list, where every question can still be answered. */
  private browse(): void {
    this.current?.element.classList.remove('is-current');
    this.current = undefined;
    this.classList.remove('is-session');
    this.ui.nextBar.hidden = true;
    this.ui.browse.hidden = true;
    this.ui.summary.textContent = `All ${this.questions.size} questions. Answers you check here are saved too.`;
    this.ui.status.textContent = '';
  }

  private showScores(): void {
    const now = Date.now();
    const questions = [...this.questions.values()].map((question) => ({
      key: question.key,
      topic: question.element.dataset.topic ?? '',
    }));
    const scores = topicScores(questions, loadProgress(now).progress.cards, now);
    for (const row of this.querySelectorAll<HTMLElement>('.review-scores tr[data-topic]')) {
      const score = scores.find(({ topic }) => topic === row.dataset.topic);
      if (!score) continue;
      const cells = {
        answered: `${score.answered} of ${score.total}`,
        right: score.answered > 0 ? `${score.right} of ${score.answered}` : 'none yet',
        due: String(score.due),
      };
      for (const [name, text] of Object.entries(cells)) row.querySelector(`[data-score="${name}"]`)!.textContent = text;
    }
  }

  /** Export, import and reset; each says what it did, and what the session shows follows. */
  private setUpData(): void {
    const say = (message: string) => (this.ui.dataResult.textContent = message);
    const changed = () => {
      this.ui.notice.hidden = true;
      this.showScores();
      this.start();
    };
    this.querySelector('.study-export')!.addEventListener('click', () => {
      const now = Date.now();
      const { progress } = loadProgress(now);
      downloadProgress(progress, new Date(now));
      const sections = Object.values(progress.understood).reduce((sum, note) => sum + Object.keys(note).length, 0);
      say(
        `Exported ${Object.keys(progress.cards).length} answered questions and ${sections} sections marked as understood.`,
      );
    });
    const input = this.querySelector<HTMLInputElement>('.study-import input')!;
    input.addEventListener('change', async () => {
      const name = input.files?.[0]?.name ?? 'the file';
      const text = await readChosenFile(input);
      input.value = '';
      const now = Date.now();
      const imported =
        text === undefined
          ? { ok: false as const, reason: 'it could not be read' }
          : importProgress(text, emptyProgress(), now);
      if (!imported.ok) {
        say(`Nothing was imported: ${name} is not progress exported from this site (${imported.reason}).`);
        return;
      }
      const { saved } = updateProgress((current) => mergeProgress(current, imported.progress), now);
      say(
        saved
          ? `Imported ${imported.cards} answered questions and ${imported.sections} sections marked as understood from ${name}.`
          : SAVE_FAILED,
      );
      changed();
    });
    this.querySelector('.study-reset')!.addEventListener('click', () => {
      if (
        !confirm(
          'Delete all your saved answers and the sections you marked as understood, in this browser? This cannot be undone.',
        )
      )
        return;
      say(resetProgress() ? 'Progress reset: every question is new again.' : SAVE_FAILED);
      changed();
    });
  }
}

customElements.define('review-session', ReviewSession);
