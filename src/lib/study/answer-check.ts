/**
 * Grading one answer, whatever the question type: the page gives what the reader chose beside
 * what is right, part by part (a choice, a step, an item), and gets back the verdict and a mark
 * for each part. Pure, so the quiz, the review session and the practice exam grade alike.
 */

/** right: chosen and right; wrong: chosen and wrong; missed: a right choice left unchosen. */
export type PartMark = 'right' | 'wrong' | 'missed' | undefined;

export type AnswerCheck = { complete: true; right: boolean; marks: PartMark[] } | { complete: false; problem: string };

/** Single or multiple choice: right when exactly the right choices are chosen. */
export function checkChoices(correct: readonly boolean[], chosen: readonly boolean[]): AnswerCheck {
  if (!chosen.includes(true)) return { complete: false, problem: 'Choose an answer first.' };
  const marks = correct.map((isRight, index): PartMark => {
    if (isRight) return chosen[index] ? 'right' : 'missed';
    return chosen[index] ? 'wrong' : undefined;
  });
  return { complete: true, right: correct.every((isRight, index) => isRight === Boolean(chosen[index])), marks };
}

/**
 * Steps in order: `rightPositions[i]` is where step i belongs, `chosen[i]` where the reader put it
 * (0-based; undefined while unset). Every step needs a position, each position used once.
 */
export function checkOrdering(rightPositions: readonly number[], chosen: readonly (number | undefined)[]): AnswerCheck {
  if (chosen.some((position) => position === undefined) || chosen.length !== rightPositions.length)
    return { complete: false, problem: 'Give every step a position first.' };
  if (new Set(chosen).size !== chosen.length)
    return { complete: false, problem: 'Give each step a different position.' };
  return matchParts(rightPositions, chosen);
}

/** Items to categories: `rightCategories[i]` is item i's category, `chosen[i]` the reader's (undefined while unset). */
export function checkMatching(
  rightCategories: readonly number[],
  chosen: readonly (number | undefined)[],
): AnswerCheck {
  if (chosen.some((category) => category === undefined) || chosen.length !== rightCategories.length)
    return { complete: false, problem: 'Choose a category for every item first.' };
  return matchParts(rightCategories, chosen);
}

function matchParts(right: readonly number[], chosen: readonly (number | undefined)[]): AnswerCheck {
  const marks = right.map((value, index): PartMark => (chosen[index] === value ? 'right' : 'wrong'));
  return { complete: true, right: marks.every((mark) => mark === 'right'), marks };
}
