/**
 * Dev-server start-up: starts `astro dev` as `npm run dev` does, in a fresh process, and prints how
 * long after the command it printed "ready" and how long until a note page answered. The server is
 * stopped afterwards.
 *
 *   node bench/dev-start.ts [--page /notes/eks/] [--port 4399] [--runs 3] [--cold] [--root DIR] [--npm]
 *
 * The Astro cache (`node_modules/.astro`, or CACHE_DIR) is kept between runs, as it is between two
 * `npm run dev`; `--cold` points each run at an empty cache folder instead.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/build.ts';

const { values: options } = parseArgs({
  options: {
    page: { type: 'string', default: '/notes/eks/' },
    port: { type: 'string', default: '4399' },
    runs: { type: 'string', default: '3' },
    cold: { type: 'boolean', default: false },
    root: { type: 'string', default: repoRoot },
    npm: { type: 'boolean', default: false },
  },
});

interface Start {
  /** Seconds from the command until Astro printed that it is ready. */
  ready: number;
  /** The start-up time Astro itself printed ("ready in 1234 ms"). */
  astroReady: number;
  /** Seconds from the command until the note page answered 200. */
  firstPage: number;
  /** CPU seconds (user + system) the server had used by then: less swayed by other work on the machine. */
  cpu: number;
}

/** User + system CPU seconds the processes of a group (the server and npm, if it started it) have used so far; Linux only. */
function groupCpuSeconds(group: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process has gone
    }
  }
  return ticks / 100;
}

/**
 * Removes Astro's dev-server lock file if it names the server this script just stopped, once that
 * process has gone: a server stopped by a signal leaves it behind.
 */
async function removeLockOf(port: number): Promise<void> {
  const lock = path.join(options.root, '.astro', 'dev.json');
  let pid: number;
  try {
    const contents = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; port: number };
    if (contents.port !== port) return;
    pid = contents.pid;
  } catch {
    return; // no lock file
  }
  for (let waited = 0; existsSync(`/proc/${pid}`) && waited < 5000; waited += 50) await sleep(50);
  if (!existsSync(`/proc/${pid}`)) rmSync(lock, { force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startOnce(port: number, page: string): Promise<Start> {
  const cacheDir = options.cold ? await mkdtemp(path.join(os.tmpdir(), 'dev-start-cache-')) : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  if (cacheDir) env.CACHE_DIR = cacheDir;
  delete env.NODE_ENV;
  const astro = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const started = performance.now();
  const [command, ...args] = options.npm
    ? ['npm', 'run', 'dev', '--', '--port', String(port)]
    : [process.execPath, astro, 'dev', '--port', String(port)];
  const child = spawn(command!, args, {
    cwd: options.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let ready = NaN;
  let astroReady = NaN;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const match = output.match(/ready in (\d+) ms/);
    if (match && Number.isNaN(ready)) {
      ready = (performance.now() - started) / 1000;
      astroReady = Number(match[1]) / 1000;
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  try {
    const url = `http://localhost:${port}${page}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}):\n${output}`);
      if (performance.now() - started > 120_000) throw new Error(`no answer from ${url} in 120 s:\n${output}`);
      try {
        const response = await fetch(url);
        if (response.ok) {
          await response.text();
          return {
            ready,
            astroReady,
            firstPage: (performance.now() - started) / 1000,
            cpu: groupCpuSeconds(child.pid!),
          };
        }
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await removeLockOf(port);
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  }
}

const runs: Start[] = [];
for (let run = 0; run < Number(options.runs); run++) {
  const start = await startOnce(Number(options.port), options.page);
  runs.push(start);
  console.log(
    `run ${run + 1}: ready after ${start.ready.toFixed(2)} s (Astro says ${start.astroReady.toFixed(2)} s); ` +
      `${options.page} answered after ${start.firstPage.toFixed(2)} s, ${start.cpu.toFixed(2)} s of CPU`,
  );
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `median of ${runs.length} (${options.cold ? 'empty' : 'warm'} Astro cache): ready ${median(runs.map((run) => run.ready)).toFixed(2)} s, ` +
    `first note page ${median(runs.map((run) => run.firstPage)).toFixed(2)} s from the command ` +
    `(${median(runs.map((run) => run.cpu)).toFixed(2)} s of CPU)`,
);
