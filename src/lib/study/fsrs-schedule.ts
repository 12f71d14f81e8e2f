import { createEmptyCard, fsrs, generatorParameters, type Card as FsrsCard, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Card, CardState, Grade } from './review-card.ts';

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
