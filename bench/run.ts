/**
 * Performance benchmark: builds this site and a default Starlight site on the same synthetic notes,
 * at several corpus sizes, and compares build time, output size, the weight of one note page and the
 * bytes of a first search; then runs Lighthouse (mobile) on this site's real notes.
 *
 *   node bench/run.ts [--sizes 100,1000,2000] [--repeat 1] [--query deployment] [--skip-lighthouse]
 *
 * Writes bench/RESULTS.md (or --results FILE). See bench/README.md for what each figure means.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { DEFAULT_SEED, writeCorpus } from './corpus.ts';
import { launchChromium, probeSearch, type SearchProbe } from './lib/browser.ts';
import {
  benchRoot,
  buildSite,
  removeProject,
  removeSnapshot,
  repoRoot,
  snapshotOurSite,
  starlightRoot,
  type BuiltSite,
  type SiteName,
} from './lib/build.ts';
import { kib, median, ratio, seconds, table } from './lib/format.ts';
import { waitForQuiet } from './lib/machine-load.ts';
import { outputSize, pageWeight, type OutputSize, type PageWeight } from './lib/measure.ts';
import { serve } from './lib/serve.ts';

const LIGHTHOUSE_PAGES = ['/', '/notes/eks/', '/notes/deployment-guardrails/'];

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,2000' },
    repeat: { type: 'string', default: '1' },
    query: { type: 'string', default: 'deployment' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    results: { type: 'string', default: path.join(benchRoot, 'RESULTS.md') },
    'skip-lighthouse': { type: 'boolean', default: false },
    'keep-builds': { type: 'boolean', default: false },
    'wait-quiet': { type: 'string', default: '180' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (options.help) {
  console.log(`Usage: node bench/run.ts [options]
  --sizes 100,1000,2000   corpus sizes (notes) to build both sites at
  --repeat N              build each site N times per size, alternating ours and Starlight (median time reported)
  --query WORD            first search query (default: deployment)
  --seed N                corpus seed (default: ${DEFAULT_SEED})
  --results FILE          where to write the Markdown report (default: bench/RESULTS.md)
  --skip-lighthouse       do not run Lighthouse on the real site
  --keep-builds           keep the temporary build folders (their paths are printed)
  --wait-quiet SECONDS    before each build, wait up to this long for other work to use under 25 % of the
                          machine (default 180; 0 to never wait)`);
  process.exit(0);
}

// `--sizes ""` skips the corpus builds (Lighthouse only).
const sizes = options.sizes
  .split(',')
  .filter((size) => size.trim() !== '')
  .map((size) => Number(size.trim()));
const repeat = Number(options.repeat);
if (sizes.some((size) => !Number.isInteger(size) || size < 1))
  throw new Error(`--sizes must be positive integers, got "${options.sizes}"`);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new Error(`--repeat must be a positive integer, got "${options.repeat}"`);

const started = performance.now();
const loadAtStart = os.loadavg();
const SITE_LABEL: Record<SiteName, string> = { ours: 'ours', starlight: 'Starlight' };

function log(message: string): void {
  const elapsed = (performance.now() - started) / 1000;
  const stamp = `${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(Math.floor(elapsed % 60)).padStart(2, '0')}`;
  console.log(`[${stamp}] ${message}`);
}

/** Installs a bench folder's dependencies with the running Node's npm, if they are missing. */
function ensureInstalled(folder: string, marker: string): void {
  if (existsSync(path.join(folder, 'node_modules', marker))) return;
  log(`Installing dependencies in ${path.relative(repoRoot, folder)} (npm install)…`);
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: folder, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm install failed in ${folder}`);
}

interface SiteFigures {
  buildSeconds: number[];
  cpuSeconds: number[];
  otherLoad: number[];
  output: OutputSize;
  page: PageWeight;
  probe: SearchProbe;
}

interface SizeResult {
  notes: number;
  corpusBytes: number;
  representative: string;
  ours: SiteFigures;
  starlight: SiteFigures;
}

async function timedBuild(site: SiteName, content: string, label: string): Promise<BuiltSite> {
  const waitQuiet = Number(options['wait-quiet']);
  if (waitQuiet > 0) {
    const share = await waitForQuiet(waitQuiet, 0.25, (busy) =>
      log(
        `${label}: other work keeps ${Math.round(busy * 100)} % of the CPU busy; waiting up to ${waitQuiet} s for it to go quiet`,
      ),
    );
    if (share >= 0.25) log(`${label}: still ${Math.round(share * 100)} % busy; building anyway`);
  }
  log(`${label}: building ${SITE_LABEL[site]}…`);
  const begun = performance.now();
  const ticker = setInterval(
    () => log(`${label}: still building ${SITE_LABEL[site]} (${Math.round((performance.now() - begun) / 1000)} s)`),
    60_000,
  );
  try {
    const build = await buildSite(site, content, ourSources);
    log(
      `${label}: ${SITE_LABEL[site]} built and indexed in ${seconds(build.seconds)} ` +
        `(${seconds(build.cpuSeconds)} of CPU; other work used ${Math.round(build.otherLoad * 100)} % of the machine meanwhile)`,
    );
    return build;
  } finally {
    clearInterval(ticker);
  }
}

type Measured = Omit<SiteFigures, 'buildSeconds' | 'cpuSeconds' | 'otherLoad'>;

async function measureSite(build: BuiltSite, pageUrl: string, browser: Browser): Promise<Measured> {
  const output = await outputSize(build.outDir);
  const page = await pageWeight(build.outDir, pageUrl);
  const server = await serve(build.outDir);
  try {
    const probe = await probeSearch(browser, `${server.origin}${pageUrl}`, options.query);
    if (probe.fragments === 0)
      log(`  warning: the ${SITE_LABEL[build.site]} search for "${options.query}" loaded no result fragments`);
    return { output, page, probe };
  } finally {
    await server.close();
  }
}

async function folderBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

async function benchmarkSize(notes: number, browser: Browser): Promise<SizeResult> {
  const label = `${notes} notes`;
  const corpusDir = await mkdtemp(path.join(os.tmpdir(), `bench-corpus-${notes}-`));
  const corpus = await writeCorpus(corpusDir, notes, Number(options.seed));
  const pageUrl = `/notes/${corpus.representative.slug}/`;
  const corpusBytes = await folderBytes(corpus.oursNotesDir);
  log(`${label}: corpus written (${kib(corpusBytes)} of MDX); representative page ${pageUrl}`);

  try {
    return await buildAndMeasure(
      label,
      corpus.oursNotesDir,
      corpus.starlightDocsDir,
      pageUrl,
      browser,
      notes,
      corpusBytes,
    );
  } finally {
    await rm(corpusDir, { recursive: true, force: true });
  }
}

async function buildAndMeasure(
  label: string,
  oursNotesDir: string,
  starlightDocsDir: string,
  pageUrl: string,
  browser: Browser,
  notes: number,
  corpusBytes: number,
): Promise<SizeResult> {
  const times: Record<SiteName, number[]> = { ours: [], starlight: [] };
  const cpu: Record<SiteName, number[]> = { ours: [], starlight: [] };
  const otherLoad: Record<SiteName, number[]> = { ours: [], starlight: [] };
  const figures: Partial<Record<SiteName, Measured>> = {};
  for (let round = 1; round <= repeat; round++) {
    for (const site of ['ours', 'starlight'] as const) {
      const content = site === 'ours' ? oursNotesDir : starlightDocsDir;
      const build = await timedBuild(site, content, repeat > 1 ? `${label}, round ${round}/${repeat}` : label);
      times[site].push(build.seconds);
      cpu[site].push(build.cpuSeconds);
      otherLoad[site].push(build.otherLoad);
      try {
        if (round === repeat) {
          figures[site] = await measureSite(build, pageUrl, browser);
          const { output, page, probe } = figures[site];
          log(
            `${label}: ${SITE_LABEL[site]}: ${kib(output.bytes)} in ${output.files} files; note page ${kib(page.total.brotli)} brotli; ` +
              `first search ${kib(probe.pagefind.raw)} from /pagefind/ in ${probe.pagefind.requests} requests`,
          );
        }
      } finally {
        if (options['keep-builds']) log(`  kept ${build.projectDir}`);
        else await removeProject(build);
      }
    }
  }
  return {
    notes,
    corpusBytes,
    representative: pageUrl,
    ours: { buildSeconds: times.ours, cpuSeconds: cpu.ours, otherLoad: otherLoad.ours, ...figures.ours! },
    starlight: {
      buildSeconds: times.starlight,
      cpuSeconds: cpu.starlight,
      otherLoad: otherLoad.starlight,
      ...figures.starlight!,
    },
  };
}

type LighthouseResult = import('./lib/lighthouse.ts').LighthouseResult;

async function lighthouseOnRealSite(): Promise<LighthouseResult[]> {
  const { runLighthouse } = await import('./lib/lighthouse.ts');
  const build = await timedBuild('ours', path.join(repoRoot, 'content', 'notes'), 'real notes');
  const server = await serve(build.outDir);
  try {
    log(`Lighthouse (mobile) on ${LIGHTHOUSE_PAGES.join(', ')}…`);
    const results = await runLighthouse(LIGHTHOUSE_PAGES.map((page) => `${server.origin}${page}`));
    for (const result of results) result.url = new URL(result.url).pathname;
    return results;
  } finally {
    await server.close();
    if (options['keep-builds']) log(`  kept ${build.projectDir}`);
    else await removeProject(build);
  }
}

// ---------------------------------------------------------------- report

const pair = (ours: number, theirs: number, show: (value: number) => string): string[] => [
  show(ours),
  show(theirs),
  ratio(ours, theirs),
];

function sizeTable(result: SizeResult): string {
  const { ours, starlight } = result;
  const buildLabel = repeat > 1 ? `Build + index, median of ${repeat}` : 'Build + index';
  const rows: string[][] = [
    [buildLabel, ...pair(median(ours.buildSeconds), median(starlight.buildSeconds), seconds)],
    ['Build + index, CPU time (user + sys)', ...pair(median(ours.cpuSeconds), median(starlight.cpuSeconds), seconds)],
    ['Output, whole dist', ...pair(ours.output.bytes, starlight.output.bytes, kib)],
    ['Output files', ...pair(ours.output.files, starlight.output.files, String)],
    ['Note page HTML, gzip -9', ...pair(ours.page.html.gzip, starlight.page.html.gzip, kib)],
    ['Note page HTML, brotli', ...pair(ours.page.html.brotli, starlight.page.html.brotli, kib)],
    [
      `CSS on load, gzip -9 (files: ${ours.page.cssFiles.length} vs ${starlight.page.cssFiles.length})`,
      ...pair(ours.page.css.gzip, starlight.page.css.gzip, kib),
    ],
    ['CSS on load, brotli', ...pair(ours.page.css.brotli, starlight.page.css.brotli, kib)],
    [
      `JS on load, gzip -9 (files: ${ours.page.jsFiles.length} vs ${starlight.page.jsFiles.length})`,
      ...pair(ours.page.js.gzip, starlight.page.js.gzip, kib),
    ],
    ['JS on load, brotli', ...pair(ours.page.js.brotli, starlight.page.js.brotli, kib)],
    ['**First visit, HTML + CSS + JS, gzip -9**', ...pair(ours.page.total.gzip, starlight.page.total.gzip, kib)],
    ['**First visit, HTML + CSS + JS, brotli**', ...pair(ours.page.total.brotli, starlight.page.total.brotli, kib)],
    [
      `Browser, everything fetched on load, brotli (requests: ${ours.probe.onLoad.requests} vs ${starlight.probe.onLoad.requests})`,
      ...pair(ours.probe.onLoad.brotli, starlight.probe.onLoad.brotli, kib),
    ],
    [
      `**Pagefind, first query, as served** (requests: ${ours.probe.pagefind.requests} vs ${starlight.probe.pagefind.requests})`,
      ...pair(ours.probe.pagefind.raw, starlight.probe.pagefind.raw, kib),
    ],
    [
      'Pagefind, first query, brotli on text files',
      ...pair(ours.probe.pagefind.brotli, starlight.probe.pagefind.brotli, kib),
    ],
    [
      `Everything the search fetched, as served (requests: ${ours.probe.search.requests} vs ${starlight.probe.search.requests})`,
      ...pair(ours.probe.search.raw, starlight.probe.search.raw, kib),
    ],
  ];
  return table(['Figure', 'Ours', 'Starlight', 'Ours / Starlight'], rows);
}

function goalsTable(result: SizeResult, lighthouse?: LighthouseResult[]): string {
  const check = (value: number, limit: number) => (value <= limit ? 'met' : '**missed**');
  const build = median(result.ours.buildSeconds) / median(result.starlight.buildSeconds);
  const output = result.ours.output.bytes / result.starlight.output.bytes;
  const firstVisit = result.ours.page.total.brotli / result.starlight.page.total.brotli;
  const firstVisitGzip = result.ours.page.total.gzip / result.starlight.page.total.gzip;
  return table(
    ['Goal', 'Target', 'Measured', 'Verdict'],
    [
      [`Build + index time at ${result.notes} notes`, '≤ 0.8×', `${build.toFixed(2)}×`, check(build, 0.8)],
      [`Output size at ${result.notes} notes`, '≤ 0.2×', `${output.toFixed(2)}×`, check(output, 0.2)],
      [
        'First-visit bytes of a note page (HTML + CSS + JS, brotli)',
        '≤ 0.5×',
        `${firstVisit.toFixed(2)}×`,
        check(firstVisit, 0.5),
      ],
      [
        'First-visit bytes of a note page (HTML + CSS + JS, gzip -9)',
        '≤ 0.5×',
        `${firstVisitGzip.toFixed(2)}×`,
        check(firstVisitGzip, 0.5),
      ],
      ...(lighthouse ? [lighthouseGoal(lighthouse)] : []),
    ],
  );
}

function scalingTable(results: SizeResult[]): string {
  return table(
    [
      'Notes',
      'Build, ours',
      'Build, Starlight',
      'Build ratio',
      'CPU time ratio',
      'Output ratio',
      'First visit ratio (brotli)',
      'First query ratio (Pagefind bytes)',
    ],
    results.map((result) => [
      String(result.notes),
      seconds(median(result.ours.buildSeconds)),
      seconds(median(result.starlight.buildSeconds)),
      ratio(median(result.ours.buildSeconds), median(result.starlight.buildSeconds)),
      ratio(median(result.ours.cpuSeconds), median(result.starlight.cpuSeconds)),
      ratio(result.ours.output.bytes, result.starlight.output.bytes),
      ratio(result.ours.page.total.brotli, result.starlight.page.total.brotli),
      ratio(result.ours.probe.pagefind.raw, result.starlight.probe.pagefind.raw),
    ]),
  );
}

function lighthouseGoal(results: LighthouseResult[]): string[] {
  const scores = results.flatMap((result) => Object.values(result.scores));
  const below = results.flatMap((result) =>
    Object.entries(result.scores)
      .filter(([, score]) => score !== 100)
      .map(([category, score]) => `${result.url} ${category} ${score ?? 'n/a'}`),
  );
  return [
    'Lighthouse (mobile) scores, real notes',
    '100 everywhere',
    below.length === 0 ? `all ${scores.length} are 100` : below.join('; '),
    below.length === 0 ? 'met' : '**missed**',
  ];
}

function lighthouseTable(results: LighthouseResult[]): string {
  const score = (value: number | null) => (value === null ? 'n/a' : value === 100 ? '100' : `**${value}**`);
  return table(
    ['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'LCP', 'CLS', 'TBT'],
    results.map((result) => [
      `\`${result.url}\``,
      score(result.scores.performance),
      score(result.scores.accessibility),
      score(result.scores['best-practices']),
      score(result.scores.seo),
      `${(result.lcpMs / 1000).toFixed(2)} s`,
      result.cls.toFixed(3),
      `${Math.round(result.tbtMs)} ms`,
    ]),
  );
}

