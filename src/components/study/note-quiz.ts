import { QuizQuestion } from './quiz-question.ts';
import { answerRecorder, loadScheduler } from './answer-recorder.ts';
import { showStorageNotice } from './storage-notice.ts';
import { statusMessage } from '../../lib/study/progress.ts';
import { loadProgress } from '../../browser/study-storage.ts';

/**
 * The quiz at the end of a note. Without JavaScript its questions read as a list with the answers
 * behind "Show answer"; this makes each one checkable and records the answers for review.
 */
class NoteQuiz extends HTMLElement {
  connectedCallback(): void {
    const record = answerRecorder();
    for (const element of this.querySelectorAll<HTMLElement>('.quiz-question')) new QuizQuestion(element, record);
    this.querySelector<HTMLElement>('.quiz-saving')!.hidden = false;
    // The scheduler is needed only once an answer is checked: fetch it when the reader starts on one.
    for (const type of ['focusin', 'pointerdown'])
      this.addEventListener(type, () => void loadScheduler(), { once: true, passive: true });
    showStorageNotice(this.querySelector('.study-notice'), statusMessage(loadProgress(Date.now()).status));
  }
}

customElements.define('note-quiz', NoteQuiz);
