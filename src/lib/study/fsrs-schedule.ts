import { createEmptyCard, fsrs, generatorParameters, type Card as FsrsCard, type Grade as FsrsGrade } from 'ts-fsrs';
import { DAY_MS, GRADES, REVIEW_STATE, type Card, type CardState, type Grade } from './review-card.ts';

/**
 * Review scheduling with FSRS (ts-fsrs), Anki's default scheduler: thin, pure wrappers that take
 * the time as an argument and turn the store's plain cards into ts-fsrs cards and back.
 *
 * Settings, and why:
 *   - one 10-minute learning step and one 10-minute relearning step, so a wrong answer (Again) comes
 *     back in minutes while a right one (Good) is first scheduled days out;
 *   - no fuzz, so the same answers give the same schedule (in tests and across devices);
 *   - FSRS's default weights and 90% desired retention.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] }));

function toFsrs(card: Card): FsrsCard {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.step,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: new Date(card.reviewed),
  };
}

/** The card after one answer graded `grade` at `now`; `card` is undefined for a question never answered. */
export function review(card: Card | undefined, grade: Grade, now: number): Card {
  const before = card ? toFsrs(card) : createEmptyCard(new Date(now));
  const after = scheduler.next(before, new Date(now), grade as FsrsGrade).card;
  return {
    due: after.due.getTime(),
    stability: after.stability,
    difficulty: after.difficulty,
    state: after.state as CardState,
    reps: after.reps,
    lapses: after.lapses,
    step: after.learning_steps,
    scheduledDays: after.scheduled_days,
    reviewed: now,
    grade,
  };
}

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
