import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownMessage } from '../../support/thrown.ts';
import { loadGlossary, readGlossary } from '../../../src/node/glossary-file.ts';
import { repoRoot } from '../../support/build-site.ts';

const entry = `- term: ASG
  expansion: Auto Scaling group
  definition: A group of EC2 instances that scale together behind one configuration.
  note: networking-and-access
  section: auto-scaling-groups
  source: https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-groups.html
`;

function glossaryFile(source: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'glossary-')), 'glossary.yaml');
  writeFileSync(file, source);
  return file;
}

describe('the glossary file', () => {
  it('reads entries sorted by term, with the lines of each term, note and section', () => {
    const file = glossaryFile(`${entry}${entry.replace('term: ASG', 'term: ACL')}`);
    expect(loadGlossary(file).map((term) => term.term)).toEqual(['ACL', 'ASG']);
    expect(readGlossary(file).entries[1]!.lines).toEqual({ term: 1, note: 4, section: 5 });
  });

  it('names the file, the line, the field and the term for every problem', () => {
    const file = glossaryFile(
      `${entry}${entry.replace('  source: https://', '  source: http://').replace(/definition: .*/, 'definition: Too short')}`,
    );
    const message = thrownMessage(() => loadGlossary(file));
    expect(message).toContain(`${file}:9: [1].definition: definition must be a sentence (term "ASG")`);
    expect(message).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:12: \\[1\\]\\.source: .* \\(term "ASG"\\)`),
    );
    expect(message).toContain(`${file}:7: [1].term: "ASG" is defined twice (term "ASG")`);
  });

  it('reports a missing field at its entry, and YAML syntax errors at their line', () => {
    const missing = glossaryFile(entry.replace(/ {2}expansion: .*\n/, ''));
    expect(thrownMessage(() => loadGlossary(missing))).toContain(
      `${missing}:1: [0].expansion: required field is missing (expected string) (term "ASG")`,
    );
    const broken = glossaryFile(`${entry}  - : :\n`);
    expect(thrownMessage(() => loadGlossary(broken))).toMatch(/glossary\.yaml:\d+: \(yaml\): /);
  });

  it("reads this site's glossary", () => {
    expect(loadGlossary(path.join(repoRoot, 'content/glossary.yaml')).length).toBeGreaterThan(20);
  });
});
