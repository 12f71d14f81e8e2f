import type { QuizQuestion } from './quiz-question.ts';
import { gradeSitting, waitText } from '../../lib/study/sitting-grade.ts';
import type { Card } from '../../lib/study/review-card.ts';
import { SAVE_FAILED, recordCard } from '../../lib/study/progress.ts';
import { loadProgress, updateProgress } from '../../browser/study-storage.ts';

/** The scheduler, loaded on the first answer (or earlier, when the reader starts on a question). */
let scheduler: Promise<typeof import('../../lib/study/fsrs-schedule.ts')> | undefined;
export function loadScheduler(): typeof scheduler {
  scheduler ??= import('../../lib/study/fsrs-schedule.ts');
  return scheduler;
}

/**
 * Records each check in the study store, graded for the whole sitting (right first time, right
 * after a retry or marked hard, or not yet) against the card as it was before the sitting, so a
 * retry regrades the answer instead of counting as a second review. Resolves to a line saying
 * what was saved.
 */
export function answerRecorder(now: () => number = Date.now): (question: QuizQuestion) => Promise<string> {
  const before = new Map<string, Card | undefined>();
  return async (question) => {
    const { review } = await loadScheduler()!;
    const time = now();
    if (!before.has(question.key)) before.set(question.key, loadProgress(time).progress.cards[question.key]);
    const previous = before.get(question.key);
    const card = review(previous, gradeSitting(question, previous), time);
    const { saved } = updateProgress((current) => recordCard(current, question.key, card), time);
    return saved ? `Saved: it comes back for review ${waitText(card.due, time)}.` : SAVE_FAILED;
  };
}
