import type { TestProject } from 'vitest/node';
import { buildSite, removeBuilds, type BuildResult } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    site: BuildResult;
  }
}

/** Builds the real site once; every build-output and browser test reads this one build. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildSite();
  if (site.exitCode !== 0) throw new Error(`The site build failed:\n${site.log}`);
  project.provide('site', site);
  return removeBuilds;
}
