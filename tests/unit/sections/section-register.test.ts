import { describe, expect, it } from 'vitest';
import {
  aliasesFor,
  checkNotes,
  checkNoteSections,
  parseRegister,
  publishSections,
  resolveSection,
  type SectionRegister,
} from '../../../src/lib/sections/section-register.ts';
import { isValidSectionId, parseExplicitId } from '../../../src/lib/content/explicit-id.ts';

const register: SectionRegister = {
  published: { guardrails: ['blue-green', 'canary-mode', 'linear-mode', 'rollback'] },
  moved: { guardrails: { 'canary-mode': 'canary', 'linear-mode': 'linear-steps', 'linear-steps': 'linear' } },
};

describe('section register', () => {
  const current = new Set(['blue-green', 'canary', 'linear', 'rollback']);

  it('accepts a note whose published sections all exist or are mapped, following chains of moves', () => {
    expect(checkNoteSections(register, 'guardrails', current)).toEqual([]);
    expect(resolveSection(register, 'guardrails', 'linear-mode', current)).toBe('linear');
  });

  it('names a published section that disappeared without a mapping', () => {
    const problems = checkNoteSections(register, 'guardrails', new Set(['blue-green', 'canary', 'linear']));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.section).toBe('rollback');
    expect(problems[0]!.message).toMatch(/"#rollback" of \/notes\/guardrails\/ no longer exists/);
  });

  it('names a mapping whose target is gone too', () => {
    const problems = checkNoteSections(register, 'guardrails', new Set(['blue-green', 'linear', 'rollback']));
    expect(problems.map((problem) => problem.message)).toEqual([
      'the published section "#canary-mode" of /notes/guardrails/ is mapped to "#canary", which does not exist either.',
    ]);
  });

  it('does not loop on circular mappings', () => {
    const circular: SectionRegister = { published: { a: ['x'] }, moved: { a: { x: 'y', y: 'x' } } };
    expect(resolveSection(circular, 'a', 'x', new Set(['z']))).toBeUndefined();
  });

  it('gives each current section the old ids that now lead to it', () => {
    expect(aliasesFor(register, 'guardrails', current)).toEqual(
      new Map([
        ['canary', ['canary-mode']],
        ['linear', ['linear-mode', 'linear-steps']],
      ]),
    );
  });

  it('reports published notes that are gone', () => {
    expect(checkNotes(register, new Set(['eks']))).toEqual([expect.objectContaining({ note: 'guardrails' })]);
    expect(checkNotes(register, new Set(['guardrails']))).toEqual([]);
  });

  it('publishes new sections without dropping old ones or re-adding moved ids', () => {
    const updated = publishSections(
      register,
      new Map([
        ['guardrails', ['blue-green', 'canary', 'linear', 'rollback', 'shadow']],
        ['eks', ['fargate']],
      ]),
    );
    expect(updated.published.guardrails).toEqual([
      'blue-green',
      'canary-mode',
      'linear-mode',
      'rollback',
      'canary',
      'linear',
      'shadow',
    ]);
    expect(Object.keys(updated.published)).toEqual(['eks', 'guardrails']);
    expect(updated.moved).toBe(register.moved);
  });

  it('rejects a malformed register file by name', () => {
    expect(() => parseRegister('{', 'content/section-register.json')).toThrow(
      /^content\/section-register.json: not valid JSON/,
    );
    expect(() => parseRegister('{"published": {"a": "x"}}', 'r.json')).toThrow(/r.json: "published" must map/);
    expect(() => parseRegister('{"published": {}, "moved": {"a": {"x": 1}}}', 'r.json')).toThrow(/"moved" must map/);
    expect(parseRegister('{"published": {"a": ["x"]}}', 'r.json')).toEqual({ published: { a: ['x'] }, moved: {} });
  });
});

describe('explicit section ids', () => {
  it('reads the id from a trailing MDX comment', () => {
    expect(parseExplicitId('/*canary*/')).toBe('canary');
    expect(parseExplicitId(' /* canary-mode */ ')).toBe('canary-mode');
  });

  it('ignores expressions that are not a lone comment', () => {
    expect(parseExplicitId('1 + 1')).toBeUndefined();
    expect(parseExplicitId('/*a*/ + x')).toBeUndefined();
  });

  it('accepts only slug-shaped ids', () => {
    expect(isValidSectionId('canary-mode')).toBe(true);
    expect(isValidSectionId('Canary Mode')).toBe(false);
    expect(isValidSectionId('-x')).toBe(false);
  });
});
