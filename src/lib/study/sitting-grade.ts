import { DAY_MS, GRADES, REVIEW_STATE, type Card, type Grade } from './review-card.ts';

/**
 * How one sitting with a question becomes an FSRS grade, and what the reader is told about when it
 * comes back. Kept apart from the scheduler (fsrs-schedule.ts), which loads only when an answer is saved.
 */

/** One sitting with a question: right or wrong at each check, and whether the reader said it was hard. */
export interface Sitting {
  attempts: readonly boolean[];
  hard: boolean;
}

/**
 * The FSRS grade of a sitting, from what the site can see:
 *   - never right: Again;
 *   - right only after a wrong check (having seen the explanation), or right but "that was hard": Hard;
 *   - right at the first check, when the last sitting was also right without trouble (Good or Easy)
 *     on a card in review: Easy, a second clean recall in a row;
 *   - right at the first check otherwise: Good.
 * `before` is the card as it was ahead of this sitting.
 */
export function gradeSitting(sitting: Sitting, before?: Card): Grade {
  const { attempts, hard } = sitting;
  if (!attempts.includes(true)) return GRADES.again;
  if (attempts[0] !== true || hard) return GRADES.hard;
  const knownWell = before?.state === REVIEW_STATE && before.grade >= GRADES.good;
  return knownWell ? GRADES.easy : GRADES.good;
}

/** Whether a session should ask the question again before it ends (a wrong answer's short step). */
export function repeatInSession(grade: Grade): boolean {
  return grade === GRADES.again;
}

/** "in 10 minutes", "in 3 hours", "tomorrow", "in 6 days": how long until `due`, for a saved-answer line. */
export function waitText(due: number, now: number): string {
  const minutes = Math.max(1, Math.round((due - now) / 60_000));
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  if (due - now < DAY_MS) {
    const hours = Math.round(minutes / 60);
    return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  const days = Math.round((due - now) / DAY_MS);
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}
