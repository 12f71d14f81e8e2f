import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = path.join(repoRoot, 'node_modules/astro/bin/astro.mjs');

const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

export interface BuildOptions {
  /** Folder of notes to build; defaults to the repository's own notes. */
  notesDir?: string;
  /** Base path the site is served under, e.g. `/mla-notes/`. */
  base?: string;
  /** Extra environment for the build, e.g. SITE. */
  env?: Record<string, string>;
}

export interface BuildResult {
  exitCode: number;
  /** Everything the build printed, colours stripped. */
  log: string;
  outDir: string;
  seconds: number;
}

const projectRoots: string[] = [];

/**
 * A throwaway copy of the project (sources, config, a link to node_modules), so builds and dev
 * servers of fixtures never touch the repository's own `.astro/` folder or output.
 */
async function projectCopy(options: BuildOptions): Promise<{ root: string; env: NodeJS.ProcessEnv }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'notes-site-'));
  projectRoots.push(root);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await mkdir(path.join(root, '.cache'));
  // Vitest sets NODE_ENV, DEV, PROD, MODE, BASE_URL... in process.env; Astro would read them as the build's own.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.has(name) && !name.startsWith('VITEST')),
  );
  const env = {
    ...inherited,
    NOTES_DIR: options.notesDir ?? process.env.NOTES_DIR ?? path.join(repoRoot, 'content/notes'),
    OUT_DIR: path.join(root, 'dist'),
    CACHE_DIR: path.join(root, '.cache'),
    BASE: options.base ?? '/',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...options.env,
  };
  return { root, env };
}

/** Runs a real `astro build` in a throwaway copy of the project. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const { root, env } = await projectCopy(options);
  const started = performance.now();
  const { exitCode, log } = await run(process.execPath, [astroBin, 'build'], root, env);
  return { exitCode, log, outDir: env.OUT_DIR!, seconds: (performance.now() - started) / 1000 };
}

export interface DevServer {
  origin: string;
  stop(): Promise<void>;
}

/** Starts `astro dev` in a throwaway copy of the project and waits until it serves pages. */
export async function startDevServer(options: BuildOptions & { port: number }): Promise<DevServer> {
  const { root, env } = await projectCopy(options);
  const child: ChildProcess = spawn(
    process.execPath,
    [astroBin, 'dev', '--port', String(options.port), '--host', '127.0.0.1'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const origin = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${log}`);
    const ok = await fetch(`${origin}${options.base ?? '/'}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`astro dev did not start within a minute:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Deletes the throwaway project copies this process made. */
export async function removeBuilds(): Promise<void> {
  await Promise.all(projectRoots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** Terminal colour codes, which NO_COLOR does not always stop, removed from a log. */
function stripColours(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching the ESC character is the point
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, log: stripColours(log) }));
  });
}
