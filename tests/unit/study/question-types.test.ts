import { describe, expect, it } from 'vitest';
import { thrownMessage } from '../../support/thrown.ts';
import { parseQuestionFile } from '../../../src/node/question-file.ts';
import { questionFileSchema } from '../../../src/lib/study/question-schema.ts';
import { checkChoices, checkMatching, checkOrdering } from '../../../src/lib/study/answer-check.ts';
import { questionAnswer } from '../../../src/lib/study/question-answer.ts';

const ordering = `- id: canary-phases
  type: ordering
  prompt: Put the phases of a canary traffic shift in order.
  steps:
    - Shift the canary share of traffic to the new fleet
    - Wait through the baking period while alarms are watched
    - Shift the rest of the traffic
  explanation: The canary goes first, then the baking period, then the remaining traffic moves over.
  section: canary
`;

const matching = `- id: node-types
  type: matching
  prompt: Match each kind of compute to who manages its nodes.
  categories: [AWS, You]
  items:
    - text: Fargate
      category: AWS
    - text: Self-managed nodes
      category: You
    - text: Managed node groups' patching
      category: AWS
  explanation: Fargate and managed node groups are run by AWS; self-managed nodes are yours to run and patch.
  section: nodes
`;

function errorOf(source: string): string {
  return thrownMessage(() => parseQuestionFile('/site/questions/eks.yaml', source));
}

describe('ordering questions', () => {
  it('read with their steps in the right order', () => {
    const [question] = parseQuestionFile('/site/questions/eks.yaml', ordering).questions;
    expect(question).toMatchObject({ type: 'ordering', id: 'canary-phases' });
    expect(question!.type === 'ordering' && question!.steps).toHaveLength(3);
    expect(questionAnswer(question!, 'eks/canary-phases')).toEqual({
      title: 'Right order',
      lines: question!.type === 'ordering' ? question!.steps : [],
    });
  });

  it('fail with the file, the line and the field: too few steps, a repeated step, a stray field', () => {
    const twoSteps = ordering.replace('    - Shift the rest of the traffic\n', '');
    expect(errorOf(twoSteps)).toContain(
      '/site/questions/eks.yaml:4: [0].steps: an ordering question needs at least 3 steps (question "canary-phases")',
    );
    const repeated = ordering.replace(
      'Shift the rest of the traffic',
      'Shift the canary share of traffic to the new fleet',
    );
    expect(errorOf(repeated)).toContain('/site/questions/eks.yaml:7: [0].steps[2]: steps must be different');
    const stray = ordering.replace('  section: canary', '  section: canary\n  choices: []');
    expect(errorOf(stray)).toContain('/site/questions/eks.yaml:10: [0].choices: Unrecognized key');
  });

  it('grade right only in exactly the right order, with a mark per step', () => {
    expect(checkOrdering([2, 0, 1], [2, 0, 1])).toEqual({
      complete: true,
      right: true,
      marks: ['right', 'right', 'right'],
    });
    expect(checkOrdering([2, 0, 1], [2, 1, 0])).toEqual({
      complete: true,
      right: false,
      marks: ['right', 'wrong', 'wrong'],
    });
  });

  it('ask for a position for every step, each used once', () => {
    expect(checkOrdering([0, 1, 2], [0, undefined, 2])).toEqual({
      complete: false,
      problem: 'Give every step a position first.',
    });
    expect(checkOrdering([0, 1, 2], [0, 0, 2])).toEqual({
      complete: false,
      problem: 'Give each step a different position.',
    });
  });
});

describe('matching questions', () => {
  it('read with their categories and items', () => {
    const [question] = parseQuestionFile('/site/questions/eks.yaml', matching).questions;
    expect(question).toMatchObject({ type: 'matching', categories: ['AWS', 'You'] });
    expect(questionAnswer(question!, 'eks/node-types').lines[0]).toBe('Fargate: AWS');
  });

  it('fail with the file, the line and the field for an item whose category is not listed', () => {
    const stray = matching.replace('      category: You', '      category: Customer');
    expect(errorOf(stray)).toContain(
      '/site/questions/eks.yaml:9: [0].items[1].category: "Customer" is not one of the categories: AWS, You (question "node-types")',
    );
    const oneCategory = matching.replace('categories: [AWS, You]', 'categories: [AWS]');
    expect(errorOf(oneCategory)).toContain(
      '/site/questions/eks.yaml:4: [0].categories: a matching question needs at least 2 categories',
    );
  });

  it('grade right only when every item has its category', () => {
    expect(checkMatching([0, 1, 0], [0, 1, 0])).toMatchObject({ complete: true, right: true });
    expect(checkMatching([0, 1, 0], [0, 0, 0])).toEqual({
      complete: true,
      right: false,
      marks: ['right', 'wrong', 'right'],
    });
    expect(checkMatching([0, 1, 0], [0, undefined, 0])).toEqual({
      complete: false,
      problem: 'Choose a category for every item first.',
    });
  });
});

describe('question types', () => {
  it('default to choice, so older questions stay valid', () => {
    const parsed = questionFileSchema.parse([
      {
        id: 'a',
        prompt: 'Which service runs upstream Kubernetes?',
        choices: [{ text: 'EKS', correct: true }, { text: 'ECS' }, { text: 'Batch' }],
        explanation: 'EKS runs certified-conformant upstream Kubernetes on AWS.',
        section: 's',
      },
    ]);
    expect(parsed[0]!.type).toBe('choice');
  });

  it('reject an unknown type, naming the field', () => {
    expect(errorOf(ordering.replace('type: ordering', 'type: sorting'))).toContain(
      '/site/questions/eks.yaml:2: [0].type: type must be one of: choice, ordering, matching',
    );
  });

  it('grade choices: right only with exactly the right ones, marking missed ones', () => {
    expect(checkChoices([true, false, true], [true, false, false])).toEqual({
      complete: true,
      right: false,
      marks: ['right', undefined, 'missed'],
    });
    expect(checkChoices([false, true, false], [false, true, false])).toMatchObject({ right: true });
    expect(checkChoices([false, true], [false, false])).toEqual({
      complete: false,
      problem: 'Choose an answer first.',
    });
  });
});
