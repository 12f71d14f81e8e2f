import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { renderAslSvg } from '../../src/lib/state-machines/index.ts';
import { diagramSamples } from '../unit/state-machines/diagram-samples.ts';
import { browserAvailable } from '../support/browser.ts';
import { repoRoot } from '../support/build-site.ts';
import { servedSite } from '../support/served-site.ts';
import { overlappingLabels, polylineCrossesBox, type LabelBox, type Point } from '../support/svg-labels.ts';

const site = inject('site');

interface DrawnDiagram {
  title: string;
  texts: (LabelBox & { edge: string | undefined })[];
  edges: { id: string; points: Point[] }[];
}

/** Every text box and every edge (sampled along its path) of each state-machine diagram, in page pixels. */
function measureDiagrams(page: Page): Promise<DrawnDiagram[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('svg.asl-diagram')].map((svg) => {
      const edgeId = (group: Element | null) =>
        group ? `${group.getAttribute('data-from')} → ${group.getAttribute('data-to')}` : undefined;
      const texts = [...svg.querySelectorAll('text')].map((text) => {
        const { x, y, width, height } = text.getBoundingClientRect();
        return { label: text.textContent ?? '', x, y, width, height, edge: edgeId(text.closest('g.asl-edge')) };
      });
      const edges = [...svg.querySelectorAll<SVGPathElement>('g.asl-edge > path')].map((line) => {
        const matrix = line.getScreenCTM()!;
        const length = line.getTotalLength();
        const points: { x: number; y: number }[] = [];
        for (let at = 0; at <= length; at += 2) {
          const point = line.getPointAtLength(Math.min(at, length)).matrixTransform(matrix);
          points.push({ x: point.x, y: point.y });
        }
        return { id: edgeId(line.parentElement)!, points };
      });
      return { title: svg.querySelector('title')?.textContent ?? '', texts, edges };
    }),
  );
}

/**
 * Shows each state's "current" label in turn, as the player does, and lists every text it covers, and any
 * part of it outside the drawing.
 */
function currentLabelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('svg.asl-diagram')].flatMap((svg) => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll<SVGGElement>('g.asl-state:not(.asl-container)')].flatMap((state) => {
        state.classList.add('asl-current');
        const label = state.querySelector('.asl-current-label')!;
        const box = label.getBoundingClientRect();
        const covered = [...svg.querySelectorAll('text')]
          .filter((text) => text !== label)
          .map((text) => ({ text: text.textContent, rect: text.getBoundingClientRect() }))
          .filter(({ rect }) => rect.width > 0 && box.left < rect.right - 0.5 && rect.left + 0.5 < box.right)
          .filter(({ rect }) => box.top < rect.bottom - 0.5 && rect.top + 0.5 < box.bottom)
          .map(({ text }) => `the label of ${state.dataset.state} covers "${text}"`);
        const outside = box.width === 0 || box.left < frame.left || box.right > frame.right;
        state.classList.remove('asl-current');
        return outside ? [...covered, `the label of ${state.dataset.state} is not inside the drawing`] : covered;
      });
    }),
  );
}

/** What is wrong with a drawing: labels on labels, and edges running through another edge's or a state's text. */
function labelProblems(diagram: DrawnDiagram): string[] {
  const problems = overlappingLabels(diagram.texts);
  for (const edge of diagram.edges) {
    for (const text of diagram.texts) {
      if (text.edge === edge.id) continue;
      if (polylineCrossesBox(edge.points, text, 1)) problems.push(`edge ${edge.id} runs through "${text.label}"`);
    }
  }
  return problems;
}

/** The built pages that draw a state machine. */
async function pagesWithDiagrams(outDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(outDir, { recursive: true })) {
    if (!entry.endsWith('index.html')) continue;
    if (/<svg[^>]*class="asl-diagram"/.test(await readFile(path.join(outDir, entry), 'utf8'))) {
      found.push(`/${path.dirname(entry)}/`.replace(/\/\.\/$/, '/'));
    }
  }
  return found;
}

describe.skipIf(!browserAvailable())('state-machine diagrams keep their labels readable', () => {
  const served = servedSite(site.outDir);

  it('draws no text over another text, and no edge through a label, on every page of the site', async () => {
    const pages = await pagesWithDiagrams(site.outDir);
    expect(pages).toContain('/notes/step-functions/');
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const url of pages) {
      await page.goto(`${served.server.origin}${url}`);
      const diagrams = await measureDiagrams(page);
      expect(diagrams.length).toBeGreaterThan(0);
      for (const diagram of diagrams) {
        expect(diagram.texts.length, diagram.title).toBeGreaterThan(0);
        expect(labelProblems(diagram), `${url}: ${diagram.title}`).toEqual([]);
      }
    }
    await page.close();
  });

  it('keeps the Default arrow clear of the Choice rule labels in the Step Functions note', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${served.server.origin}/notes/step-functions/`);
    const [diagram] = await measureDiagrams(page);
    const defaultEdge = diagram!.edges.find((edge) => edge.id === 'States.CheckAccuracy → States.AccuracyTooLow')!;
    const rule = diagram!.texts.find((text) => text.label === '$.evaluation.accuracy >= 0.9')!;
    expect(defaultEdge).toBeDefined();
    expect(rule).toBeDefined();
    expect(polylineCrossesBox(defaultEdge.points, rule, 0)).toBe(false);
    await page.close();
  });

  it('draws Parallel branches and Map item processors (inline and distributed) without overlaps', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const svgs = diagramSamples.map((sample, index) =>
      renderAslSvg(sample.definition, { title: sample.title, idPrefix: `sample-${index}` }),
    );
    await page.setContent(`<!doctype html><title>Samples</title><body>${svgs.join('\n')}</body>`);
    const diagrams = await measureDiagrams(page);
    expect(diagrams).toHaveLength(diagramSamples.length);
    for (const diagram of diagrams) expect(labelProblems(diagram), diagram.title).toEqual([]);
    await page.close();
  });

  it('places the player’s "current" label of every state where it covers no text and stays in the drawing', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${served.server.origin}/notes/step-functions/`);
    expect(await currentLabelProblems(page)).toEqual([]);
    await page.close();
    // The samples on a page of their own, under no Content-Security-Policy, with the diagrams' stylesheet.
    const samples = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const svgs = diagramSamples.map((sample, index) =>
      renderAslSvg(sample.definition, { title: sample.title, idPrefix: `sample-${index}` }),
    );
    await samples.setContent(`<!doctype html><title>Samples</title><body>${svgs.join('\n')}</body>`);
    await samples.addStyleTag({ path: path.join(repoRoot, 'src/styles/asl.css') });
    expect(await currentLabelProblems(samples)).toEqual([]);
    await samples.close();
  });
});
