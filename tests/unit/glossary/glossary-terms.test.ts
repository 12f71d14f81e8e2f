import { describe, expect, it } from 'vitest';
import { splitByTerms, termAnchor, termMatcher } from '../../../src/lib/glossary/glossary-terms.ts';
import { glossarySchema } from '../../../src/lib/glossary/glossary-schema.ts';

describe('glossary terms in text', () => {
  const matcher = termMatcher(['AZ', 'ASG', 'ALB', 'EC2']);

  it('marks the first whole-word use of each term, plurals included', () => {
    const marked = new Set<string>();
    expect(splitByTerms('Spread the ASG over two AZs; each AZ is isolated.', matcher, marked)).toEqual([
      { text: 'Spread the ' },
      { term: 'ASG', text: 'ASG' },
      { text: ' over two ' },
      { term: 'AZ', text: 'AZs' },
      { text: '; each AZ is isolated.' },
    ]);
    expect(splitByTerms('Another ASG.', matcher, marked)).toEqual([{ text: 'Another ASG.' }]);
  });

  it('does not match inside words, paths or other abbreviations', () => {
    expect(splitByTerms('AZURE /ASG ALBs-x AZ-1 ec2', matcher, new Set())).toEqual([
      { text: 'AZURE /ASG ALBs-x AZ-1 ec2' },
    ]);
  });

  it('matches terms with digits and builds stable anchors', () => {
    expect(splitByTerms('Amazon EC2 instances', matcher, new Set())[1]).toEqual({ term: 'EC2', text: 'EC2' });
    expect(termAnchor('EC2')).toBe('term-ec2');
    expect(termAnchor('K8s')).toBe('term-k8s');
  });

  it('leaves text alone when there is no glossary', () => {
    expect(splitByTerms('ASG', termMatcher([]), new Set())).toEqual([{ text: 'ASG' }]);
  });
});

describe('glossary schema', () => {
  const entry = {
    term: 'ASG',
    expansion: 'Auto Scaling group',
    definition: 'A group of EC2 instances kept between a minimum and a maximum size.',
    note: 'networking-and-access',
    section: 'auto-scaling-groups',
    source: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-groups.html',
  };

  it('accepts a complete entry and rejects duplicates and a section without a note', () => {
    expect(glossarySchema.safeParse([entry]).success).toBe(true);
    const duplicate = glossarySchema.safeParse([entry, entry]);
    expect(duplicate.error?.issues[0]?.message).toBe('"ASG" is defined twice');
    const { note: _note, ...withoutNote } = entry;
    expect(glossarySchema.safeParse([withoutNote]).error?.issues[0]?.message).toBe('section needs note');
  });
});
