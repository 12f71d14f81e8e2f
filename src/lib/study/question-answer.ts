import type { Question } from './question-schema.ts';
import { choiceOrder } from './choice-order.ts';

/**
 * The answer of a question in words, for "Show answer": the right choices numbered as shown,
 * the steps in order, or each item with its category.
 */
export function questionAnswer(question: Question, cardKey: string): { title: string; lines: string[] } {
  if (question.type === 'ordering') return { title: 'Right order', lines: question.steps };
  if (question.type === 'matching')
    return { title: 'Matches', lines: question.items.map((item) => `${item.text}: ${item.category}`) };
  const lines = choiceOrder(cardKey, question.choices.length).flatMap((original, shown) => {
    const choice = question.choices[original]!;
    return choice.correct ? [`Choice ${shown + 1}: ${choice.text}`] : [];
  });
  return { title: lines.length > 1 ? 'Answers' : 'Answer', lines };
}
