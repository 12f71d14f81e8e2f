import type { TestProject } from 'vitest/node';
import { buildSite, removeBuilds, type BuildResult } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    site: BuildResult;
  }
}

/**
 * The one build, shared by every project whose tests read the site: each project runs this setup, all in
 * Vitest's own process, and a module-level promise would not be shared if each loads its own copy of this file.
 */
const shared = globalThis as typeof globalThis & { siteBuild?: Promise<BuildResult> };

/** Builds the real site once; every build-output and browser test reads this one build. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.siteBuild ??= buildSite();
  const site = await shared.siteBuild;
  if (site.exitCode !== 0) throw new Error(`The site build failed:\n${site.log}`);
  project.provide('site', site);
  // Vitest tears every project down only once all of them have run, so no project loses the build early.
  return removeBuilds;
}
