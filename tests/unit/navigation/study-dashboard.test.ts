import { describe, expect, it } from 'vitest';
import { dueCount, dueCountLabel, nextSectionToRead } from '../../../src/lib/navigation/study-dashboard.ts';

const readingOrder = [
  { note: 'guardrails', noteTitle: 'Guardrails', id: 'blue-green', title: 'Blue/green' },
  { note: 'guardrails', noteTitle: 'Guardrails', id: 'canary', title: 'Canary' },
  { note: 'eks', noteTitle: 'Amazon EKS', id: 'node-types', title: 'Node types' },
];

describe('the study dashboard', () => {
  it('counts the cards due now, and says it in words', () => {
    const now = 1_000_000;
    const cards = { 'eks/q1': { due: now - 1 }, 'eks/q2': { due: now }, 'eks/q3': { due: now + 1 } };
    expect(dueCount(cards, now)).toBe(2);
    expect(dueCount({}, now)).toBe(0);
    expect(dueCountLabel(0)).toBe('Nothing due for review today');
    expect(dueCountLabel(1)).toBe('1 question due for review');
    expect(dueCountLabel(12)).toBe('12 questions due for review');
  });

  it('points at the first section in reading order not yet marked as understood', () => {
    expect(nextSectionToRead(readingOrder, {})).toEqual(readingOrder[0]);
    expect(nextSectionToRead(readingOrder, { guardrails: { 'blue-green': 1, canary: 2 } })).toEqual(readingOrder[2]);
    expect(nextSectionToRead(readingOrder, { guardrails: { canary: 2 } })).toEqual(readingOrder[0]);
    expect(
      nextSectionToRead(readingOrder, { guardrails: { 'blue-green': 1, canary: 2 }, eks: { 'node-types': 3 } }),
    ).toBeUndefined();
  });
});
