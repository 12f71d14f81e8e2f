import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownMessage } from '../../support/thrown.ts';
import {
  assertNoQuestionProblems,
  loadQuestionFiles,
  orphanProblems,
  parseQuestionFile,
  questionsDirectory,
  sectionProblems,
} from '../../../src/node/question-file.ts';
import { repoRoot } from '../../support/build-site.ts';

const good = `- id: pick-eks
  prompt: Which service runs upstream Kubernetes for you on AWS?
  choices:
    - text: Amazon EKS
      correct: true
    - text: Amazon ECS
    - text: AWS Batch
  explanation: EKS runs certified-conformant upstream Kubernetes, so manifests carry over.
  section: eks-vs-ecs
`;

describe('parseQuestionFile', () => {
  it('reads valid questions with the lines of each question and its section', () => {
    const parsed = parseQuestionFile('/site/questions/eks.yaml', good);
    expect(parsed.noteId).toBe('eks');
    expect(parsed.questions[0]).toMatchObject({
      type: 'choice',
      choices: [{}, { text: 'Amazon ECS', correct: false }, {}],
    });
    expect(parsed.lines).toEqual([{ question: 1, section: 9 }]);
  });

  it('names the file, the line, the field and the question for a bad field', () => {
    const source = `${good}
- id: second
  prompt: Which of these run containers without managing any servers?
  choices:
    - text: AWS Fargate
    - text: Amazon EC2
    - text: Amazon EC2 Auto Scaling
  explanation: Fargate runs containers without servers to manage; the others are servers.
  section: fargate
`;
    const message = thrownMessage(() => parseQuestionFile('/site/questions/eks.yaml', source));
    expect(message).toContain(
      '/site/questions/eks.yaml:13: [1].choices: at least one choice must be marked correct: true (question "second")',
    );
  });

  it('points at the item of a list and at an unknown key', () => {
    const source = good
      .replace('    - text: AWS Batch', '    - text: ""')
      .replace('  section: eks-vs-ecs', '  sectoin: eks-vs-ecs');
    const message = thrownMessage(() => parseQuestionFile('/q/eks.yaml', source));
    expect(message).toContain(
      '/q/eks.yaml:7: [0].choices[2].text: choice text must not be empty (question "pick-eks")',
    );
    expect(message).toContain('/q/eks.yaml:9: [0].sectoin: Unrecognized key: "sectoin" (question "pick-eks")');
    expect(message).toContain(
      '/q/eks.yaml:1: [0].section: required field is missing (expected string) (question "pick-eks")',
    );
  });

  it('reports a missing field at its question and a bad id without naming it', () => {
    const source = good
      .replace('  explanation: EKS runs certified-conformant upstream Kubernetes, so manifests carry over.\n', '')
      .replace('pick-eks', 'Pick EKS');
    const message = thrownMessage(() => parseQuestionFile('/q/eks.yaml', source));
    expect(message).toContain(
      '/q/eks.yaml:1: [0].id: id must be lowercase words joined by hyphens (question "Pick EKS")',
    );
    expect(message).toContain('/q/eks.yaml:1: [0].explanation: required field is missing (expected string)');
  });

  it('reports duplicate ids at the second one', () => {
    const message = thrownMessage(() => parseQuestionFile('/q/eks.yaml', `${good}\n${good}`));
    expect(message).toContain('/q/eks.yaml:11: [1].id: duplicate question id "pick-eks" (question "pick-eks")');
  });

  it('reports YAML syntax errors and a file that is not a list', () => {
    expect(thrownMessage(() => parseQuestionFile('/q/eks.yaml', 'id: one\nid: two\n'))).toMatch(
      /^Invalid questions in \/q\/eks\.yaml:\n {2}\/q\/eks\.yaml:2: \(yaml\): /,
    );
    expect(thrownMessage(() => parseQuestionFile('/q/eks.yaml', 'id: one\n'))).toContain(
      '/q/eks.yaml:1: (file): Invalid input: expected array',
    );
  });
});

describe('sectionProblems and orphanProblems', () => {
  const parsed = parseQuestionFile('/q/eks.yaml', good);

  it('accepts a section that is a heading of the note', () => {
    expect(sectionProblems(parsed, ['what-is-eks', 'eks-vs-ecs'])).toEqual([]);
  });

  it('names the file, the line, the question and the section otherwise', () => {
    expect(sectionProblems(parsed, ['what-is-eks'])).toEqual([
      '/q/eks.yaml:9: [0].section: "eks-vs-ecs" is not a heading id of note "eks" (question "pick-eks"); its headings are: what-is-eks',
    ]);
  });

  it('names a question file whose note does not exist', () => {
    expect(orphanProblems([parsed], ['eks'])).toEqual([]);
    expect(orphanProblems([parsed], ['ecs'])).toEqual([
      '/q/eks.yaml:1: (file): there is no note "eks" for these questions; the file name must be a note\'s id',
    ]);
    expect(() => assertNoQuestionProblems(orphanProblems([parsed], []))).toThrow(
      /^Invalid questions:\n {2}\/q\/eks\.yaml:1:/,
    );
  });
});

describe('loadQuestionFiles', () => {
  it('finds the folder beside the notes folder', () => {
    expect(questionsDirectory('/site/content/notes')).toBe(path.normalize('/site/content/questions'));
  });

  it('gives no questions for a site without the folder', () => {
    expect(loadQuestionFiles('/no/such/folder')).toEqual([]);
  });

  it('reads every file, keyed by note id, including notes in subfolders', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'questions-'));
    mkdirSync(path.join(folder, 'aws'));
    writeFileSync(path.join(folder, 'eks.yaml'), good);
    writeFileSync(path.join(folder, 'aws', 'batch.yaml'), good);
    expect(loadQuestionFiles(folder).map((file) => file.noteId)).toEqual(['aws/batch', 'eks']);
  });

  it('lists the problems of every bad file in one error', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'questions-'));
    writeFileSync(path.join(folder, 'a.yaml'), good.replace('correct: true', 'correct: yes'));
    writeFileSync(path.join(folder, 'b.yaml'), '[]');
    const message = thrownMessage(() => loadQuestionFiles(folder));
    expect(message).toContain(
      `${path.join(folder, 'a.yaml')}:5: [0].choices[0].correct: Invalid input: expected boolean, received string`,
    );
    expect(message).toContain(`${path.join(folder, 'b.yaml')}:1: (file): `);
  });

  it('reads the questions of this site', () => {
    const files = loadQuestionFiles(path.join(repoRoot, 'content/questions'));
    expect(files.length).toBeGreaterThan(0);
  });
});
