import { showStorageNotice } from './storage-notice.ts';
import { downloadProgress, readChosenFile } from './progress-file.ts';
import { countDue, topicScores } from '../../lib/study/due-cards.ts';
import { SAVE_FAILED, emptyProgress, importProgress, mergeProgress, statusMessage } from '../../lib/study/progress.ts';
import { loadProgress, resetProgress, updateProgress } from '../../browser/study-storage.ts';
import type { ReviewRun } from './review-run.ts';
import { BANK_FAILED, loadQuestionBank } from './question-bank.ts';
import { readQuestionIndex } from '../../lib/study/question-index.ts';

/**
 * The review page, light until the reader acts: it fills the counts and the scores in place and
 * runs export, import and reset. The session itself (review-run.ts, with the scheduler) loads when
 * the reader starts it or asks for every question.
 */
class ReviewPage extends HTMLElement {
  private run: Promise<ReviewRun> | undefined;

  connectedCallback(): void {
    const loaded = loadProgress(Date.now());
    showStorageNotice(this.find('.study-notice'), statusMessage(loaded.status));
    this.refresh();
    this.find('.review-start').addEventListener('click', () => this.withRun((run) => run.start(true)));
    this.find('.review-restart').addEventListener('click', () => this.withRun((run) => run.start(true)));
    this.find('.review-browse').addEventListener('click', () => this.withRun((run) => run.browse()));
    this.find('#review-topic').addEventListener('change', () => {
      this.refresh();
      if (this.classList.contains('is-session')) this.withRun((run) => run.start(false));
    });
    this.setUpData();
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private withRun(action: (run: ReviewRun) => void): void {
    this.runner().then(action, () => undefined);
  }

  /** The session, with the questions fetched; on failure the reader is told and may try again. */
  private runner(): Promise<ReviewRun> {
    this.run ??= Promise.all([import('./review-run.ts'), loadQuestionBank(this.find('.review-list'))]).then(
      ([{ ReviewRun }, elements]) => new ReviewRun(this, elements, () => this.refresh()),
    );
    this.run.catch(() => {
      this.run = undefined;
      this.find('.review-status').textContent = BANK_FAILED;
    });
    return this.run;
  }

  /** The counts above the session and the table of scores, from what is saved now. */
  refresh(): void {
    const now = Date.now();
    const { cards } = loadProgress(now).progress;
    const topic = this.find<HTMLSelectElement>('#review-topic').value;
    const questions = readQuestionIndex(this.dataset.questions).map(([key, topic]) => ({ key, topic }));
    const keys = questions.filter((question) => !topic || question.topic === topic).map(({ key }) => key);
    this.find('[data-count="due"]').textContent = String(countDue(cards, now, keys));
    this.find('[data-count="new"]').textContent = String(keys.filter((key) => !cards[key]).length);
    for (const score of topicScores(questions, cards, now)) {
      const row = this.querySelector(`.review-scores tr[data-topic="${score.topic}"]`);
      if (!row) continue;
      const cells = {
        answered: `${score.answered} of ${score.total}`,
        right: score.answered > 0 ? `${score.right} of ${score.answered}` : '–',
        due: String(score.due),
      };
      for (const [name, text] of Object.entries(cells)) row.querySelector(`[data-score="${name}"]`)!.textContent = text;
    }
  }

  /** Export, import and reset; each says what it did, and the counts follow. */
  private setUpData(): void {
    const result = this.find('.study-data-result');
    const say = (message: string) => (result.textContent = message);
    const changed = () => {
      this.find('.study-notice').hidden = true;
      this.refresh();
      if (this.classList.contains('is-session')) this.withRun((run) => run.start(false));
    };
    this.find('.study-export').addEventListener('click', () => {
      const now = Date.now();
      const { progress } = loadProgress(now);
      downloadProgress(progress, new Date(now));
      const sections = Object.values(progress.understood).reduce((sum, note) => sum + Object.keys(note).length, 0);
      say(
        `Exported ${Object.keys(progress.cards).length} answered questions and ${sections} sections marked as understood.`,
      );
    });
    const input = this.find<HTMLInputElement>('.study-import input');
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
    this.find('.study-reset').addEventListener('click', () => {
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

customElements.define('review-session', ReviewPage);
