import { QuizQuestion } from './quiz-question.ts';
import { answerRecorder, loadScheduler } from './answer-recorder.ts';
import { fetchRendered } from './question-bank.ts';
import { showStorageNotice } from './storage-notice.ts';
import { statusMessage } from '../../lib/study/progress.ts';
import { loadProgress } from '../../browser/study-storage.ts';

/**
 * The quiz at the end of a note. A note page links to its questions page, and this fetches the
 * questions from there as the reader reaches the quiz (without JavaScript the link stays, and that
 * page lists them with the answers behind "Show answer"). Then it makes each question checkable and
 * records the answers for review.
 */
class NoteQuiz extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const notice = this.querySelector<HTMLElement>('.study-notice');
    const elsewhere = this.querySelector<HTMLElement>('.quiz-elsewhere[data-source]');
    if (elsewhere) {
      try {
        const list = document.importNode(
          await fetchRendered(elsewhere.dataset.source!, 'note-quiz .quiz-questions'),
          true,
        );
        const hadFocus = elsewhere.contains(document.activeElement);
        elsewhere.replaceWith(list);
        // A keyboard reader on the link carries on at the first question rather than at the top of the page.
        if (hadFocus) list.querySelector<HTMLElement>('input, select')?.focus();
      } catch {
        // The link to the questions page stays, so the questions are still one click away.
        return;
      }
    }
    const record = answerRecorder();
    for (const element of this.querySelectorAll<HTMLElement>('.quiz-question')) new QuizQuestion(element, record);
    // The scheduler is needed only once an answer is checked: fetch it when the reader starts on one.
    for (const type of ['focusin', 'pointerdown'])
      this.addEventListener(type, () => void loadScheduler(), { once: true, passive: true });
    showStorageNotice(notice, statusMessage(loadProgress(Date.now()).status));
  }
}

customElements.define('note-quiz', NoteQuiz);