function packageVersion(folder: string, name: string): string {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** The commit the site's sources were at (read from .git without running git); the working tree may differ. */
function siteCommit(): string {
  try {
    const gitDir = path.join(repoRoot, '.git');
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = head.slice(5);
    const loose = path.join(gitDir, ref);
    if (existsSync(loose))
      return `${readFileSync(loose, 'utf8').trim().slice(0, 12)} (${ref.replace('refs/heads/', '')})`;
    const packed = readFileSync(path.join(gitDir, 'packed-refs'), 'utf8')
      .split('\n')
      .find((line) => line.endsWith(` ${ref}`));
    return packed ? `${packed.slice(0, 12)} (${ref.replace('refs/heads/', '')})` : 'unknown';
  } catch {
    return 'unknown';
  }
}

function machine(chromium: string): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (${os.availableParallelism()} usable)`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Load average when the run began (1, 5, 15 min): ${loadAtStart.map((load) => load.toFixed(2)).join(', ')}`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node: ${process.version}`,
    `- Chromium: ${chromium}`,
    `- Site sources: copied from the working tree at ${snapshotTime.toISOString().slice(11, 16)} UTC, commit ${commit}`,
    `- Ours: astro ${packageVersion(repoRoot, 'astro')}, @astrojs/mdx ${packageVersion(repoRoot, '@astrojs/mdx')}, pagefind ${packageVersion(repoRoot, 'pagefind')}`,
    `- Starlight: @astrojs/starlight ${packageVersion(starlightRoot, '@astrojs/starlight')}, astro ${packageVersion(starlightRoot, 'astro')}, pagefind ${packageVersion(starlightRoot, 'pagefind')}`,
    `- Lighthouse: ${packageVersion(benchRoot, 'lighthouse')}`,
  ];
}

function rounds(figures: SiteFigures): string {
  return figures.buildSeconds
    .map(
      (wall, index) =>
        `${seconds(wall)} / ${seconds(figures.cpuSeconds[index]!)} / ${Math.round(figures.otherLoad[index]! * 100)} %`,
    )
    .join(', ');
}

function fileList(label: string, files: string[]): string {
  return `${label}: ${files.length === 0 ? 'none' : files.map((file) => `\`${file}\``).join(', ')}`;
}

function report(
  results: SizeResult[],
  lighthouse: LighthouseResult[] | undefined,
  chromium: string,
  totalSeconds: number,
): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  const command = ['node', 'bench/run.ts', ...process.argv.slice(2).map(quote)].join(' ');
  const lines = [
    '# Benchmark results',
    '',
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\` (from the repository root; \`npm run bench\` runs the same with the default options), in ${(totalSeconds / 60).toFixed(1)} minutes.`,
    '',
    '## Machine',
    '',
    ...machine(chromium),
    '',
    `Corpus: synthetic notes from \`bench/corpus.ts\` (seed ${options.seed}), the same MDX bodies for both sites. Search query: "${options.query}". ` +
      'What each figure means is in `bench/README.md`.',
    '',
  ];
  const largest = results.at(-1);
  if (largest) {
    lines.push(`## Goals, at ${largest.notes} notes`, '', goalsTable(largest, lighthouse), '');
  }
  if (results.length > 1) lines.push('## Across sizes', '', scalingTable(results), '');
  if (lighthouse) {
    lines.push('## Lighthouse, mobile, on the real notes', '', lighthouseTable(lighthouse), '');
    const failing = lighthouse.flatMap((result) => result.failing.map((audit) => ({ ...audit, url: result.url })));
    if (failing.length > 0) {
      lines.push('Audits that cost points:', '');
      for (const audit of failing) {
        const where =
          audit.elements.length > 0 ? `; on ${audit.elements.map((element) => `\`${element}\``).join(', ')}` : '';
        lines.push(
          `- \`${audit.url}\` ${audit.category}: ${audit.title} (score ${audit.score?.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''}${where})`,
        );
      }
      lines.push('');
    }
  }
  for (const result of results) {
    lines.push(
      `## ${result.notes} notes`,
      '',
      `${kib(result.corpusBytes)} of MDX. Representative note page: \`${result.representative}\`. Build times of each round (wall clock / CPU time / share of the machine other work used meanwhile): ` +
        `ours ${rounds(result.ours)}; Starlight ${rounds(result.starlight)}.`,
      '',
      sizeTable(result),
      '',
      '<details><summary>Files counted</summary>',
      '',
      `- ${fileList('Ours, CSS', result.ours.page.cssFiles)}`,
      `- ${fileList('Ours, JS', result.ours.page.jsFiles)}`,
      `- ${fileList(
        'Ours, fetched on load',
        result.ours.probe.files.onLoad.map((file) => `${file.path} ${kib(file.brotli)}`),
      )}`,
      `- ${fileList(
        'Ours, first query',
        result.ours.probe.files.search.map((file) => `${file.path} ${kib(file.raw)}`),
      )}`,
      `- ${fileList('Starlight, CSS', result.starlight.page.cssFiles)}`,
      `- ${fileList('Starlight, JS', result.starlight.page.jsFiles)}`,
      `- ${fileList(
        'Starlight, fetched on load',
        result.starlight.probe.files.onLoad.map((file) => `${file.path} ${kib(file.brotli)}`),
      )}`,
      `- ${fileList(
        'Starlight, first query',
        result.starlight.probe.files.search.map((file) => `${file.path} ${kib(file.raw)}`),
      )}`,
      '',
      '</details>',
      '',
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

ensureInstalled(starlightRoot, '@astrojs/starlight');
if (!options['skip-lighthouse']) ensureInstalled(benchRoot, 'lighthouse');

log(
  `Benchmark: sizes ${sizes.join(', ')}, ${repeat} round(s) each, query "${options.query}", on Node ${process.version}`,
);
const ourSources = await snapshotOurSite();
const snapshotTime = new Date();
const commit = siteCommit();
log(`Site sources copied at commit ${commit}; every build of this run uses that copy`);
const browser = await launchChromium();
const chromium = browser.version();
const results: SizeResult[] = [];
let lighthouse: LighthouseResult[] | undefined;
try {
  for (const notes of sizes) {
    const result = await benchmarkSize(notes, browser);
    results.push(result);
    console.log(`\n${result.notes} notes (page ${result.representative})\n${sizeTable(result)}\n`);
  }
  if (!options['skip-lighthouse']) {
    lighthouse = await lighthouseOnRealSite();
    console.log(`\nLighthouse, mobile\n${lighthouseTable(lighthouse)}\n`);
  }
} finally {
  await browser.close();
  await removeSnapshot(ourSources);
}
if (results.length > 1) console.log(`Across sizes\n${scalingTable(results)}\n`);
if (results.length > 0)
  console.log(`Goals at ${results.at(-1)!.notes} notes\n${goalsTable(results.at(-1)!, lighthouse)}\n`);

const totalSeconds = (performance.now() - started) / 1000;
await writeFile(options.results, `${report(results, lighthouse, chromium, totalSeconds)}\n`);
log(
  `Done in ${Math.round(totalSeconds)} s; report written to ${path.relative(process.cwd(), options.results) || options.results}`,
);
