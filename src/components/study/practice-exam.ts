import { QuizQuestion } from './quiz-question.ts';
import { showStorageNotice } from './storage-notice.ts';
import { loadScheduler } from './answer-recorder.ts';
import { BANK_FAILED, loadQuestionBank } from './question-bank.ts';
import { readQuestionIndex } from '../../lib/study/question-index.ts';
import {
  answerQuestion,
  clockText,
  createExam,
  flagQuestion,
  scoreExam,
  timeLeft,
  type ExamState,
} from '../../lib/study/practice-exam.ts';
import { SAVE_FAILED, recordCard } from '../../lib/study/progress.ts';
import { GRADES } from '../../lib/study/review-card.ts';
import { updateProgress } from '../../browser/study-storage.ts';
import { loadExam, saveExam } from '../../browser/exam-storage.ts';

/**
 * The practice exam page. The setup form picks topics and a length; the exam then shows the
 * build-rendered questions one at a time with a countdown, a flag and a map of every question, and
 * is saved after each change so a reload carries on where it was. At the end (or when time runs
 * out) it scores each topic, shows the wrong answers with their explanations, and sends them to review.
 */
class PracticeExam extends HTMLElement {
  private readonly questions = new Map<string, QuizQuestion>();
  private exam: ExamState | undefined;
  private timer: number | undefined;

  /** Each question's key and topic, from the page; the questions themselves load with the first exam. */
  private readonly index = readQuestionIndex(this.dataset.questions);

