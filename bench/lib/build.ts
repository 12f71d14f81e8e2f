import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineBusySeconds } from './machine-load.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const benchRoot = fileURLToPath(new URL('../', import.meta.url));
export const starlightRoot = path.join(benchRoot, 'starlight');

export type SiteName = 'ours' | 'starlight';

export interface BuiltSite {
  site: SiteName;
  /** The throwaway project the build ran in; `removeProject()` deletes it. */
  projectDir: string;
  outDir: string;
  /** Wall-clock seconds of `astro build`, Pagefind indexing included (both sites index inside the build). */
  seconds: number;
  /**
   * CPU seconds (user + system) of the build and every process it ran, Pagefind's included. Other
   * work on the machine slows the wall clock much more than it changes this.
   */
  cpuSeconds: number;
  /** Share of the machine's cores (0–1) that other processes kept busy while this build ran. */
  otherLoad: number;
  logFile: string;
}

export class BuildError extends Error {}

/** Astro reads these as its own settings; keep the caller's out of the build. */
const STRIPPED_VARIABLES = [
  'NODE_ENV',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
  'NOTES_DIR',
  'OUT_DIR',
  'CACHE_DIR',
  'BASE',
  'SITE',
];

const OUR_SITE_ENTRIES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * Copies this site's sources once, so every build of a run builds the same version of the site even
 * while the repository is being edited. `removeSnapshot()` deletes it.
 */
export async function snapshotOurSite(): Promise<string> {
  const snapshot = await mkdtemp(path.join(os.tmpdir(), 'bench-site-snapshot-'));
  for (const entry of OUR_SITE_ENTRIES) {
    await cp(path.join(repoRoot, entry), path.join(snapshot, entry), { recursive: true });
  }
  return snapshot;
}

export async function removeSnapshot(snapshot: string): Promise<void> {
  await rm(snapshot, { recursive: true, force: true });
}

/**
 * Builds one site in a fresh copy of its project, so neither the repository's `.astro/` and
 * `dist/` nor any build cache is reused: every build starts cold.
 *
 * - ours: the site's src, public and config (from `ourSources`: the repository, or a snapshot of it),
 *   with NOTES_DIR pointing at `content`.
 * - starlight: bench/starlight's config, with `content` (a `src/content/docs` folder) copied in.
 */
export async function buildSite(site: SiteName, content: string, ourSources = repoRoot): Promise<BuiltSite> {
  // Starlight ships .astro components in node_modules, which Astro cannot compile through a symlinked
  // node_modules; its throwaway projects live inside bench/starlight and find node_modules by walking up.
  const parent = site === 'ours' ? os.tmpdir() : path.join(starlightRoot, '.builds');
  await mkdir(parent, { recursive: true });
  const projectDir = await mkdtemp(path.join(parent, `bench-${site}-`));
  const outDir = path.join(projectDir, 'dist');
  const cacheDir = path.join(projectDir, '.cache');
  await mkdir(cacheDir);
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !STRIPPED_VARIABLES.includes(name)),
  );
  Object.assign(env, {
    OUT_DIR: outDir,
    CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });

  let sourceRoot: string;
  if (site === 'ours') {
    sourceRoot = repoRoot;
    for (const entry of OUR_SITE_ENTRIES) {
      await cp(path.join(ourSources, entry), path.join(projectDir, entry), { recursive: true });
    }
    Object.assign(env, { NOTES_DIR: content, BASE: '/' });
  } else {
    sourceRoot = starlightRoot;
    for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src/content.config.ts']) {
      await cp(path.join(starlightRoot, entry), path.join(projectDir, entry), { recursive: true });
    }
    await cp(content, path.join(projectDir, 'src', 'content', 'docs'), { recursive: true });
  }
  if (site === 'ours')
    await symlink(path.join(sourceRoot, 'node_modules'), path.join(projectDir, 'node_modules'), 'dir');

  const logFile = path.join(projectDir, 'build.log');
  const astro = path.join(sourceRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const busyBefore = machineBusySeconds();
  const started = performance.now();
  const { code, log, cpuSeconds } = await run(process.execPath, [astro, 'build'], projectDir, env);
  const seconds = (performance.now() - started) / 1000;
  const otherLoad = Math.max(
    0,
    (machineBusySeconds() - busyBefore - cpuSeconds) / (seconds * os.availableParallelism()),
  );
  await writeFile(logFile, log);
  if (code !== 0) {
    throw new BuildError(
      `${site} build failed (exit ${code}); log in ${logFile}:\n${log.split('\n').slice(-40).join('\n')}`,
    );
  }
  return { site, projectDir, outDir, seconds, cpuSeconds, otherLoad, logFile };
}

export async function removeProject(build: BuiltSite): Promise<void> {
  await rm(build.projectDir, { recursive: true, force: true });
}

/**
 * Runs the command under bash so that bash's `times` can report the CPU time of all its descendants
 * (the build, and the Pagefind binary it starts) on file descriptor 3 once the build has exited.
 */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; log: string; cpuSeconds: number }> {
  return new Promise((resolve, reject) => {
    const script = '"$@" 3>&-; status=$?; times >&3; exit $status';
    const child = spawn('bash', ['-c', script, 'bash', command, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let times = '';
    child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (times += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        log: Buffer.concat(chunks)
          .toString('utf8')
          // eslint-disable-next-line no-control-regex -- matching the ESC of colour codes is the point
          .replace(/\x1b\[[0-9;]*m/g, ''),
        cpuSeconds: childrenCpu(times),
      }),
    );
  });
}

/** bash's `times` prints the shell's user/system time, then its children's: `1m2.500s 0m3.250s`. */
function childrenCpu(times: string): number {
  const line = times.trim().split('\n').at(-1) ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  return parts.length === 2 ? parts[0]! + parts[1]! : NaN;
}
