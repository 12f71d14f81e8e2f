import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { review } from '../../../src/lib/study/fsrs-schedule.ts';
import { DAY_MS, GRADES, type Grade } from '../../../src/lib/study/review-card.ts';
import {
  cardFromSm2,
  difficultyFromEase,
  gradeFromQuality,
  type Sm2Card,
} from '../../../src/lib/study/progress-migration.ts';
import {
  BACKUP_KEY,
  STORAGE_KEY,
  cardKey,
  emptyProgress,
  importProgress,
  markUnderstood,
  mergeProgress,
  migrateV1,
  migrateV2,
  parseProgress,
  recordCard,
  serializeProgress,
  statusMessage,
  understoodSections,
  type StudyProgress,
  type StudyProgressV1,
  type StudyProgressV2,
} from '../../../src/lib/study/progress.ts';
import { loadProgress, resetProgress, updateProgress } from '../../../src/browser/study-storage.ts';

const now = Date.UTC(2026, 10, 24, 9);

/** Progress with one answer recorded: the card as it was, reviewed at `grade`. */
function recordAnswer(
  progress: StudyProgress,
  key: string,
  before: Parameters<typeof review>[0],
  grade: Grade,
  time: number,
): StudyProgress {
  return recordCard(progress, key, review(before, grade, time));
}

