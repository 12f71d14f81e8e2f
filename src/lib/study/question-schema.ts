import { z } from 'astro/zod';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lowercase words joined by hyphens');

/** One answer option; `correct` marks the right ones (one or several per question). */
export const choiceSchema = z.strictObject({
  text: z.string().trim().min(1, 'choice text must not be empty'),
  correct: z.boolean().default(false),
});

/**
 * An exam-style multiple-choice question about one note. `section` is the heading id in that
 * note that answers it, so the explanation can link straight to it.
 */
export const questionSchema = z
  .strictObject({
    id: kebabId,
    prompt: z.string().trim().min(20, 'prompt must be a full question'),
    choices: z
      .array(choiceSchema)
      .min(3, 'a question needs at least 3 choices')
      .max(6, 'a question has at most 6 choices'),
    explanation: z.string().trim().min(40, 'explanation must say why the answer is right'),
    section: kebabId,
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
