import { z } from 'astro/zod';
import { kebabCase } from '../content/ids.ts';

const kebabId = kebabCase('id');
const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

/** One answer option; `correct` marks the right ones (one or several per question). */
export const choiceSchema = z.strictObject({
  text: text('choice text'),
  correct: z.boolean().default(false),
});

/** Fields every question has. `section` is the heading id in its note that answers it. */
const common = {
  id: kebabId,
  prompt: z.string().trim().min(20, 'prompt must be a full question'),
  explanation: z.string().trim().min(40, 'explanation must say why the answer is right'),
  section: kebabId,
};

type Issues = z.core.$RefinementCtx;

function noDuplicates(values: readonly string[], path: PropertyKey[], what: string, context: Issues): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const key = value.toLowerCase();
    if (seen.has(key))
      context.addIssue({ code: 'custom', path: [...path, index], message: `${what} must be different` });
    seen.add(key);
  });
}

/** Single or multiple choice (the default when `type` is left out). */
export const choiceQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('choice'),
    choices: z
      .array(choiceSchema)
      .min(3, 'a question needs at least 3 choices')
      .max(6, 'a question has at most 6 choices'),
  })
  .superRefine((question, context) => {
    const correct = question.choices.filter((choice) => choice.correct).length;
    if (correct === 0)
      context.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'at least one choice must be marked correct: true',
      });
    if (correct === question.choices.length)
      context.addIssue({ code: 'custom', path: ['choices'], message: 'at least one choice must be wrong' });
    const texts = question.choices.map((choice) => choice.text.toLowerCase());
    if (new Set(texts).size !== texts.length)
      context.addIssue({ code: 'custom', path: ['choices'], message: 'choices must be different' });
  });

/** Put steps in order: `steps` lists them in the right order; the page shows them shuffled. */
export const orderingQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('ordering'),
    steps: z
      .array(text('a step'))
      .min(3, 'an ordering question needs at least 3 steps')
      .max(8, 'an ordering question has at most 8 steps'),
  })
  .superRefine((question, context) => noDuplicates(question.steps, ['steps'], 'steps', context));

/** Match each item to one of the categories; several items may share a category. */
export const matchingQuestionSchema = z
  .strictObject({
    ...common,
    type: z.literal('matching'),
    categories: z
      .array(text('a category'))
      .min(2, 'a matching question needs at least 2 categories')
      .max(6, 'a matching question has at most 6 categories'),
    items: z
      .array(z.strictObject({ text: text('item text'), category: text('category') }))
      .min(3, 'a matching question needs at least 3 items')
      .max(8, 'a matching question has at most 8 items'),
  })
  .superRefine((question, context) => {
    noDuplicates(question.categories, ['categories'], 'categories', context);
    noDuplicates(
      question.items.map((item) => item.text),
      ['items'],
      'items',
      context,
    );
    question.items.forEach((item, index) => {
      if (!question.categories.includes(item.category))
        context.addIssue({
          code: 'custom',
          path: ['items', index, 'category'],
          message: `"${item.category}" is not one of the categories: ${question.categories.join(', ')}`,
        });
    });
  });

const QUESTION_TYPES = ['choice', 'ordering', 'matching'] as const;

/**
 * An exam-style question about one note: choice (the default), ordering or matching. A missing
 * `type` means choice, so the questions written before the other types existed stay valid.
 */
export const questionSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && !('type' in value)
      ? { type: 'choice', ...value }
      : value,
  z.discriminatedUnion('type', [choiceQuestionSchema, orderingQuestionSchema, matchingQuestionSchema], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `type must be one of: ${QUESTION_TYPES.join(', ')}` : undefined,
  }),
);

/** A question file: the questions of one note, in `content/questions/<note-id>.yaml`. */
export const questionFileSchema = z
  .array(questionSchema)
  .min(1)
  .superRefine((questions, context) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.id))
        context.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate question id "${question.id}"` });
      seen.add(question.id);
    });
  });

export type Question = z.infer<typeof questionSchema>;
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
export type OrderingQuestion = z.infer<typeof orderingQuestionSchema>;
export type MatchingQuestion = z.infer<typeof matchingQuestionSchema>;