  connectedCallback(): void {
    this.find('.exam-setup').addEventListener('submit', (event) => {
      event.preventDefault();
      this.start();
    });
    this.find('.exam-setup').addEventListener('change', () => this.showPlan());
    this.find('.exam-previous').addEventListener('click', () => this.go(this.exam!.position - 1));
    this.find('.exam-next').addEventListener('click', () => this.go(this.exam!.position + 1));
    this.find('.exam-flag').addEventListener('click', () => this.flag());
    this.find('.exam-finish').addEventListener('click', () => this.confirmFinish());
    this.find('.exam-again').addEventListener('click', () => this.reset());
    this.find('.exam-map ol').addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-index]');
      if (button) this.go(Number(button.dataset.index));
    });

    const { exam, problem } = loadExam();
    if (problem)
      showStorageNotice(
        this.find('.study-notice'),
        `Your practice exam in progress could not be read (${problem}), so it was set aside.`,
      );
    const known = new Set(this.index.map(([key]) => key));
    if (exam && exam.keys.every((key) => known.has(key))) void this.withQuestions(() => this.resume(exam));
    else this.showPlan();
  }

  /** Fetches the questions once (the /questions/ page) and makes them answerable, then runs `next`. */
  private async withQuestions(next: () => void): Promise<void> {
    try {
      const elements = await loadQuestionBank(this.find('.exam-list'));
      if (this.questions.size === 0) {
        for (const element of elements) {
          const question = new QuizQuestion(element);
          this.questions.set(question.key, question);
          element.addEventListener('change', () => this.answered(question));
        }
      }
    } catch {
      this.find('[data-exam-plan]').textContent = BANK_FAILED;
      return;
    }
    next();
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  /** The questions of the ticked topics, in page order. */
  private chosenKeys(): string[] {
    const topics = new Set(
      [...this.querySelectorAll<HTMLInputElement>('.exam-topics input:checked')].map((input) => input.value),
    );
    return this.index.filter(([, topic]) => topics.has(topic)).map(([key]) => key);
  }

  private chosenLength(): number | undefined {
    const value = this.find<HTMLSelectElement>('#exam-length').value;
    return value === '' ? undefined : Number(value);
  }

  private showPlan(): void {
    const available = this.chosenKeys().length;
    const count = Math.min(this.chosenLength() ?? available, available);
    this.find('[data-exam-plan]').textContent =
      count === 0
        ? 'No questions: tick at least one topic'
        : `${count} ${count === 1 ? 'question' : 'questions'}, shuffled, in ${count * 2} minutes`;
    this.find<HTMLButtonElement>('.exam-setup button[type="submit"]').disabled = count === 0;
  }

  private start(): void {
    const keys = this.chosenKeys();
    if (keys.length === 0) return;
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const exam = createExam(keys, this.chosenLength(), seed, Date.now());
    void this.withQuestions(() => {
      // The clock starts once the questions are on screen.
      this.exam = { ...exam, startedAt: Date.now() };
      for (const question of this.questions.values()) question.clear();
      this.save();
      this.resume(this.exam, true);
    });
  }

  /** Shows an exam: running, or its result if it has ended (or its time ran out while away). */
  private resume(exam: ExamState, focus = false): void {
    this.exam = exam;
    for (const key of exam.keys) this.questions.get(key)!.restore(exam.answers[key] ?? []);
    if (exam.finishedAt !== undefined || timeLeft(exam, Date.now()) === 0) {
      void this.finish(false);
      return;
    }
    this.classList.add('is-running');
    this.find('.exam-setup').hidden = true;
    this.find('.exam-bar').hidden = false;
    this.find('.exam-controls').hidden = false;
    this.drawMap();
    this.go(exam.position, focus);
    this.tick();
    this.timer = window.setInterval(() => this.tick(), 1000);
  }

  private tick(): void {
    const left = timeLeft(this.exam!, Date.now());
    this.find('.exam-clock-value').textContent = clockText(left);
    this.find('.exam-clock').classList.toggle('is-short', left <= 5 * 60 * 1000);
    if (left === 0) void this.finish(true);
  }

  private save(): void {
    if (!saveExam(this.exam)) showStorageNotice(this.find('.study-notice'), SAVE_FAILED);
  }

  private drawMap(): void {
    const list = this.find('.exam-map ol');
    list.replaceChildren(
      ...this.exam!.keys.map((_, index) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.index = String(index);
        item.append(button);
        return item;
      }),
    );
    this.updateMap();
  }

  private updateMap(): void {
    const exam = this.exam!;
    this.querySelectorAll<HTMLButtonElement>('.exam-map button').forEach((button, index) => {
      const key = exam.keys[index]!;
      const answered = key in exam.answers;
      const flagged = exam.flagged.includes(key);
      button.textContent = `${index + 1}${flagged ? ' ⚑' : ''}`;
      button.classList.toggle('is-answered', answered);
      button.classList.toggle('is-flagged', flagged);
      if (index === exam.position) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
      button.ariaLabel = `Question ${index + 1}${answered ? ', answered' : ', not answered'}${flagged ? ', flagged' : ''}`;
    });
  }

  private go(index: number, focus = true): void {
    const exam = this.exam!;
    if (index < 0 || index >= exam.keys.length) return;
    this.questions.get(exam.keys[exam.position]!)?.element.classList.remove('is-current');
    this.exam = { ...exam, position: index };
    this.save();
    const key = exam.keys[index]!;
    const question = this.questions.get(key)!;
    question.element.classList.add('is-current');
    this.find('.exam-position').textContent = `Question ${index + 1} of ${exam.keys.length}`;
    this.find<HTMLButtonElement>('.exam-previous').disabled = index === 0;
    this.find<HTMLButtonElement>('.exam-next').disabled = index === exam.keys.length - 1;
    const flag = this.find('.exam-flag');
    flag.ariaPressed = String(exam.flagged.includes(key));
    this.updateMap();
    if (focus) question.focus();
  }

  private answered(question: QuizQuestion): void {
    if (!this.exam || !this.classList.contains('is-running')) return;
    this.exam = answerQuestion(this.exam, question.key, question.values());
    this.save();
    this.updateMap();
  }

  private flag(): void {
    const exam = this.exam!;
    const key = exam.keys[exam.position]!;
    const flagged = !exam.flagged.includes(key);
    this.exam = flagQuestion(exam, key, flagged);
    this.find('.exam-flag').ariaPressed = String(flagged);
    this.save();
    this.updateMap();
  }

  private confirmFinish(): void {
    const exam = this.exam!;
    const open = exam.keys.length - Object.keys(exam.answers).length;
    const flagged = exam.flagged.length;
    const notes = [
      open > 0 ? `${open} ${open === 1 ? 'question is' : 'questions are'} not answered` : '',
      flagged > 0 ? `${flagged} ${flagged === 1 ? 'is' : 'are'} flagged` : '',
    ].filter(Boolean);
    if (notes.length > 0 && !confirm(`${notes.join(' and ')}. Finish the exam now?`)) return;
    void this.finish(true);
  }

  /** Scores the exam, shows the result, and (once) sends the wrong answers to review as Again. */
  private async finish(focus: boolean): Promise<void> {
    window.clearInterval(this.timer);
    const exam = this.exam!;
    const firstTime = exam.finishedAt === undefined;
    this.exam = { ...exam, finishedAt: exam.finishedAt ?? Math.min(Date.now(), exam.startedAt + exam.durationMs) };
    this.save();
    const outcomes = new Map<string, boolean>();
    for (const key of exam.keys) {
      const question = this.questions.get(key)!;
      const verdict = question.evaluate();
      const right = verdict.complete && verdict.right;
      outcomes.set(key, right);
      if (verdict.complete) question.showMarks(verdict.marks, right);
      else question.showAnswer();
    }
    const score = scoreExam(
      exam,
      (key) => outcomes.get(key)!,
      (key) => this.questions.get(key)!.element.dataset.topic ?? '',
    );
    this.showResult(score, this.exam);
    if (focus) this.find('#exam-result-title').focus();
    if (firstTime && score.wrong.length > 0) await this.sendToReview(score.wrong);
  }

  private showResult(score: ReturnType<typeof scoreExam>, exam: ExamState): void {
    this.classList.remove('is-running');
    this.classList.add('is-finished');
    for (const selector of ['.exam-setup', '.exam-bar', '.exam-controls']) this.find(selector).hidden = true;
    const result = this.find('.exam-result');
    result.hidden = false;
    const percent = (right: number, total: number) => Math.round((right / total) * 100);
    const timedOut = (exam.finishedAt ?? 0) >= exam.startedAt + exam.durationMs;
    this.find('.exam-score').textContent =
      `${timedOut ? 'Time ran out. ' : ''}You answered ${score.right} of ${score.total} questions right (${percent(score.right, score.total)}%).`;
    const wrongKeys = new Set(score.wrong);
    for (const row of this.querySelectorAll<HTMLElement>('.exam-topic-scores tr[data-topic]')) {
      const topic = score.topics.find((entry) => entry.topic === row.dataset.topic);
      row.hidden = !topic;
      if (!topic) continue;
      row.querySelector('[data-score="right"]')!.textContent = `${topic.right} of ${topic.total}`;
      row.querySelector('[data-score="percent"]')!.textContent = `${percent(topic.right, topic.total)}%`;
    }
    for (const question of this.questions.values())
      question.element.classList.toggle('is-wrong-answer', wrongKeys.has(question.key));
    this.find('.exam-wrong-title').hidden = wrongKeys.size === 0;
    this.find('.exam-review-note').textContent =
      wrongKeys.size === 0
        ? 'Every answer was right.'
        : `The ${wrongKeys.size} ${wrongKeys.size === 1 ? 'question' : 'questions'} you got wrong or left open go to your review, where they come back within minutes.`;
    this.find('.exam-wrong-title').after(this.find('.exam-list'));
  }

  private async sendToReview(keys: readonly string[]): Promise<void> {
    const { review } = await loadScheduler()!;
    const now = Date.now();
    const { saved } = updateProgress(
      (progress) =>
        keys.reduce(
          (current, key) => recordCard(current, key, review(current.cards[key], GRADES.again, now)),
          progress,
        ),
      now,
    );
    if (!saved) this.find('.exam-review-note').textContent = SAVE_FAILED;
  }

  /** Back to the setup form for a new exam. */
  private reset(): void {
    this.exam = undefined;
    saveExam(undefined);
    this.classList.remove('is-finished');
    this.find('.exam-result').hidden = true;
    this.find('.exam-result').before(this.find('.exam-list'));
    for (const question of this.questions.values()) {
      question.clear();
      question.element.classList.remove('is-current', 'is-wrong-answer');
    }
    this.find('.exam-setup').hidden = false;
    this.showPlan();
    this.find<HTMLButtonElement>('.exam-setup button[type="submit"]').focus();
  }
}

customElements.define('practice-exam', PracticeExam);
