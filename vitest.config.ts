import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          // The site is built once, before these files run; they all read that one build.
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          // Browser assertions wait for islands that load on demand; a busy CI machine needs the slack.
          expect: { poll: { timeout: 10_000, interval: 50 } },
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
