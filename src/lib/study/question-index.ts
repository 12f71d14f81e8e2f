/** Every question's card key and topic, as the review and exam pages carry them before the questions load. */
export type QuestionIndex = [key: string, topic: string][];

/** The index written into a page attribute, or an empty list if it cannot be read. */
export function readQuestionIndex(text: string | undefined): QuestionIndex {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value)
      ? value.filter(
          (entry): entry is [string, string] =>
            Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
        )
      : [];
  } catch {
    return [];
  }
}
