import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildSite, removeBuilds, repoRoot } from '../support/build-site.ts';
import { scriptsLoadedOnArrival } from '../support/page-weight.ts';

const site = inject('site');
const fixtures = path.join(repoRoot, 'tests/fixtures/asl-invalid');

afterAll(removeBuilds);

async function builtHtml(urlPath: string): Promise<string> {
  return readFile(path.join(site.outDir, urlPath, 'index.html'), 'utf8');
}

/** The page as a tree, with code blocks parsed too (node-html-parser keeps <pre> as raw text by default). */
async function builtPage(urlPath: string) {
  return parse(await builtHtml(urlPath), { blockTextElements: { script: true, style: true } });
}

describe('the Step Functions note', () => {
  it('draws the worked example right after its definition, with a node for every state', async () => {
    const html = await builtPage('notes/step-functions');
    const figure = html.querySelector('.note-body figure.asl-diagram')!;
    expect(figure).not.toBeNull();
    const block = figure.previousElementSibling!;
    expect(block.tagName).toBe('PRE');
    const definition = JSON.parse(block.text) as { States: Record<string, unknown> };
    const states = Object.keys(definition.States);
    expect(states).toHaveLength(9);
    const drawn = figure.querySelectorAll('svg g[data-state]').map((group) => group.getAttribute('data-state'));
    expect(drawn.sort()).toEqual([...states].sort());
    expect(figure.querySelector('svg title')!.text).toBe('ML pipeline: train, evaluate, deploy');
    expect(figure.querySelector('figcaption')!.text).toBe('ML pipeline: train, evaluate, deploy');
    expect(figure.getAttribute('data-pagefind-ignore')).toBe('all');
  });

  it('ships the player with the same definition, and a note for readers without JavaScript', async () => {
    const html = await builtPage('notes/step-functions');
    const figure = html.querySelector('figure.asl-diagram')!;
    const player = figure.querySelector('asl-player')!;
    expect(JSON.parse(player.getAttribute('data-definition')!)).toEqual(
      JSON.parse(figure.previousElementSibling!.text),
    );
    // The example execution comes from the note's ```json asl-example block, which is not shown as code.
    expect(JSON.parse(player.querySelector('textarea[name="input"]')!.text)).toMatchObject({
      'detail-type': 'Object Created',
      source: 'aws.s3',
    });
    expect(player.querySelectorAll('button[data-mocks]').map((button) => button.text)).toEqual([
      'Accuracy 0.95',
      'Accuracy 0.5',
      'Training keeps failing',
    ]);
    expect(figure.nextElementSibling?.tagName).not.toBe('PRE');
    expect(player.querySelector('.asl-player-nojs')!.text).toContain('needs JavaScript');
    expect(player.querySelector('.asl-player-ui')!.hasAttribute('hidden')).toBe(true);
    // Glossary terms would become links inside the labels; the player's texts have none.
    expect(player.querySelectorAll('a')).toHaveLength(0);
  });

  it('keeps the player code out of the JavaScript a note page runs on arrival', async () => {
    for (const note of ['notes/step-functions', 'notes/eks']) {
      const scripts = scriptsLoadedOnArrival(site.outDir, await builtHtml(note));
      expect(
        scripts.some((script) => /customElements\.define\(\s*["'`]asl-player/.test(script.content)),
        note,
      ).toBe(false);
    }
    // The player is registered by the island loaders that arrive once the page is idle.
    const { readdirSync, readFileSync } = await import('node:fs');
    const chunks = readdirSync(`${site.outDir}/_astro`).filter(
      (file) => file.startsWith('islands.') && file.endsWith('.js'),
    );
    expect(chunks.some((file) => readFileSync(`${site.outDir}/_astro/${file}`, 'utf8').includes('asl-player'))).toBe(
      true,
    );
    expect(await builtHtml('notes/eks')).not.toContain('<asl-player');
  });
});

describe('a broken state machine in a note', () => {
  it('fails the build naming the note, the line and the state that points to a missing state', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'missing-state') });
    expect(result.exitCode).not.toBe(0);
    const file = path.join(fixtures, 'missing-state/missing-state.mdx');
    expect(result.log).toContain(`The state machine in the code block at ${file}:17 is not valid:`);
    expect(result.log).toContain(`${file}:25: state "Evaluate": "Next" of Pass state "Evaluate" names "Deploy"`);
  });

  it('fails the build naming the note, the line and the state where the JSON breaks', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'bad-json') });
    expect(result.exitCode).not.toBe(0);
    const file = path.join(fixtures, 'bad-json/bad-json.mdx');
    expect(result.log).toContain(
      `The state machine in the code block at ${file}:17 is not valid JSON, at ${file}:23:5 in state "Train"`,
    );
  });

  it('fails the build naming the note, the line and the state when a machine with an example needs what the player cannot run', async () => {
    const result = await buildSite({ notesDir: path.join(fixtures, 'player-unsupported') });
    expect(result.exitCode).not.toBe(0);
    const file = path.join(fixtures, 'player-unsupported/player-unsupported.mdx');
    expect(result.log).toContain(
      `The state machine in the code block at ${file}:17 needs what the step-through player does not run:`,
    );
    expect(result.log).toContain(
      `${file}:21: state "TrainBoth": Parallel state "TrainBoth" uses a Parallel state, which the step-through ` +
        'player does not run. The step-through player runs Task, Pass, Choice, Wait (with Seconds), Succeed and ' +
        'Fail states in JSONPath, with Retry, Catch and the intrinsic function States.Format. (at States.TrainBoth)',
    );
  });
});
