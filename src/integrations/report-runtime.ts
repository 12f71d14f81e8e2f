import type { AstroIntegration } from 'astro';

/** Logs the Node version at the start of every build, so a log shows the pinned runtime really ran it. */
export function reportRuntime(): AstroIntegration {
  return {
    name: 'report-runtime',
    hooks: {
      'astro:build:start': ({ logger }) => {
        logger.info(`Building on Node ${process.version}`);
      },
    },
  };
}
