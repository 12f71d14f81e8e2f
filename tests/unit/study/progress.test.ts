import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, review } from '../../../src/lib/study/review-scheduler.ts';
import {
  BACKUP_KEY,
  STORAGE_KEY,
  cardKey,
  emptyProgress,
  importProgress,
  markUnderstood,
  mergeProgress,
  migrateV1,
  parseProgress,
  recordAnswer,
  serializeProgress,
  statusMessage,
  understoodSections,
  type StudyProgress,
  type StudyProgressV1,
} from '../../../src/lib/study/progress.ts';
import { loadProgress, resetProgress, updateProgress } from '../../../src/browser/study-storage.ts';

const now = Date.UTC(2026, 10, 24, 9);

function sample(): StudyProgress {
  let progress = emptyProgress();
  progress = recordAnswer(progress, cardKey('eks', 'pick-eks'), undefined, 5, now - DAY_MS);
  progress = recordAnswer(progress, cardKey('ludwig', 'declarative'), undefined, 1, now);
  progress = markUnderstood(progress, 'eks', 'eks-vs-ecs', true, now);
  return progress;
}

describe('saving and reading progress', () => {
  it('reads back what it wrote', () => {
    const progress = sample();
    expect(parseProgress(serializeProgress(progress), now)).toEqual({ progress, status: { kind: 'ok' } });
  });

  it('starts empty, quietly, when nothing is stored', () => {
    const loaded = parseProgress(undefined, now);
    expect(loaded).toEqual({ progress: emptyProgress(), status: { kind: 'empty' } });
    expect(statusMessage(loaded.status)).toBeUndefined();
  });

  it('records an answer as an SM-2 review of the card as it was before the sitting', () => {
    const first = recordAnswer(emptyProgress(), 'eks/a', undefined, 1, now);
    const before = first.cards['eks/a'];
    // Right after the explanation, in the same sitting: graded 3 against the state before it.
    const regraded = recordAnswer(first, 'eks/a', undefined, 3, now);
    expect(regraded.cards['eks/a']).toEqual(review(undefined, 3, now));
    expect(recordAnswer(first, 'eks/a', before, 5, now + DAY_MS).cards['eks/a']).toEqual(
      review(before, 5, now + DAY_MS),
    );
  });

  it('marks and unmarks sections as understood', () => {
    let progress = markUnderstood(emptyProgress(), 'eks', 'a', true, now);
    progress = markUnderstood(progress, 'eks', 'b', true, now + 1);
    progress = markUnderstood(progress, 'eks', 'a', true, now + 2);
    expect(progress.understood).toEqual({ eks: { a: now, b: now + 1 } });
    progress = markUnderstood(markUnderstood(progress, 'eks', 'a', false, now), 'eks', 'b', false, now);
    expect(progress.understood).toEqual({});
    expect(understoodSections(sample(), 'eks')).toEqual(['eks-vs-ecs']);
  });
});

describe('migration', () => {
  const v1: StudyProgressV1 = {
    version: 1,
    answers: {
      'eks/pick-eks': { correct: true, at: now - 3 * DAY_MS },
      'eks/fargate': { correct: false, at: now - DAY_MS },
    },
    understood: ['eks#eks-vs-ecs', 'ludwig#what-is-ludwig'],
  };

  it('turns version 1 answers into cards reviewed once, and note#section strings into sections', () => {
    const progress = migrateV1(v1, now);
    expect(progress.cards['eks/pick-eks']).toEqual(review(undefined, 5, now - 3 * DAY_MS));
    expect(progress.cards['eks/fargate']).toMatchObject({ repetitions: 0, interval: 1, quality: 1, due: now });
    expect(progress.understood).toEqual({ eks: { 'eks-vs-ecs': now }, ludwig: { 'what-is-ludwig': now } });
  });

  it('reads a stored version 1 document as version 2 and says so', () => {
    const loaded = parseProgress(JSON.stringify(v1), now);
    expect(loaded.status).toEqual({ kind: 'migrated', from: 1 });
    expect(loaded.progress).toEqual(migrateV1(v1, now));
    expect(statusMessage(loaded.status)).toMatch(/upgraded/);
  });

  it('does not accept a version 1 document of the wrong shape', () => {
    const loaded = parseProgress(JSON.stringify({ ...v1, understood: ['no-section-here'] }), now);
    expect(loaded.status).toEqual({ kind: 'reset', reason: '"understood" is not a list of note#section strings' });
  });
});

describe('stored data that cannot be read', () => {
  const cases: [string, string, string][] = [
    ['corrupted JSON', '{"version":2,"cards":', 'it is not valid JSON'],
    ['not an object', '[1,2,3]', 'it is not an object'],
    ['no version', '{"cards":{}}', 'it has no known format version'],
    [
      'a future version',
      '{"version":3,"cards":{},"understood":{}}',
      'it was saved by a newer version of the site (format 3)',
    ],
    ['cards of the wrong type', '{"version":2,"cards":[],"understood":{}}', '"cards" is not an object'],
    [
      'a card with a broken field',
      JSON.stringify({ version: 2, cards: { 'eks/a': { ...review(undefined, 5, now), ease: 0.5 } }, understood: {} }),
      'the card "eks/a" is not a valid review card',
    ],
    [
      'understood of the wrong shape',
      '{"version":2,"cards":{},"understood":{"eks":["a"]}}',
      '"understood" is not a list of sections per note',
    ],
    ['unknown fields', '{"version":2,"cards":{},"understood":{},"extra":1}', 'it has fields this site does not know'],
  ];

  it.each(cases)('%s: starts afresh and says why', (_, text, reason) => {
    const loaded = parseProgress(text, now);
    expect(loaded).toEqual({ progress: emptyProgress(), status: { kind: 'reset', reason } });
    expect(statusMessage(loaded.status)).toContain(reason);
  });
});

