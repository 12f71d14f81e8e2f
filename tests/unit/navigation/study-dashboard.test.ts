import { describe, expect, it } from 'vitest';
import { hasMarkedAnySection, nextSectionToRead } from '../../../src/lib/navigation/study-dashboard.ts';

const readingOrder = [
  { note: 'guardrails', noteTitle: 'Guardrails', id: 'blue-green', title: 'Blue/green' },
  { note: 'guardrails', noteTitle: 'Guardrails', id: 'canary', title: 'Canary' },
  { note: 'eks', noteTitle: 'Amazon EKS', id: 'node-types', title: 'Node types' },
];

describe('the study dashboard', () => {
  it('points at the first section in reading order not yet marked as understood', () => {
    expect(nextSectionToRead(readingOrder, {})).toEqual(readingOrder[0]);
    expect(nextSectionToRead(readingOrder, { guardrails: { 'blue-green': 1, canary: 2 } })).toEqual(readingOrder[2]);
    expect(nextSectionToRead(readingOrder, { guardrails: { canary: 2 } })).toEqual(readingOrder[0]);
    expect(
      nextSectionToRead(readingOrder, { guardrails: { 'blue-green': 1, canary: 2 }, eks: { 'node-types': 3 } }),
    ).toBeUndefined();
  });
});

describe('hasMarkedAnySection', () => {
  it('is true once any section of any note is marked, and not for notes left with none', () => {
    expect(hasMarkedAnySection({})).toBe(false);
    expect(hasMarkedAnySection({ guardrails: {} })).toBe(false);
    expect(hasMarkedAnySection({ guardrails: {}, eks: { 'node-types': 3 } })).toBe(true);
  });
});