function sample(): StudyProgress {
  let progress = emptyProgress();
  progress = recordAnswer(progress, cardKey('eks', 'pick-eks'), undefined, GRADES.good, now - DAY_MS);
  progress = recordAnswer(progress, cardKey('ludwig', 'declarative'), undefined, GRADES.again, now);
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

  it("records the scheduler's card for a question, replacing the one before", () => {
    const first = recordAnswer(emptyProgress(), 'eks/a', undefined, GRADES.again, now);
    // Right after the explanation, in the same sitting: regraded against the state before it.
    const regraded = recordAnswer(first, 'eks/a', undefined, GRADES.hard, now);
    expect(regraded.cards['eks/a']).toEqual(review(undefined, GRADES.hard, now));
    expect(first.cards['eks/a']).toEqual(review(undefined, GRADES.again, now));
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

  const sm2 = (fields: Partial<Sm2Card>): Sm2Card => ({
    repetitions: 3,
    interval: 16,
    ease: 2.6,
    due: now + 5 * DAY_MS,
    reviewed: now - 11 * DAY_MS,
    quality: 5,
    ...fields,
  });
  const v2: StudyProgressV2 = {
    version: 2,
    cards: {
      'eks/learnt': sm2({}),
      'eks/failed': sm2({ repetitions: 0, interval: 1, ease: 1.96, quality: 1, due: now - DAY_MS }),
      'ludwig/hard': sm2({ repetitions: 1, interval: 1, ease: 2.36, quality: 3 }),
    },
    understood: { eks: { 'eks-vs-ecs': now - DAY_MS } },
  };

  it("keeps every SM-2 card's due time and last review, so nothing falls due sooner or later", () => {
    const progress = migrateV2(v2);
    for (const [key, old] of Object.entries(v2.cards)) {
      expect(progress.cards[key]).toMatchObject({ due: old.due, reviewed: old.reviewed, scheduledDays: old.interval });
    }
    expect(progress.understood).toEqual(v2.understood);
  });

  it('carries the interval over as stability and the ease as difficulty (2.5 → 5, 1.3 → 10)', () => {
    expect(cardFromSm2(sm2({ interval: 16 })).stability).toBe(16);
    expect(difficultyFromEase(2.5)).toBe(5);
    expect(difficultyFromEase(1.3)).toBe(10);
    expect(difficultyFromEase(1.96)).toBeGreaterThan(difficultyFromEase(2.6));
    expect(difficultyFromEase(9)).toBe(1);
  });

  it('maps SM-2 grades to FSRS grades: 4–5 Good, 3 Hard, below 3 Again (a lapse)', () => {
    expect([5, 4, 3, 2, 1, 0].map(gradeFromQuality)).toEqual([3, 3, 2, 1, 1, 1]);
    expect(migrateV2(v2).cards['eks/failed']).toMatchObject({ grade: GRADES.again, lapses: 1 });
  });

  it('gives cards the scheduler takes on: the next review schedules from the migrated state', () => {
    const migrated = migrateV2(v2).cards['eks/learnt']!;
    const next = review(migrated, GRADES.good, migrated.due);
    expect(next.due - migrated.due).toBeGreaterThan(16 * DAY_MS);
    expect(next.reps).toBe(migrated.reps + 1);
  });

  it('turns version 1 answers into cards reviewed once, due a day after the answer, and sections into marks', () => {
    const progress = migrateV1(v1, now);
    expect(progress.cards['eks/pick-eks']).toMatchObject({
      due: now - 2 * DAY_MS,
      reviewed: now - 3 * DAY_MS,
      grade: GRADES.good,
    });
    expect(progress.cards['eks/fargate']).toMatchObject({ due: now, grade: GRADES.again });
    expect(progress.understood).toEqual({ eks: { 'eks-vs-ecs': now }, ludwig: { 'what-is-ludwig': now } });
  });

  it('reads stored version 1 and version 2 documents as version 3 and says so', () => {
    const fromV1 = parseProgress(JSON.stringify(v1), now);
    expect(fromV1.status).toEqual({ kind: 'migrated', from: 1 });
    expect(fromV1.progress).toEqual(migrateV1(v1, now));
    const fromV2 = parseProgress(JSON.stringify(v2), now);
    expect(fromV2.status).toEqual({ kind: 'migrated', from: 2 });
    expect(fromV2.progress).toEqual(migrateV2(v2));
    expect(fromV2.progress.version).toBe(3);
    expect(statusMessage(fromV2.status)).toMatch(/upgraded/);
  });

  it('does not accept an old document of the wrong shape', () => {
    const loaded = parseProgress(JSON.stringify({ ...v1, understood: ['no-section-here'] }), now);
    expect(loaded.status).toEqual({ kind: 'reset', reason: '"understood" is not a list of note#section strings' });
    const badSm2 = { ...v2, cards: { 'eks/a': { ...sm2({}), ease: 0.5 } } };
    expect(parseProgress(JSON.stringify(badSm2), now).status).toEqual({
      kind: 'reset',
      reason: 'the card "eks/a" is not a valid review card',
    });
  });
});

describe('stored data that cannot be read', () => {
  const cases: [string, string, string][] = [
    ['corrupted JSON', '{"version":3,"cards":', 'it is not valid JSON'],
    ['not an object', '[1,2,3]', 'it is not an object'],
    ['no version', '{"cards":{}}', 'it has no known format version'],
    [
      'a future version',
      '{"version":4,"cards":{},"understood":{}}',
      'it was saved by a newer version of the site (format 4)',
    ],
    ['cards of the wrong type', '{"version":3,"cards":[],"understood":{}}', '"cards" is not an object'],
    [
      'a card with a broken field',
      JSON.stringify({
        version: 3,
        cards: { 'eks/a': { ...review(undefined, GRADES.good, now), difficulty: 0.5 } },
        understood: {},
      }),
      'the card "eks/a" is not a valid review card',
    ],
    [
      'understood of the wrong shape',
      '{"version":3,"cards":{},"understood":{"eks":["a"]}}',
      '"understood" is not a list of sections per note',
    ],
    ['unknown fields', '{"version":3,"cards":{},"understood":{},"extra":1}', 'it has fields this site does not know'],
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
    expect(result.ok && result.progress.cards['eks/a']).toMatchObject({ reviewed: now, grade: GRADES.good });
  });

  it('rejects anything that is not valid progress, with the reason', () => {
    expect(importProgress('not json', emptyProgress(), now)).toEqual({ ok: false, reason: 'it is not valid JSON' });
    expect(importProgress('{"version":9}', emptyProgress(), now)).toEqual({
      ok: false,
      reason: 'it was saved by a newer version of the site (format 9)',
    });
    expect(importProgress('{"version":3,"cards":{"x":1},"understood":{}}', emptyProgress(), now)).toEqual({
      ok: false,
      reason: 'the card "x" is not a valid review card',
    });
  });
});

describe('merge', () => {
  it('keeps the more recent answer of each question and every understood section', () => {
    const older = recordAnswer(emptyProgress(), 'eks/a', undefined, GRADES.good, now - DAY_MS);
    const newer = recordAnswer(
      markUnderstood(emptyProgress(), 'eks', 's2', true, now),
      'eks/a',
      undefined,
      GRADES.again,
      now,
    );
    const ours = markUnderstood(recordAnswer(older, 'eks/b', undefined, GRADES.good, now), 'eks', 's1', true, now - 5);
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