describe('import', () => {
  it('merges a valid export into the current progress and counts what it brought', () => {
    const current = markUnderstood(emptyProgress(), 'horovod', 'ring-allreduce', true, now);
    const result = importProgress(serializeProgress(sample()), current, now);
    expect(result).toEqual({ ok: true, progress: mergeProgress(current, sample()), cards: 2, sections: 1 });
    if (result.ok) expect(Object.keys(result.progress.understood).sort()).toEqual(['eks', 'horovod']);
  });

  it('accepts an export from version 1, migrated', () => {
    const v1 = { version: 1, answers: { 'eks/a': { correct: true, at: now } }, understood: [] };
    const result = importProgress(JSON.stringify(v1), emptyProgress(), now);
    expect(result.ok && result.progress.cards['eks/a']).toEqual(review(undefined, 5, now));
  });

  it('rejects anything that is not valid progress, with the reason', () => {
    expect(importProgress('not json', emptyProgress(), now)).toEqual({ ok: false, reason: 'it is not valid JSON' });
    expect(importProgress('{"version":9}', emptyProgress(), now)).toEqual({
      ok: false,
      reason: 'it was saved by a newer version of the site (format 9)',
    });
    expect(importProgress('{"version":2,"cards":{"x":1},"understood":{}}', emptyProgress(), now)).toEqual({
      ok: false,
      reason: 'the card "x" is not a valid review card',
    });
  });
});

describe('merge', () => {
  it('keeps the more recent answer of each question and every understood section', () => {
    const older = recordAnswer(emptyProgress(), 'eks/a', undefined, 5, now - DAY_MS);
    const newer = recordAnswer(markUnderstood(emptyProgress(), 'eks', 's2', true, now), 'eks/a', undefined, 1, now);
    const ours = markUnderstood(recordAnswer(older, 'eks/b', undefined, 5, now), 'eks', 's1', true, now - 5);
    const merged = mergeProgress(ours, newer);
    expect(merged.cards['eks/a']).toEqual(newer.cards['eks/a']);
    expect(merged.cards['eks/b']).toEqual(ours.cards['eks/b']);
    expect(merged.understood).toEqual({ eks: { s1: now - 5, s2: now } });
    expect(mergeProgress(newer, ours).cards['eks/a']).toEqual(newer.cards['eks/a']);
  });

  it('keeps the earliest time a section was marked', () => {
    const a = markUnderstood(emptyProgress(), 'eks', 's', true, now);
    const b = markUnderstood(emptyProgress(), 'eks', 's', true, now - 10);
    expect(mergeProgress(a, b).understood).toEqual({ eks: { s: now - 10 } });
    expect(mergeProgress(b, a).understood).toEqual({ eks: { s: now - 10 } });
  });

  it('changes neither input', () => {
    const ours = sample();
    const theirs = markUnderstood(emptyProgress(), 'eks', 'other', true, now);
    const copy = structuredClone(ours);
    mergeProgress(ours, theirs);
    expect(ours).toEqual(copy);
  });
});

describe('in localStorage', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    Object.assign(globalThis, {
      localStorage: {
        getItem: (key: string) => store.get(key) ?? null,
        setItem: (key: string, value: string) => void store.set(key, value),
        removeItem: (key: string) => void store.delete(key),
      },
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('saves changes on top of what is stored now', () => {
    store.set(STORAGE_KEY, serializeProgress(sample()));
    const { progress, saved } = updateProgress((current) => markUnderstood(current, 'eks', 'new', true, now), now);
    expect(saved).toBe(true);
    expect(loadProgress(now).progress).toEqual(progress);
    expect(understoodSections(progress, 'eks')).toEqual(['eks-vs-ecs', 'new']);
  });

  it('sets an unreadable document aside before replacing it, and reset forgets both', () => {
    store.set(STORAGE_KEY, '{oops');
    expect(loadProgress(now).status).toEqual({ kind: 'reset', reason: 'it is not valid JSON' });
    updateProgress((current) => markUnderstood(current, 'eks', 'a', true, now), now);
    expect(store.get(BACKUP_KEY)).toBe('{oops');
    expect(loadProgress(now).status).toEqual({ kind: 'ok' });
    expect(resetProgress()).toBe(true);
    expect([...store.keys()]).toEqual([]);
  });

  it('reports a failed save when storage refuses writes', () => {
    Object.assign(globalThis.localStorage, {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(updateProgress((current) => current, now).saved).toBe(false);
  });
});
