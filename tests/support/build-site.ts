import { spawn } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

export interface BuildOptions {
  /** Folder of notes to build; defaults to the repository's own notes. */
  notesDir?: string;
  /** Base path the site is served under, e.g. `/mla-notes/`. */
  base?: string;
}

export interface BuildResult {
  exitCode: number;
  /** Everything the build printed, colours stripped. */
  log: string;
  outDir: string;
  seconds: number;
}

/**
 * Runs a real `astro build` in a throwaway copy of the project, so builds of fixtures
 * never touch the repository's own `.astro/` folder or output, and can run side by side.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'notes-site-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(repoRoot, entry), path.join(root, entry), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const outDir = path.join(root, 'dist');
  await mkdir(path.join(root, '.cache'));
  // Vitest sets NODE_ENV, DEV, PROD, MODE, BASE_URL... in process.env; Astro would read them as the build's own.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.has(name) && !name.startsWith('VITEST')));
  const env = {
    ...inherited,
    NOTES_DIR: options.notesDir ?? process.env.NOTES_DIR ?? path.join(repoRoot, 'content/notes'),
    OUT_DIR: outDir,
    CACHE_DIR: path.join(root, '.cache'),
    BASE: options.base ?? '/',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const started = performance.now();
  const { exitCode, log } = await run(process.execPath, [path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], root, env);
  builtRoots.push(root);
  return { exitCode, log, outDir, seconds: (performance.now() - started) / 1000 };
}

const builtRoots: string[] = [];

/** Deletes the throwaway project copies this process built. */
export async function removeBuilds(): Promise<void> {
  await Promise.all(builtRoots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ exitCode: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, log: log.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}
