import { defineConfig } from 'vitest/config';

/**
 * Tests that time the page itself (search latency, long tasks under CPU throttling): they run after the
 * others, alone, so no other test's work on the same cores is counted against the page.
 */
const TIMED = ['tests/browser/search-latency.test.ts', 'tests/browser/study-review-performance.test.ts'];

/** Build-output and browser tests: the site is built once, before any of them runs, and they all read it. */
const siteTests = {
  globalSetup: ['tests/support/global-setup.ts'],
  testTimeout: 60_000,
  // Browser assertions wait for islands that load on demand; a busy CI machine needs the slack.
  expect: { poll: { timeout: 10_000, interval: 50 } },
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    // One file per core: most of a browser test's time is spent waiting for the browser, and test files
    // share nothing but the one read-only build. (Vitest's default leaves a core idle.)
    maxWorkers: '100%',
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
          exclude: TIMED,
          ...siteTests,
        },
      },
      {
        test: {
          name: 'timed',
          include: TIMED,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          ...siteTests,
        },
      },
    ],
  },
});
