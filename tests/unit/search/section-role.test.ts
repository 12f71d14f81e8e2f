import { describe, expect, it } from 'vitest';
import { sectionRole } from '../../../src/lib/search/section-role.ts';

describe('section role', () => {
  it('tells a section that explains from a worked example and from the closing recaps', () => {
    expect(sectionRole('Node types')).toBe('explains');
    expect(sectionRole('Worked example: internet-facing NLB')).toBe('example');
    expect(sectionRole('What to remember')).toBe('recap');
    expect(sectionRole('Exam traps')).toBe('recap');
    expect(sectionRole('Examples of exam traps')).toBe('explains');
  });
});
