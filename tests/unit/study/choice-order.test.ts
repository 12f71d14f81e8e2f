import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { choiceOrder, stepOrder } from '../../../src/lib/study/choice-order.ts';
import { loadQuestionFiles } from '../../../src/node/question-file.ts';
import { repoRoot } from '../../support/build-site.ts';

describe('choiceOrder', () => {
  it('is a permutation of the choices, the same every time for a key', () => {
    for (const count of [3, 4, 5, 6]) {
      const order = choiceOrder('eks/migrate-kubernetes-workloads', count);
      expect([...order].sort()).toEqual(Array.from({ length: count }, (_, index) => index));
      expect(choiceOrder('eks/migrate-kubernetes-workloads', count)).toEqual(order);
    }
  });

  it('differs between questions', () => {
    const orders = new Set(['a/one', 'a/two', 'a/three', 'b/one', 'b/two'].map((key) => choiceOrder(key, 5).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('spreads the right answers of this site over every position', () => {
    const positions = new Map<number, number>();
    let total = 0;
    for (const file of loadQuestionFiles(path.join(repoRoot, 'content/questions'))) {
      for (const question of file.questions) {
        if (question.type !== 'choice') continue;
        const order = choiceOrder(`${file.noteId}/${question.id}`, question.choices.length);
        const shown = order.findIndex((original) => question.choices[original]!.correct);
        positions.set(shown, (positions.get(shown) ?? 0) + 1);
        total++;
      }
    }
    for (const position of [0, 1, 2]) expect(positions.get(position) ?? 0).toBeGreaterThan(total / 10);
    expect(Math.max(...positions.values())).toBeLessThan(total / 2);
  });

  it('never shows the steps of an ordering question already in order', () => {
    for (const key of ['a/one', 'a/two', 'a/three', 'b/one', 'b/two', 'c/x', 'c/y']) {
      for (const count of [2, 3, 4, 5]) {
        const order = stepOrder(key, count);
        expect([...order].sort()).toEqual(Array.from({ length: count }, (_, index) => index));
        expect(order.every((step, index) => step === index)).toBe(false);
      }
    }
  });
});
