import type { Question } from './question-schema.ts';

/**
 * Checks that a question tests knowledge, not test-taking. The classic tell of a written exam is a
 * right answer longer and more careful than its distractors: a learner who always picks the longest
 * choice should do no better than chance.
 */

type ChoiceQuestion = Extract<Question, { type: 'choice' }>;

/** A single-answer choice question: the kind a "pick the longest" strategy can game. */
export function isSingleAnswer(question: Question): question is ChoiceQuestion {
  return question.type === 'choice' && question.choices.filter((choice) => choice.correct).length === 1;
}

/** Whether the right choice is the longest one (a tie counts: the strategy would still pick it). */
export function keyIsLongest(question: ChoiceQuestion): boolean {
  const key = question.choices.find((choice) => choice.correct)!;
  return question.choices.every((choice) => choice.text.length <= key.text.length);
}

/** The share of single-answer questions whose right choice is the longest, and how many there are. */
export function longestKeyShare(questions: readonly Question[]): { share: number; longest: number; total: number } {
  const single = questions.filter(isSingleAnswer);
  const longest = single.filter(keyIsLongest).length;
  return { share: single.length === 0 ? 0 : longest / single.length, longest, total: single.length };
}
